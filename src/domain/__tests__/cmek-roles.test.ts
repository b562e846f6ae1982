import { describe, expect, it } from 'vitest';
import type { ActivityLogAlertResource } from '../../arm/types/alerts';
import type { RoleAssignment } from '../../arm/types/resources';
import { coverageOf, tellingRules, type AlertingFacts } from '../alerts/coverage';
import { cmekRolesOf, type CmekRoles } from '../alerts/cmek-roles';
import { planKeyAlerts, type KeyAlertTarget } from '../alerts/plan';
import { cmekRoleDefinitionId } from '../cmek';
import type { CmekPrincipalLookup } from '../bot-service-principal';

const sub = '00000000-0000-0000-0000-000000000001';
const subId = `/subscriptions/${sub}`;
const rg = `${subId}/resourceGroups/rg-keys`;
const vaultId = `${rg}/providers/Microsoft.KeyVault/vaults/kv-bots`;
const appId = '27a762be-14e7-4f92-899c-151877d6d497';
const cmek = 'a0a0a0a0-0000-0000-0000-00000000cmek';
const other = 'b0b0b0b0-0000-0000-0000-0000000other';
const readerRole = `${subId}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`;

const assignment = (scope: string, n: number, principalId = cmek, role = cmekRoleDefinitionId(sub)) =>
  ({
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/00000000-0000-0000-0000-00000000000${n}`,
    name: `${n}`,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: { roleDefinitionId: role, principalId, principalType: 'ServicePrincipal', scope },
  }) satisfies RoleAssignment;

const atGroup = assignment(rg, 1);
const atSubscription = assignment(subId, 2);
const atManagementGroup = assignment('/providers/Microsoft.Management/managementGroups/contoso', 3);
const atVault = assignment(vaultId, 4);
const onKey = assignment(`${vaultId}/keys/bot-key`, 5);
const colleagues = assignment(rg, 6, other);
const readers = assignment(rg, 7, cmek, readerRole);
const otherGroup = assignment(`${subId}/resourceGroups/rg-other`, 8);

const found: CmekPrincipalLookup = {
  status: 'found',
  principal: { id: cmek, appId, displayName: 'Bot Service CMEK Prod', appOwnerOrganizationId: 'x' },
};
/** What the console reads for an RBAC vault: its assignments at and above it, and Microsoft's principal. */
const cmekRolesAround = (id: string, assignments: RoleAssignment[], principalId: string) =>
  cmekRolesOf(
    { id, rbac: true },
    assignments,
    principalId === cmek ? found : { ...found, principal: { ...found.principal, id: principalId } },
  )!;

const audit = {
  workspaceId: `${rg}/providers/Microsoft.OperationalInsights/workspaces/ws`,
  workspaceLocation: 'westeurope',
  resourceSpecific: true,
};
const target = (over: Partial<KeyAlertTarget> = {}): KeyAlertTarget => ({
  vault: { id: vaultId, name: 'kv-bots', location: 'westeurope' },
  appId,
  ...over,
});
const newGroup = { kind: 'new' as const, name: 'bot-keys', shortName: 'BotKeys', email: 'ops@contoso.com' };

describe('Bot Service CMEK Prod’s role given above an RBAC vault', () => {
  it('counts every role of its own, by where its removal is logged: the vault, its group or subscription, the tenant', () => {
    const roles = cmekRolesAround(
      vaultId,
      [atGroup, atSubscription, atManagementGroup, atVault, onKey, colleagues, readers, otherGroup],
      cmek.toUpperCase(),
    );
    // Its Reader role counts too: Keyguard cannot tell which of its roles the bots rely on.
    expect(roles.above.map((r) => r.id)).toEqual([atGroup.id, atSubscription.id, readers.id]);
    expect(roles.unwatchable.map((r) => r.id)).toEqual([atManagementGroup.id]);
    expect(roles.atVault.map((r) => r.id)).toEqual([atVault.id, onKey.id]);
    expect(roles.rbac).toBe(true);
  });

  it('is nothing to watch on a vault with access policies or without Microsoft’s principal; unknown when unread', () => {
    const none = { atVault: [], above: [], unwatchable: [] };
    expect(cmekRolesOf({ id: vaultId, rbac: false }, undefined, undefined)).toEqual({ rbac: false, ...none });
    expect(cmekRolesOf({ id: vaultId, rbac: undefined }, [atGroup], found)).toBeUndefined();
    expect(cmekRolesOf({ id: vaultId, rbac: true }, undefined, found)).toBeUndefined();
    expect(cmekRolesOf({ id: vaultId, rbac: true }, [atGroup], undefined)).toBeUndefined();
    expect(cmekRolesOf({ id: vaultId, rbac: true }, [atGroup], { status: 'missing', appId })).toEqual({
      rbac: true,
      ...none,
    });
    expect(
      cmekRolesOf({ id: vaultId, rbac: true }, [atGroup], {
        status: 'unverifiable',
        cloud: 'x',
      } as never),
    ).toBeUndefined();
    // A principal Keyguard cannot vouch for: it cannot tell whether Microsoft's holds a role, so nothing is "none".
    expect(
      cmekRolesOf({ id: vaultId, rbac: true }, [atGroup], {
        status: 'untrusted',
        principal: found.principal,
      } as never),
    ).toBeUndefined();
    expect(cmekRolesOf({ id: vaultId, rbac: true }, [atGroup], found)?.above).toHaveLength(1);
  });

  it('gets an Activity log alert where its removal is logged, narrowed to the assignments’ ids', () => {
    const group = planKeyAlerts(target({ cmekRoles: cmekRolesAround(vaultId, [atGroup], cmek) }), {
      actionGroup: newGroup,
      watchBot: false,
    });
    const watch = group.resources.find((r) => r.kind === 'roleActivityAlert')!;
    expect(watch.scope).toBe(rg);
    expect(watch.body.properties).toMatchObject({
      scopes: [rg],
      condition: {
        allOf: [
          { field: 'category', equals: 'Administrative' },
          { field: 'status', equals: 'Succeeded' },
          { field: 'operationName', equals: 'Microsoft.Authorization/roleAssignments/delete' },
          { anyOf: [{ field: 'resourceId', equals: atGroup.id }] },
        ],
      },
      actions: { actionGroups: [{ actionGroupId: group.resources[0]!.id }] },
    });
    const both = planKeyAlerts(
      target({ cmekRoles: cmekRolesAround(vaultId, [atGroup, atSubscription], cmek) }),
      { actionGroup: newGroup, watchBot: false },
    );
    expect(both.resources.find((r) => r.kind === 'roleActivityAlert')!.scope).toBe(subId);
    const plain = planKeyAlerts(
      target({ cmekRoles: { rbac: true, atVault: [], above: [], unwatchable: [] } }),
      {
        actionGroup: newGroup,
        watchBot: false,
      },
    );
    expect(plain.resources.some((r) => r.kind === 'roleActivityAlert')).toBe(false);
    expect(plain.unwatched).toBeUndefined();
  });

  it('at a management group, the plan says nobody would be told, and coverage stays partial', () => {
    const roles = cmekRolesAround(vaultId, [atGroup, atManagementGroup], cmek);
    const plan = planKeyAlerts(
      target({
        audit,
        cmekRoles: roles,
      }),
      { actionGroup: newGroup, watchBot: false },
    );
    expect(plan.unwatched).toMatch(/managementGroups\/contoso.*nobody would be told/);
    const facts = factsOf(plan.resources, roles);
    expect(tellingRules(facts).map((r) => r.watches)).toContain('roleChanges');
    expect(coverageOf(facts)).toBe('partly');
    expect(coverageOf(factsOf(plan.resources, { ...roles, unwatchable: [] }))).toBe('covered');
  });

  it('covers the bot only when the role’s removal tells someone; unread roles are not called covered', () => {
    const roles = cmekRolesAround(vaultId, [atGroup], cmek);
    const plan = planKeyAlerts(
      target({
        audit,
      }),
      { actionGroup: newGroup, watchBot: false },
    );
    expect(coverageOf(factsOf(plan.resources, roles))).toBe('partly');
    expect(coverageOf(factsOf(plan.resources, undefined))).toBe('unknown');
    expect(coverageOf(factsOf(plan.resources, { rbac: true, atVault: [], above: [], unwatchable: [] }))).toBe(
      'covered',
    );
  });
});

describe('coverage with Bot Service CMEK Prod’s roles', () => {
  const planned = (roles: CmekRoles) =>
    planKeyAlerts(target({ audit, cmekRoles: roles }), { actionGroup: newGroup, watchBot: false }).resources;
  const withAlert = (
    resources: ReturnType<typeof planned>,
    kind: string,
    change: (p: ActivityLogAlertResource['properties']) => ActivityLogAlertResource['properties'],
  ) =>
    resources.map((r) =>
      r.kind === kind
        ? {
            ...r,
            body: {
              ...r.body,
              properties: change(r.body.properties as ActivityLogAlertResource['properties']),
            },
          }
        : r,
    );

  it('a watch that names only some of the assignments, or is scoped elsewhere, does not count', () => {
    const roles = cmekRolesAround(vaultId, [atGroup, atSubscription], cmek);
    const resources = planned(roles);
    expect(coverageOf(factsOf(resources, roles))).toBe('covered');
    const some = withAlert(resources, 'roleActivityAlert', (p) => ({
      ...p,
      condition: {
        allOf: [...p.condition.allOf.slice(0, 3), { anyOf: [{ field: 'resourceId', equals: atGroup.id }] }],
      },
    }));
    expect(tellingRules(factsOf(some, roles)).some((r) => r.watches === 'roleChanges')).toBe(false);
    expect(coverageOf(factsOf(some, roles))).toBe('partly');
    const elsewhere = withAlert(resources, 'roleActivityAlert', (p) => ({ ...p, scopes: [rg] }));
    expect(coverageOf(factsOf(elsewhere, roles))).toBe('partly');
    const stale = withAlert(resources, 'roleActivityAlert', (p) => ({
      ...p,
      condition: {
        allOf: [
          ...p.condition.allOf.slice(0, 3),
          {
            anyOf: [
              { field: 'resourceId', equals: `${atGroup.id}0` },
              { field: 'resourceId', equals: atSubscription.id },
            ],
          },
        ],
      },
    }));
    expect(coverageOf(factsOf(stale, roles))).toBe('partly');
  });

  it('on an RBAC vault the vault’s alert must watch role removals, even with no role seen at the vault', () => {
    // A role on a key is not in the vault's atScope() list, but its removal is logged under the vault.
    const roles = cmekRolesAround(vaultId, [], cmek);
    const resources = planned(roles);
    expect(coverageOf(factsOf(resources, roles))).toBe('covered');
    const noRoleRemovals = withAlert(resources, 'vaultActivityAlert', (p) => ({
      ...p,
      condition: {
        allOf: p.condition.allOf.map((c) =>
          c.anyOf ? { anyOf: c.anyOf.filter((o) => !/roleAssignments/.test(o.equals ?? '')) } : c,
        ),
      },
    }));
    expect(coverageOf(factsOf(noRoleRemovals, roles))).toBe('partly');
    // On a vault with access policies the same alert is enough.
    const accessPolicies = { rbac: false, atVault: [], above: [], unwatchable: [] };
    expect(coverageOf(factsOf(noRoleRemovals, accessPolicies))).toBe('covered');
  });

  it('roles that could not be read leave the watch out of the plan, and the plan says so', () => {
    const plan = planKeyAlerts(target({ audit, cmekRoles: 'unread' }), {
      actionGroup: newGroup,
      watchBot: false,
    });
    expect(plan.resources.some((r) => r.kind === 'roleActivityAlert')).toBe(false);
    expect(plan.unwatched).toMatch(/could not tell which roles .* not watched/);
  });
});

function factsOf(
  resources: ReturnType<typeof planKeyAlerts>['resources'],
  cmekRoles: AlertingFacts['cmekRoles'],
): AlertingFacts {
  const as = <T>(...kinds: string[]) =>
    resources
      .filter((r) => kinds.includes(r.kind))
      .map((r) => ({ id: r.id, name: r.id.split('/').pop()!, ...r.body }) as unknown as T);
  return {
    botId: '',
    vaultId,
    auditWorkspaceIds: [`${rg}/providers/Microsoft.OperationalInsights/workspaces/ws`],
    appId,
    rules: as('logAlert'),
    activityAlerts: as<ActivityLogAlertResource>('vaultActivityAlert', 'roleActivityAlert'),
    systemTopics: as('systemTopic'),
    eventSubscriptions: as('eventSubscription'),
    actionGroups: [
      {
        id: resources[0]!.id,
        name: 'bot-keys',
        location: 'Global',
        properties: { groupShortName: 'BotKeys', enabled: true },
      },
    ],
    cmekRoles,
  };
}
