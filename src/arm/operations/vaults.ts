import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { completeLongRunning } from '../lro';
import { listAll } from '../paging';
import type {
  AccessPolicyEntry,
  AccessPolicyOperationKind,
  DeletedVault,
  Vault,
  VaultAccessPolicyParameters,
  VaultPatchParameters,
} from '../types/key-vault';

const v = apiVersions.keyVault;

export async function vaultsGet(id: string, signal?: AbortSignal): Promise<Vault> {
  return (await armRequest<Vault>({ method: 'GET', path: id, apiVersion: v, signal })).body;
}

export function vaultsListBySubscription(subscriptionId: string, signal?: AbortSignal): Promise<Vault[]> {
  return listAll<Vault>(`/subscriptions/${subscriptionId}/providers/Microsoft.KeyVault/vaults`, {
    apiVersion: v,
    signal,
  });
}

export function vaultsListByResourceGroup(
  subscriptionId: string,
  resourceGroup: string,
  signal?: AbortSignal,
): Promise<Vault[]> {
  return listAll<Vault>(
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.KeyVault/vaults`,
    {
      apiVersion: v,
      signal,
    },
  );
}

/**
 * Drops any `false` for soft delete or purge protection before it can reach the wire: Azure rejects
 * `enablePurgeProtection:false` on every PUT/PATCH and both switches are one-way. The types already forbid it; this
 * guards callers that build a patch from untyped data.
 */
export function sanitizeVaultPatch(patch: VaultPatchParameters): VaultPatchParameters {
  if (!patch.properties) return patch;
  const properties = { ...patch.properties } as Record<string, unknown>;
  for (const flag of ['enableSoftDelete', 'enablePurgeProtection'])
    if (properties[flag] !== true) delete properties[flag];
  return { ...patch, properties: properties as VaultPatchParameters['properties'] };
}

/** Vaults_Update (PATCH). */
export async function vaultsUpdate(
  id: string,
  patch: VaultPatchParameters,
  signal?: AbortSignal,
): Promise<Vault> {
  return (
    await armRequest<Vault>({
      method: 'PATCH',
      path: id,
      apiVersion: v,
      body: sanitizeVaultPatch(patch),
      signal,
      idempotent: true,
    })
  ).body;
}

/** Vaults_UpdateAccessPolicy: add merges, replace replaces, remove removes, per object id. */
export async function vaultsUpdateAccessPolicy(
  vaultId: string,
  operationKind: AccessPolicyOperationKind,
  accessPolicies: AccessPolicyEntry[],
  signal?: AbortSignal,
): Promise<VaultAccessPolicyParameters> {
  const response = await armRequest<VaultAccessPolicyParameters>({
    method: 'PUT',
    path: `${vaultId}/accessPolicies/${operationKind}`,
    apiVersion: v,
    body: { properties: { accessPolicies } },
    signal,
  });
  return response.body;
}

export function vaultsListDeleted(subscriptionId: string, signal?: AbortSignal): Promise<DeletedVault[]> {
  return listAll<DeletedVault>(
    `/subscriptions/${subscriptionId}/providers/Microsoft.KeyVault/deletedVaults`,
    { apiVersion: v, signal },
  );
}

const deletedPath = (sub: string, location: string, name: string) =>
  `/subscriptions/${sub}/providers/Microsoft.KeyVault/locations/${location}/deletedVaults/${name}`;

export async function vaultsGetDeleted(
  sub: string,
  location: string,
  name: string,
  signal?: AbortSignal,
): Promise<DeletedVault> {
  return (
    await armRequest<DeletedVault>({
      method: 'GET',
      path: deletedPath(sub, location, name),
      apiVersion: v,
      signal,
    })
  ).body;
}

/** Vaults_PurgeDeleted: a long-running POST (202 + Location). Refused for purge-protected vaults. */
export async function vaultsPurgeDeleted(
  sub: string,
  location: string,
  name: string,
  signal?: AbortSignal,
): Promise<void> {
  const first = await armRequest<unknown>({
    method: 'POST',
    path: `${deletedPath(sub, location, name)}/purge`,
    apiVersion: v,
    signal,
  });
  await completeLongRunning(first, { signal });
}

/** Recovering a soft-deleted vault is a PUT with `createMode: recover` (Vaults_CreateOrUpdate, long-running). */
export async function vaultsRecover(
  vaultId: string,
  location: string,
  tenantId: string,
  signal?: AbortSignal,
): Promise<Vault | undefined> {
  const first = await armRequest<Vault>({
    method: 'PUT',
    path: vaultId,
    apiVersion: v,
    body: {
      location,
      properties: { tenantId, sku: { family: 'A', name: 'standard' }, createMode: 'recover' },
    },
    signal,
  });
  return completeLongRunning<Vault>(first, { finalPath: vaultId, apiVersion: v, signal });
}
