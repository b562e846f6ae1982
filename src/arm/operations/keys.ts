import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { stripDefaultPort } from '../key-uri';
import { listAll } from '../paging';
import type { Key, KeyCreateParameters } from '../types/key-vault';

const v = apiVersions.keyVault;

/** Removes ARM's `:443` from key URIs once, at the edge, so the rest of the console never sees it. */
function normalizeKey(key: Key): Key {
  const p = key.properties;
  return {
    ...key,
    properties: {
      ...p,
      keyUri: p.keyUri ? stripDefaultPort(p.keyUri) : p.keyUri,
      keyUriWithVersion: p.keyUriWithVersion ? stripDefaultPort(p.keyUriWithVersion) : p.keyUriWithVersion,
    },
  };
}

export async function keysList(vaultId: string, signal?: AbortSignal): Promise<Key[]> {
  return (await listAll<Key>(`${vaultId}/keys`, { apiVersion: v, signal })).map(normalizeKey);
}

export async function keysGet(vaultId: string, keyName: string, signal?: AbortSignal): Promise<Key> {
  return normalizeKey(
    (await armRequest<Key>({ method: 'GET', path: `${vaultId}/keys/${keyName}`, apiVersion: v, signal }))
      .body,
  );
}

export async function keysListVersions(
  vaultId: string,
  keyName: string,
  signal?: AbortSignal,
): Promise<Key[]> {
  return (await listAll<Key>(`${vaultId}/keys/${keyName}/versions`, { apiVersion: v, signal })).map(
    normalizeKey,
  );
}

export async function keysGetVersion(
  vaultId: string,
  keyName: string,
  version: string,
  signal?: AbortSignal,
): Promise<Key> {
  const r = await armRequest<Key>({
    method: 'GET',
    path: `${vaultId}/keys/${keyName}/versions/${version}`,
    apiVersion: v,
    signal,
  });
  return normalizeKey(r.body);
}

/** Keys_CreateIfNotExist: creates the first version only; an existing key comes back unchanged. */
export async function keysCreateIfNotExist(
  vaultId: string,
  keyName: string,
  params: KeyCreateParameters,
  signal?: AbortSignal,
): Promise<Key> {
  const r = await armRequest<Key>({
    method: 'PUT',
    path: `${vaultId}/keys/${keyName}`,
    apiVersion: v,
    body: params,
    signal,
  });
  return normalizeKey(r.body);
}
