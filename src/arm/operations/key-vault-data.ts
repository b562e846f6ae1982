import { apiVersions } from '../api-versions';
import { armFetch, armRequest, gatewayBase } from '../client';
import type {
  DeletedKeyBundle,
  DeletedKeyItem,
  DeletedKeyListResult,
  KeyBundle,
  KeyRotationPolicy,
  KeyVaultCreateParameters,
  KeyVaultUpdateParameters,
} from '../types/key-vault-data';

/**
 * Key Vault's data plane, through the deployment's gateway (`{gateway}/{vault host}/keys/...`): what ARM cannot do
 * for keys (a new version, rotate, enable and disable, expiry, rotation policy, delete, recover). The token is the
 * admin's own, for Key Vault.
 */
const v = apiVersions.keyVaultData;

function hostOf(vaultUrl: string): string {
  const host = new URL(vaultUrl).hostname.toLowerCase();
  if (!/^[a-z0-9-]{3,24}\.vault\.(azure\.net|usgovcloudapi\.net|azure\.cn)$/.test(host))
    throw new Error(`Not a Key Vault address: ${vaultUrl}`);
  return host;
}

const path = (vaultUrl: string, rest: string) => `/${hostOf(vaultUrl)}${rest}`;
const enc = encodeURIComponent;

/** Whether this deployment has the gateway: its probe answers (a deployment without one answers 404). */
export async function gatewayProbe(signal?: AbortSignal): Promise<boolean> {
  const response = await armFetch(gatewayBase(), { signal, headers: { accept: 'application/json' } }).catch(
    () => undefined,
  );
  if (!response?.ok) return false;
  const body = (await response.json().catch(() => undefined)) as { service?: unknown } | undefined;
  return body?.service === 'keyguard-key-vault-gateway';
}

/** CreateKey on an existing name: a new version of it. */
export async function keysCreateVersion(vaultUrl: string, name: string, params: KeyVaultCreateParameters) {
  return (
    await armRequest<KeyBundle>({
      method: 'POST',
      service: 'gateway',
      path: path(vaultUrl, `/keys/${enc(name)}/create`),
      apiVersion: v,
      body: params,
    })
  ).body;
}

export async function keysRotate(vaultUrl: string, name: string) {
  return (
    await armRequest<KeyBundle>({
      method: 'POST',
      service: 'gateway',
      path: path(vaultUrl, `/keys/${enc(name)}/rotate`),
      apiVersion: v,
    })
  ).body;
}

/** UpdateKey: attributes of one version (enabled, activation, expiry). Setting state, so safe to repeat. */
export async function keysUpdate(
  vaultUrl: string,
  name: string,
  version: string,
  params: KeyVaultUpdateParameters,
) {
  return (
    await armRequest<KeyBundle>({
      method: 'PATCH',
      service: 'gateway',
      path: path(vaultUrl, `/keys/${enc(name)}/${enc(version)}`),
      apiVersion: v,
      body: params,
      idempotent: true,
    })
  ).body;
}

/** GetKeyRotationPolicy: the key's policy, or Key Vault's default (Notify 30 days before expiry) when it has none. */
export async function rotationPolicyGet(vaultUrl: string, name: string, signal?: AbortSignal) {
  return (
    await armRequest<KeyRotationPolicy>({
      method: 'GET',
      service: 'gateway',
      path: path(vaultUrl, `/keys/${enc(name)}/rotationpolicy`),
      apiVersion: v,
      signal,
    })
  ).body;
}

export async function rotationPolicySet(vaultUrl: string, name: string, policy: KeyRotationPolicy) {
  return (
    await armRequest<KeyRotationPolicy>({
      method: 'PUT',
      service: 'gateway',
      path: path(vaultUrl, `/keys/${enc(name)}/rotationpolicy`),
      apiVersion: v,
      body: policy,
    })
  ).body;
}

/** DeleteKey: soft delete (the key stays recoverable for the vault's retention). */
export async function keysDelete(vaultUrl: string, name: string) {
  return (
    await armRequest<DeletedKeyBundle>({
      method: 'DELETE',
      service: 'gateway',
      path: path(vaultUrl, `/keys/${enc(name)}`),
      apiVersion: v,
    })
  ).body;
}

/** GetDeletedKeys, following nextLink through the gateway (it names the vault host, which the browser cannot call). */
export async function deletedKeysList(vaultUrl: string, signal?: AbortSignal): Promise<DeletedKeyItem[]> {
  const host = hostOf(vaultUrl);
  const items: DeletedKeyItem[] = [];
  let next: string | undefined = path(vaultUrl, '/deletedkeys');
  for (let first = true; next; first = false) {
    const page: { body: DeletedKeyListResult } = await armRequest<DeletedKeyListResult>({
      method: 'GET',
      service: 'gateway',
      path: next,
      apiVersion: first ? v : undefined,
      query: first ? { maxresults: '25' } : undefined,
      signal,
    });
    items.push(...(page.body.value ?? []));
    const link = page.body.nextLink ? new URL(page.body.nextLink) : undefined;
    next =
      link && link.hostname.toLowerCase() === host ? `/${host}${link.pathname}${link.search}` : undefined;
  }
  return items;
}

/** GetDeletedKey: 404 until a deletion has finished (Key Vault's delete poller reads it back the same way). */
export async function deletedKeyGet(vaultUrl: string, name: string, signal?: AbortSignal) {
  return (
    await armRequest<DeletedKeyBundle>({
      method: 'GET',
      service: 'gateway',
      path: path(vaultUrl, `/deletedkeys/${enc(name)}`),
      apiVersion: v,
      signal,
    })
  ).body;
}

export async function deletedKeyRecover(vaultUrl: string, name: string) {
  return (
    await armRequest<KeyBundle>({
      method: 'POST',
      service: 'gateway',
      path: path(vaultUrl, `/deletedkeys/${enc(name)}/recover`),
      apiVersion: v,
    })
  ).body;
}
