import type { AccessPolicyEntry, AccessPolicyOperationKind } from '../../arm/types/key-vault';
import { assumptions } from '../store/assumptions';
import { invalid, type Refusal } from './errors';
import type { TwinVault } from '../store/model';

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxEntries = 1024;

/** Why Key Vault refuses these access policy entries, or undefined when it takes them. */
export function validateAccessPolicies(vault: TwinVault, entries: unknown, max: number): Refusal | undefined {
  if (!Array.isArray(entries))
    return invalid(
      'BadRequest',
      'The property accessPolicies must be an array.',
      'properties.accessPolicies',
    );
  if (entries.length > max)
    return invalid(
      'BadRequest',
      `At most ${max} access policies are allowed here.`,
      'properties.accessPolicies',
    );
  for (const e of entries as Partial<AccessPolicyEntry>[]) {
    if (!e || typeof e.objectId !== 'string' || !e.objectId)
      return invalid(
        'BadRequest',
        'Each access policy needs an objectId.',
        'properties.accessPolicies.objectId',
      );
    if (typeof e.tenantId !== 'string' || !guidPattern.test(e.tenantId))
      return invalid(
        'BadRequest',
        'Each access policy needs a tenantId GUID.',
        'properties.accessPolicies.tenantId',
      );
    if (e.tenantId?.toLowerCase() !== vault.tenantId.toLowerCase()) {
      return invalid(
        'BadRequest',
        `The tenant '${e.tenantId}' of an access policy does not match the vault's tenant '${vault.tenantId}'.`,
        'properties.accessPolicies.tenantId',
      );
    }
    if (!e.permissions || typeof e.permissions !== 'object')
      return invalid(
        'BadRequest',
        'Each access policy needs permissions.',
        'properties.accessPolicies.permissions',
      );
  }
  return undefined;
}

/** Merges permission lists case-insensitively, keeping the casing first seen (Azure stores what it was given). */
const union = (a: string[] = [], b: string[] = []) => {
  const out: string[] = [];
  for (const x of [...a, ...b]) if (!out.some((y) => y.toLowerCase() === x.toLowerCase())) out.push(x);
  return out;
};
const sameEntry = (a: AccessPolicyEntry, b: AccessPolicyEntry) =>
  a.objectId.toLowerCase() === b.objectId.toLowerCase() &&
  (a.applicationId ?? '').toLowerCase() === (b.applicationId ?? '').toLowerCase();

/** Vaults_UpdateAccessPolicy: `add` merges permissions per object id, `replace` replaces the entry, `remove` drops it. */
export function applyAccessPolicyOperation(
  vault: TwinVault,
  kind: AccessPolicyOperationKind,
  raw: unknown,
): TwinVault | Refusal {
  const body = raw as { properties?: { accessPolicies?: unknown } } | null;
  const entries = body?.properties?.accessPolicies;
  if (entries === undefined)
    return invalid(
      'BadRequest',
      "The property 'properties.accessPolicies' is required.",
      'properties.accessPolicies',
    );
  const refused = validateAccessPolicies(vault, entries, 16);
  if (refused) return refused;
  let list = vault.accessPolicies.map((e) => structuredClone(e));
  for (const entry of entries as AccessPolicyEntry[]) {
    const i = list.findIndex((e) => sameEntry(e, entry));
    if (kind === 'remove') {
      if (i >= 0 && assumptions.accessPolicyRemoveDropsEntry) list = list.filter((_, j) => j !== i);
      continue;
    }
    if (i < 0) {
      list.push(structuredClone(entry));
    } else if (kind === 'replace') {
      list[i] = structuredClone(entry);
    } else {
      const old = list[i] as AccessPolicyEntry;
      list[i] = {
        ...old,
        permissions: {
          keys: union(old.permissions.keys, entry.permissions.keys),
          secrets: union(old.permissions.secrets, entry.permissions.secrets),
          certificates: union(old.permissions.certificates, entry.permissions.certificates),
          storage: union(old.permissions.storage, entry.permissions.storage),
        },
      };
    }
  }
  if (list.length > maxEntries)
    return invalid(
      'BadRequest',
      `A key vault can have at most ${maxEntries} access policies.`,
      'properties.accessPolicies',
    );
  return { ...vault, accessPolicies: list };
}
