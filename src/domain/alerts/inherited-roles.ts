import type { ActivityLogAlertProperties } from '../../arm/types/alerts';
import type { RoleAssignment } from '../../arm/types/resources';
import type { CmekPrincipalLookup } from '../bot-service-principal';
import { isCmekRole } from '../cmek';
import { keyguardTag, notifying, resourceGroupOf, slug, type PlannedResource } from './plan-parts';

export const roleDeleteOperation = 'Microsoft.Authorization/roleAssignments/delete';

const lower = (s: string) => s.toLowerCase().replace(/\/+$/, '');

/** Where an assignment was made: its `scope`, or its id without the assignment's own segment. */
const scopeOf = (a: RoleAssignment) =>
  a.properties.scope ?? a.id.replace(/\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i, '');

interface InheritedRole {
  id: string;
  scope: string;
}

export interface InheritedCmekRoles {
  /** At the vault's resource group or subscription: their removal is logged there, where an Activity log alert sees it. */
  watchable: InheritedRole[];
  /**
   * At a management group or the tenant root: their removal is logged at the tenant, which an Activity log alert
   * (scoped to a subscription, a group or a resource) never reads.
   */
  unwatchable: InheritedRole[];
}

/**
 * Bot Service CMEK Prod's assignments of the CMEK role (from a list read at the vault with `atScope()`, so it holds
 * those at and above it) that reach the vault from above. Those at the vault or on one of its keys are logged under
 * the vault, where its own Activity log alert already watches role assignments being removed.
 */
function inheritedCmekRoles(
  vaultId: string,
  assignments: readonly RoleAssignment[],
  principalId: string,
): InheritedCmekRoles {
  const vault = lower(vaultId);
  const out: InheritedCmekRoles = { watchable: [], unwatchable: [] };
  for (const a of assignments) {
    if (lower(a.properties.principalId) !== lower(principalId) || !isCmekRole(a.properties.roleDefinitionId))
      continue;
    const scope = lower(scopeOf(a));
    if (scope === vault || scope.startsWith(`${vault}/`)) continue;
    const role = { id: a.id, scope: scopeOf(a) };
    if (scope.startsWith('/subscriptions/')) {
      if (vault.startsWith(`${scope}/`)) out.watchable.push(role);
    } else out.unwatchable.push(role);
  }
  return out;
}

/**
 * An Activity log alert on the removal of those assignments: scoped to the vault's subscription when one was made
 * there (a subscription's scope also sees its groups' events), else to the vault's resource group, and narrowed to the
 * assignments' own ids so other role changes there stay quiet. Undefined when none reach the vault from above.
 */
export function planRoleWatch(
  vault: { id: string; name: string },
  roles: InheritedCmekRoles,
  groupId: string,
  existing: ReadonlyMap<string, string[]> | undefined,
): PlannedResource | undefined {
  if (roles.watchable.length === 0) return undefined;
  const rg = resourceGroupOf(vault.id);
  const subscription = rg.replace(/\/resourceGroups\/[^/]+$/i, '');
  const atSubscription = roles.watchable.some((r) => lower(r.scope) === lower(subscription));
  const scope = atSubscription ? subscription : rg;
  const id = `${rg}/providers/Microsoft.Insights/activityLogAlerts/keyguard-cmk-roles-${slug(vault.name)}`;
  const to = notifying(existing, id, groupId);
  const properties: ActivityLogAlertProperties = {
    enabled: true,
    scopes: [scope],
    description: `Bot Service CMEK Prod's role on ${vault.name}, given at its ${atSubscription ? 'subscription' : 'resource group'}, is removed: the bots using its keys stop. Made by Keyguard.`,
    condition: {
      allOf: [
        { field: 'category', equals: 'Administrative' },
        { field: 'status', equals: 'Succeeded' },
        { field: 'operationName', equals: roleDeleteOperation },
        { anyOf: roles.watchable.map((r) => ({ field: 'resourceId', equals: r.id })) },
      ],
    },
    actions: { actionGroups: to.groups.map((actionGroupId) => ({ actionGroupId })) },
  };
  const n = roles.watchable.length;
  return {
    kind: 'roleActivityAlert',
    id,
    keeps: to.keeps,
    type: 'Microsoft.Insights/activityLogAlerts',
    title: `Activity log alert rule (role above the vault)`,
    scope,
    purpose: `Fires when ${n === 1 ? 'the role assignment' : `one of the ${n} role assignments`} giving Bot Service CMEK Prod the vault's keys from its ${atSubscription ? 'subscription or resource group' : 'resource group'} is removed; no other role change there.`,
    body: { location: 'Global', tags: keyguardTag, properties },
  };
}

/** What no alert of Keyguard's can watch, said before the set-up runs: undefined when everything is watched. */
export function unwatchedRolesNote(roles: InheritedCmekRoles | undefined): string | undefined {
  const n = roles?.unwatchable.length ?? 0;
  if (n === 0) return undefined;
  const where = [...new Set(roles!.unwatchable.map((r) => r.scope))].join(', ');
  return `Bot Service CMEK Prod also holds the vault's role from ${where}. Its removal is logged at the tenant, which Activity log alerts cannot watch: nobody would be told of it until the bots' unwraps fail (and then only by the failure alert, which needs the vault's audit log).`;
}

/**
 * The inherited roles to watch for one vault, or undefined when Keyguard cannot tell (the vault's mode, its role
 * assignments or Microsoft's principal not read, or a cloud where the principal cannot be verified): then coverage is
 * not called complete. A vault with access policies has none; nor does a tenant without Microsoft's principal.
 */
export function inheritedRolesOf(
  vault: { id: string; rbac: boolean | undefined },
  assignments: readonly RoleAssignment[] | undefined,
  principal: CmekPrincipalLookup | undefined,
): InheritedCmekRoles | undefined {
  if (vault.rbac === false) return { watchable: [], unwatchable: [] };
  if (vault.rbac === undefined || !principal || principal.status === 'unverifiable') return undefined;
  if (principal.status !== 'found') return { watchable: [], unwatchable: [] };
  return assignments ? inheritedCmekRoles(vault.id, assignments, principal.principal.id) : undefined;
}
