import type { TwinRoleAssignment } from '../store/model';
import { canAccess } from '../rules/authorization';
import { authorize } from './context';
import { builtInRoles } from '../store/built-in-roles';
import { badRequest, fail } from '../rules/errors';
import { json, page, type Router } from './http';
import { roleAssignmentJson } from './serialize';
import type { TwinContext } from './context';

const scopePattern =
  '(?<scope>/subscriptions/[^/]+(?:/resourceGroups/[^/]+(?:/providers/[^/]+/[^/]+/[^/]+)?)?)';
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function covers(scope: string, target: string): boolean {
  const s = scope.toLowerCase();
  const t = target.toLowerCase();
  return t === s || t.startsWith(`${s}/`);
}

/** Writing or removing role assignments needs Owner (or User Access Administrator); Contributor is not enough. */
function requireOwner(ctx: TwinContext, scope: string, verb: 'write' | 'delete', name: string): void {
  const owner = [...ctx.world.roleAssignments.values()].some(
    (ra) =>
      ra.principalId === ctx.world.settings.demoUserObjectId &&
      ra.roleDefinitionGuid === builtInRoles.Owner &&
      covers(ra.scope, scope),
  );
  if (!owner)
    fail(
      403,
      'AuthorizationFailed',
      `The client with object id '${ctx.world.settings.demoUserObjectId}' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/${verb}' over scope '${scope}/providers/Microsoft.Authorization/roleAssignments/${name}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
}

/** Role assignments and definitions at subscription, resource group or resource scope (Microsoft.Authorization). */
export function registerAuthorizationRoutes(router: Router, ctx: TwinContext): void {
  router.addPattern(
    'arm',
    'GET',
    new RegExp(`^${scopePattern}/providers/Microsoft\\.Authorization/roleAssignments/?$`, 'i'),
    ['scope'],
    ({ req, params }) => {
      const scope = params.scope;
      if (!canAccess(ctx.world, scope, 'read'))
        authorize(ctx.world, scope, 'Microsoft.Authorization/roleAssignments/read', 'read');
      const atScope = (req.url.searchParams.get('$filter') ?? '').includes('atScope()');
      const rows = [...ctx.world.roleAssignments.values()].filter((ra) =>
        atScope ? covers(ra.scope, scope) : covers(ra.scope, scope) || covers(scope, ra.scope),
      );
      return page(req, rows.map(roleAssignmentJson), 100);
    },
  );

  router.addPattern(
    'arm',
    'PUT',
    new RegExp(`^${scopePattern}/providers/Microsoft\\.Authorization/roleAssignments/(?<name>[^/]+)/?$`, 'i'),
    ['scope', 'name'],
    ({ req, params }) => {
      const scope = params.scope;
      // Writing role assignments needs Owner (or User Access Administrator); Contributor is not enough.
      requireOwner(ctx, scope, 'write', params.name);
      if (!guid.test(params.name))
        badRequest(
          'InvalidRoleAssignmentId',
          `The role assignment ID '${params.name}' is not valid. The role assignment ID must be a GUID.`,
        );
      const body = req.body as
        | { properties?: { roleDefinitionId?: string; principalId?: string; principalType?: string } }
        | undefined;
      const def = body?.properties?.roleDefinitionId ?? '';
      const defGuid = /roleDefinitions\/([0-9a-f-]{36})$/i.exec(def)?.[1]?.toLowerCase();
      if (!defGuid || !Object.values(builtInRoles).includes(defGuid as never))
        badRequest(
          'RoleDefinitionDoesNotExist',
          `The specified role definition with ID '${def}' does not exist.`,
        );
      const principalId = body?.properties?.principalId ?? '';
      const principal = ctx.world.principals.get(principalId);
      if (!principal)
        badRequest(
          'PrincipalNotFound',
          `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${ctx.world.settings.activeTenantId}.`,
        );
      const existing = [...ctx.world.roleAssignments.values()].find(
        (ra) =>
          ra.principalId === principalId &&
          ra.roleDefinitionGuid === defGuid &&
          ra.scope.toLowerCase() === scope.toLowerCase(),
      );
      if (existing && existing.name.toLowerCase() !== params.name.toLowerCase())
        fail(409, 'RoleAssignmentExists', 'The role assignment already exists.');
      const id = `${scope}/providers/Microsoft.Authorization/roleAssignments/${params.name}`;
      const ra: TwinRoleAssignment = {
        id,
        name: params.name,
        scope,
        roleDefinitionGuid: defGuid!,
        principalId,
        principalType:
          principal!.kind === 'servicePrincipal'
            ? 'ServicePrincipal'
            : principal!.kind === 'group'
              ? 'Group'
              : 'User',
      };
      ctx.world.roleAssignments.set(id, ra);
      return json(201, roleAssignmentJson(ra));
    },
  );

  // RoleAssignments_Delete: 200 with what was removed; 204 when nothing by that name is at the scope.
  router.addPattern(
    'arm',
    'DELETE',
    new RegExp(`^${scopePattern}/providers/Microsoft\\.Authorization/roleAssignments/(?<name>[^/]+)/?$`, 'i'),
    ['scope', 'name'],
    ({ params }) => {
      const scope = params.scope;
      requireOwner(ctx, scope, 'delete', params.name);
      const id = `${scope}/providers/Microsoft.Authorization/roleAssignments/${params.name}`;
      const found = ctx.world.roleAssignments.get(id);
      if (!found) return json(204, undefined);
      ctx.world.roleAssignments.delete(id);
      return json(200, roleAssignmentJson(found));
    },
  );

  router.addPattern(
    'arm',
    'GET',
    new RegExp(`^${scopePattern}/providers/Microsoft\\.Authorization/roleDefinitions/?$`, 'i'),
    ['scope'],
    ({ req, params }) => {
      const sub = /^\/subscriptions\/([^/]+)/i.exec(params.scope)?.[1] ?? '';
      const wanted = /roleName eq '((?:[^']|'')+)'/i
        .exec(req.url.searchParams.get('$filter') ?? '')?.[1]
        ?.replace(/''/g, "'");
      const rows = Object.entries(builtInRoles)
        .filter(([name]) => !wanted || name.toLowerCase() === wanted.toLowerCase())
        .map(([roleName, id]) => ({
          id: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${id}`,
          name: id,
          type: 'Microsoft.Authorization/roleDefinitions',
          properties: { roleName, type: 'BuiltInRole', description: `Built-in role ${roleName}.` },
        }));
      return page(req, rows, 100);
    },
  );
}
