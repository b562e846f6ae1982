import { beforeEach, describe, expect, it } from 'vitest';
import { contoso, contosoVaultId } from '../scenarios/contoso';
import { resetTwin } from '../../testing/twin';
import { advance, arm, contosoAlertPlan, hours, world, writePlan } from './helpers';
import { cmekRolesOf } from '../../domain/alerts/cmek-roles';
import { cmekRoleDefinitionId } from '../../domain/cmek';
import type { RoleAssignment } from '../../arm/types/resources';

const keysRg = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}`;
const atGroup = `${keysRg}/providers/Microsoft.Authorization/roleAssignments/5d0c1e7a-0b8e-4c11-9a3e-2f6b7c8d9e01`;
const otherAtGroup = `${keysRg}/providers/Microsoft.Authorization/roleAssignments/5d0c1e7a-0b8e-4c11-9a3e-2f6b7c8d9e02`;
const appId = '27a762be-14e7-4f92-899c-151877d6d497';

const assign = (id: string, principalId: string) =>
  arm('PUT', id, {
    properties: {
      roleDefinitionId: cmekRoleDefinitionId(contoso.keysSub),
      principalId,
      principalType: 'ServicePrincipal',
    },
  });

const fired = async () => {
  const r = await arm(
    'GET',
    `/subscriptions/${contoso.keysSub}/providers/Microsoft.AlertsManagement/alerts?api-version=2019-05-05-preview&timeRange=1d`,
  );
  return (r.body.value as { properties: { essentials: Record<string, string> } }[]).map(
    (a) => a.properties.essentials,
  );
};

describe('a role given above an RBAC vault is watched where its removal is logged', () => {
  beforeEach(() => resetTwin('rbac'));

  it('the plan’s alert, scoped to the resource group, fires when Bot Service CMEK Prod’s role there is removed', async () => {
    const principalId = world().cmekPrincipal(contoso.tenantId)!.objectId;
    const colleague = [...world().principals.values()].find((p) => p.objectId !== principalId)!.objectId;
    expect((await assign(atGroup, principalId)).status).toBe(201);
    expect((await assign(otherAtGroup, colleague)).status).toBe(201);
    const listed = await arm(
      'GET',
      `${contosoVaultId}/providers/Microsoft.Authorization/roleAssignments?$filter=atScope()`,
    );
    const roles = cmekRolesOf({ id: contosoVaultId, rbac: true }, listed.body.value as RoleAssignment[], {
      status: 'found',
      principal: { id: principalId, appId, displayName: 'Bot Service CMEK Prod' },
    })!;
    expect(roles.above.map((r) => r.id.toLowerCase())).toEqual([atGroup.toLowerCase()]);

    const plan = contosoAlertPlan({ watchBot: false, cmekRoles: roles });
    const watch = plan.resources.find((r) => r.kind === 'roleActivityAlert')!;
    expect(watch.scope).toBe(keysRg);
    await writePlan(plan);

    // Another principal's role removed in the same group: nothing fires.
    expect((await arm('DELETE', otherAtGroup)).status).toBe(200);
    advance(hours(1));
    expect((await fired()).filter((e) => e.alertRule?.toLowerCase() === watch.id.toLowerCase())).toEqual([]);

    expect((await arm('DELETE', atGroup)).status).toBe(200);
    advance(hours(1));
    const mine = (await fired()).filter((e) => e.alertRule?.toLowerCase() === watch.id.toLowerCase());
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ monitorService: 'ActivityLog Administrative' });
  });
});
