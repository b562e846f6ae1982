import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { listAll } from '../paging';
import type {
  AccessPolicyEntry,
  AccessPolicyOperationKind,
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

/**
 * Drops any `false` for soft delete or purge protection before it can reach the wire: Azure rejects
 * `enablePurgeProtection:false` on every PUT/PATCH and both switches are one-way. The types already forbid it; this
 * guards callers that build a patch from untyped data.
 */
function sanitizeVaultPatch(patch: VaultPatchParameters): VaultPatchParameters {
  if (!patch.properties) return patch;
  const properties = { ...patch.properties } as Record<string, unknown>;
  for (const flag of ['enableSoftDelete', 'enablePurgeProtection'])
    if (properties[flag] !== true) delete properties[flag];
  return { ...patch, properties: properties };
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
