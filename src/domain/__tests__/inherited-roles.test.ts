import { describe, expect, it } from 'vitest';
import type { ActivityLogAlertResource } from '../../arm/types/alerts';
import type { RoleAssignment } from '../../arm/types/resources';
import { coverageOf, tellingRules, type AlertingFacts } from '../alerts/coverage';
import { inheritedRolesOf } from '../alerts/inherited-roles';
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
const inheritedCmekRoles = (id: string, assignments: RoleAssignment[], principalId: string) =>
  inheritedRolesOf(
    { id, rbac: true },
    assignments,
    principalId === cmek ? found : { ...found, principal: { ...found.principal, id: principalId } },
  )!;

const target = (over: Partial<KeyAlertTarget> = {}): KeyAlertTarget => ({
  vault: { id: vaultId, name: 'kv-bots', location: 'westeurope' },
  appId,
  ...over,
});
const newGroup = { kind: 'new' as const, name: 'bot-keys', shortName: 'BotKeys', email: 'ops@contoso.com' };

describe('Bot Service CMEK Prod’s role given above an RBAC vault', () => {
  it('counts only its own CMEK role from the vault’s group, subscription or a management group', () => {
    const roles = inheritedCmekRoles(
      vaultId,
      [atGroup, atSubscription, atManagementGroup, atVault, onKey, colleagues, readers, otherGroup],
      cmek.toUpperCase(),
    );
    expect(roles.watchable.map((r) => r.id)).toEqual([atGroup.id, atSubscription.id]);
    expect(roles.unwatchable.map((r) => r.id)).toEqual([atManagementGroup.id]);
  });

  it('is nothing to watch on a vault with access policies or without Microsoft’s principal; unknown when unread', () => {
    const none = { watchable: [], unwatchable: [] };
    expect(inheritedRolesOf({ id: vaultId, rbac: false }, undefined, undefined)).toEqual(none);
    expect(inheritedRolesOf({ id: vaultId, rbac: undefined }, [atGroup], found)).toBeUndefined();
    expect(inheritedRolesOf({ id: vaultId, rbac: true }, undefined, found)).toBeUndefined();
    expect(inheritedRolesOf({ id: vaultId, rbac: true }, [atGroup], undefined)).toBeUndefined();
    expect(inheritedRolesOf({ id: vaultId, rbac: true }, [atGroup], { status: 'missing', appId })).toEqual(
      none,
    );
    expect(
      inheritedRolesOf({ id: vaultId, rbac: true }, [atGroup], {
        status: 'unverifiable',
        cloud: 'x',
      } as never),
    ).toBeUndefined();
    expect(inheritedRolesOf({ id: vaultId, rbac: true }, [atGroup], found)?.watchable).toHaveLength(1);
  });

  it('gets an Activity log alert where its removal is logged, narrowed to the assignments’ ids', () => {
    const group = planKeyAlerts(target({ inheritedRoles: inheritedCmekRoles(vaultId, [atGroup], cmek) }), {
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
      target({ inheritedRoles: inheritedCmekRoles(vaultId, [atGroup, atSubscription], cmek) }),
      { actionGroup: newGroup, watchBot: false },
    );
    expect(both.resources.find((r) => r.kind === 'roleActivityAlert')!.scope).toBe(subId);
    const plain = planKeyAlerts(target({ inheritedRoles: { watchable: [], unwatchable: [] } }), {
      actionGroup: newGroup,
      watchBot: false,
    });
    expect(plain.resources.some((r) => r.kind === 'roleActivityAlert')).toBe(false);
    expect(plain.unwatched).toBeUndefined();
  });

  it('at a management group, the plan says nobody would be told, and coverage stays partial', () => {
    const roles = inheritedCmekRoles(vaultId, [atGroup, atManagementGroup], cmek);
    const plan = planKeyAlerts(
      target({
        audit: {
          workspaceId: `${rg}/providers/Microsoft.OperationalInsights/workspaces/ws`,
          workspaceLocation: 'westeurope',
          resourceSpecific: true,
        },
        inheritedRoles: roles,
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
    const roles = inheritedCmekRoles(vaultId, [atGroup], cmek);
    const plan = planKeyAlerts(
      target({
        audit: {
          workspaceId: `${rg}/providers/Microsoft.OperationalInsights/workspaces/ws`,
          workspaceLocation: 'westeurope',
          resourceSpecific: true,
        },
      }),
      { actionGroup: newGroup, watchBot: false },
    );
    expect(coverageOf(factsOf(plan.resources, roles))).toBe('partly');
    expect(coverageOf(factsOf(plan.resources, undefined))).toBe('unknown');
    expect(coverageOf(factsOf(plan.resources, { watchable: [], unwatchable: [] }))).toBe('covered');
  });
});

function factsOf(
  resources: ReturnType<typeof planKeyAlerts>['resources'],
  inheritedRoles: AlertingFacts['inheritedRoles'],
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
    inheritedRoles,
  };
}
