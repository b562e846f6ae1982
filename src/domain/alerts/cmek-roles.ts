import type { ActivityLogAlertProperties } from '../../arm/types/alerts';
import type { RoleAssignment } from '../../arm/types/resources';
import type { CmekPrincipalLookup } from '../bot-service-principal';
import { keyguardTag, notifying, resourceGroupOf, slug, type PlannedResource } from './plan-parts';

export const roleDeleteOperation = 'Microsoft.Authorization/roleAssignments/delete';

const lower = (s: string) => s.toLowerCase().replace(/\/+$/, '');

/** Where an assignment was made: its `scope`, or its id without the assignment's own segment. */
const scopeOf = (a: RoleAssignment) =>
  a.properties.scope ?? a.id.replace(/\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i, '');

interface RoleAt {
  id: string;
  scope: string;
}

/**
 * Bot Service CMEK Prod's role assignments that reach a vault, by where their removal is logged. Every role of the
 * principal counts, not only Key Vault Crypto Service Encryption User: another one (Crypto User, Administrator, a
 * custom role) may be what opens the keys, and Keyguard cannot tell which one the bots rely on.
 */
export interface CmekRoles {
  /** The vault uses Azure RBAC: then the vault's own alert must watch role removals (one on a key is logged there). */
  rbac: boolean;
  /** At the vault (read with `atScope()`, which lists the vault's and its ancestors', never its keys'). */
  atVault: RoleAt[];
  /** At the vault's resource group or subscription: logged there, where an Activity log alert of its own sees it. */
  above: RoleAt[];
  /**
   * At a management group or the tenant root: logged at the tenant, which an Activity log alert (scoped to a
   * subscription, a group or a resource) never reads.
   */
  unwatchable: RoleAt[];
}

/**
 * What a plan knows of them: `'unread'` on an RBAC vault whose roles Keyguard could not tell (not read, or Microsoft's
 * principal not read or not confirmed).
 */
export type CmekRolesRead = CmekRoles | 'unread';

const noRoles = (rbac: boolean): CmekRoles => ({ rbac, atVault: [], above: [], unwatchable: [] });

/** From a list read at the vault with `atScope()`: the assignments at the vault and at its ancestors. */
function cmekRolesAround(
  vaultId: string,
  assignments: readonly RoleAssignment[],
  principalId: string,
): CmekRoles {
  const vault = lower(vaultId);
  const out = noRoles(true);
  for (const a of assignments) {
    if (lower(a.properties.principalId) !== lower(principalId)) continue;
    const scope = lower(scopeOf(a));
    const role = { id: a.id, scope: scopeOf(a) };
    if (scope === vault || scope.startsWith(`${vault}/`)) out.atVault.push(role);
    else if (!scope.startsWith('/subscriptions/')) out.unwatchable.push(role);
    else if (vault.startsWith(`${scope}/`)) out.above.push(role);
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
  roles: CmekRoles,
  groupId: string,
  existing: ReadonlyMap<string, string[]> | undefined,
): PlannedResource | undefined {
  if (roles.above.length === 0) return undefined;
  const rg = resourceGroupOf(vault.id);
  const subscription = rg.replace(/\/resourceGroups\/[^/]+$/i, '');
  const atSubscription = roles.above.some((r) => lower(r.scope) === lower(subscription));
  const scope = atSubscription ? subscription : rg;
  const id = `${rg}/providers/Microsoft.Insights/activityLogAlerts/keyguard-cmk-roles-${slug(vault.name)}`;
  const to = notifying(existing, id, groupId);
  const properties: ActivityLogAlertProperties = {
    enabled: true,
    scopes: [scope],
    description: `A role of Bot Service CMEK Prod reaching ${vault.name} from its ${atSubscription ? 'subscription or resource group' : 'resource group'} is removed: the bots using its keys may stop. Made by Keyguard.`,
    condition: {
      allOf: [
        { field: 'category', equals: 'Administrative' },
        { field: 'status', equals: 'Succeeded' },
        { field: 'operationName', equals: roleDeleteOperation },
        { anyOf: roles.above.map((r) => ({ field: 'resourceId', equals: r.id })) },
      ],
    },
    actions: { actionGroups: to.groups.map((actionGroupId) => ({ actionGroupId })) },
  };
  const n = roles.above.length;
  return {
    kind: 'roleActivityAlert',
    id,
    keeps: to.keeps,
    type: 'Microsoft.Insights/activityLogAlerts',
    title: `Activity log alert rule (role above the vault)`,
    scope,
    purpose: `Fires when ${n === 1 ? 'the role assignment' : `one of the ${n} role assignments`} giving Bot Service CMEK Prod a role on the vault from its ${atSubscription ? 'subscription or resource group' : 'resource group'} is removed; no other role change there.`,
    body: { location: 'Global', tags: keyguardTag, properties },
  };
}

/** What no alert of Keyguard's watches, said before the set-up runs: undefined when everything is watched. */
export function unwatchedRolesNote(roles: CmekRolesRead | undefined): string | undefined {
  if (roles === 'unread')
    return "Keyguard could not tell which roles give Bot Service CMEK Prod this vault's keys (the vault's role assignments or Microsoft's principal could not be read or confirmed), so a role given at its resource group or subscription is not watched. The other alerts do not need them.";
  if (!roles?.unwatchable.length) return undefined;
  const where = [
    ...new Set(roles.unwatchable.map((r) => (lower(r.scope) === '' ? 'the tenant root' : r.scope))),
  ];
  return `Bot Service CMEK Prod holds a role on the vault from ${where.join(', ')}. Its removal is logged at the tenant, which Activity log alerts cannot watch: nobody would be told of it until the bots' unwraps fail (and then only by the failure alert, which needs the vault's audit log).`;
}

/**
 * The roles to watch for one vault, or undefined when Keyguard cannot tell (the vault's mode, its role assignments or
 * Microsoft's principal not read, or a principal it cannot vouch for): then coverage is never called complete. A vault
 * with access policies has none; nor does a tenant without Microsoft's principal.
 */
export function cmekRolesOf(
  vault: { id: string; rbac: boolean | undefined },
  assignments: readonly RoleAssignment[] | undefined,
  principal: CmekPrincipalLookup | undefined,
): CmekRoles | undefined {
  if (vault.rbac === false) return noRoles(false);
  if (vault.rbac === undefined || !principal) return undefined;
  if (principal.status === 'missing') return noRoles(true);
  if (principal.status !== 'found') return undefined;
  return assignments ? cmekRolesAround(vault.id, assignments, principal.principal.id) : undefined;
}
