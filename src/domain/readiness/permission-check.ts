import type { Vault } from '../../arm/types/key-vault';
import type { RoleAssignment } from '../../arm/types/resources';
import { botServiceCmekApp, principalTrust, type ServicePrincipalFacts } from '../bot-service-principal';
import { cmekRoleName, hasCmekPermissions, isCmekRole, missingCmekPermissions } from '../cmek';
import { errorOf, unknown, valueOf, type ReadinessCheck, type ReadinessInput } from './types';

const name = botServiceCmekApp.displayName;
export const permissionLabel = `${name} may get, wrap and unwrap keys`;

type BladeLink = (blade: string, label: string) => ReadinessCheck['blade'];

/**
 * Object ids other than Microsoft's principal that hold what Azure Bot Service needs on this vault (the CMEK key
 * permissions, or the CMEK role on an RBAC vault): the console names them when they turn out to be lookalikes.
 */
export function cmekGranteeIds(
  vault: Vault,
  roleAssignments: RoleAssignment[] | undefined,
  genuineId: string | undefined,
): string[] {
  const ids = vault.properties.enableRbacAuthorization
    ? (roleAssignments ?? [])
        .filter((r) => isCmekRole(r.properties.roleDefinitionId))
        .map((r) => r.properties.principalId)
    : (vault.properties.accessPolicies ?? []).filter((e) => hasCmekPermissions(e)).map((e) => e.objectId);
  const skip = genuineId?.toLowerCase();
  return [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => id !== skip).sort();
}

function lookalikeNote(i: ReadinessInput): string {
  const lookalikes = (valueOf(i.otherGrantees) ?? []).filter(
    (p: ServicePrincipalFacts) => principalTrust(p, i.cloud) === 'lookalike',
  );
  if (lookalikes.length === 0) return '';
  const list = lookalikes
    .map((p) => `“${p.displayName}” (object ${p.id}, application ${p.appId ?? 'unknown'})`)
    .join(', ');
  return ` Only a lookalike holds this access: ${list} ${lookalikes.length === 1 ? 'is' : 'are'} not Microsoft’s application, so ${lookalikes.length === 1 ? 'its' : 'their'} access does not count, and Keyguard never grants ${lookalikes.length === 1 ? 'it' : 'them'} anything.`;
}

/** The access Microsoft's own Bot Service CMEK Prod principal holds on the vault; nobody else's counts. */
export function permissionCheck(i: ReadinessInput, vault: Vault, vaultBlade: BladeLink): ReadinessCheck {
  const lookup = valueOf(i.cmekPrincipal);
  if (!lookup)
    return unknown(
      'permissions',
      permissionLabel,
      `${name} could not be looked up: ${errorOf(i.cmekPrincipal)}`,
    );
  const failed = (reason: string, extra: Partial<ReadinessCheck> = {}): ReadinessCheck => ({
    id: 'permissions',
    label: permissionLabel,
    state: 'failed',
    reason: reason + lookalikeNote(i),
    ...extra,
  });
  switch (lookup.status) {
    case 'unverifiable':
      return unknown(
        'permissions',
        permissionLabel,
        `Keyguard knows Microsoft’s ${name} application only in the Azure public cloud, so here it cannot tell Microsoft’s principal from a lookalike and grants nothing. Check the vault’s access in the Azure portal.`,
      );
    case 'untrusted':
      return failed(
        `The principal answering for ${name}’s application id (${lookup.principal.id}) is owned by ${lookup.principal.appOwnerOrganizationId ?? 'an unknown tenant'}, not by Microsoft: Keyguard grants it nothing.`,
      );
    case 'missing':
      return failed(
        `This directory has no service principal for Microsoft’s ${name} application (${lookup.appId}) yet. Create it, then give it access.`,
        { fix: 'create-principal' },
      );
    case 'found':
      break;
  }
  const id = lookup.principal.id.toLowerCase();
  if (vault.properties.enableRbacAuthorization) {
    const ras = valueOf(i.roleAssignments);
    if (!ras)
      return unknown(
        'permissions',
        permissionLabel,
        `Role assignments could not be read: ${errorOf(i.roleAssignments)}`,
      );
    const has = ras.some(
      (r) => r.properties.principalId.toLowerCase() === id && isCmekRole(r.properties.roleDefinitionId),
    );
    return has
      ? {
          id: 'permissions',
          label: permissionLabel,
          state: 'passed',
          reason: `The vault uses Azure RBAC, and ${name} (${lookup.principal.id}) holds ${cmekRoleName}.`,
        }
      : failed(
          `The vault uses Azure RBAC (access policies are ignored), and ${name} (${lookup.principal.id}) lacks the role ${cmekRoleName}.`,
          { fix: 'role-assignment', blade: vaultBlade('iam', 'Access control (IAM)') },
        );
  }
  const entry = (vault.properties.accessPolicies ?? []).find((e) => e.objectId.toLowerCase() === id);
  if (hasCmekPermissions(entry))
    return {
      id: 'permissions',
      label: permissionLabel,
      state: 'passed',
      reason: `The access policy of ${name} (${lookup.principal.id}) grants Get, Wrap Key and Unwrap Key.`,
    };
  return failed(
    entry
      ? `The access policy of ${name} (${lookup.principal.id}) lacks ${missingCmekPermissions(entry).join(', ')}.`
      : `The vault has no access policy for ${name} (${lookup.principal.id}).`,
    { fix: 'access-policy', blade: vaultBlade('accesspolicies', 'Access policies') },
  );
}
