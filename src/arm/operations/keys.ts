import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { listAll } from '../paging';
import type { Key, KeyCreateParameters } from '../types/key-vault';

const v = apiVersions.keyVault;

export async function keysList(vaultId: string, signal?: AbortSignal): Promise<Key[]> {
  return listAll<Key>(`${vaultId}/keys`, { apiVersion: v, signal });
}

export async function keysListVersions(
  vaultId: string,
  keyName: string,
  signal?: AbortSignal,
): Promise<Key[]> {
  return listAll<Key>(`${vaultId}/keys/${keyName}/versions`, { apiVersion: v, signal });
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
  return r.body;
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
  return r.body;
}
