import { assumptions } from '../store/assumptions';
import { badRequest, fail } from '../rules/errors';
import { json, page, type Router, type TwinRequest } from './http';
import type { PrincipalKind, TwinPrincipal } from '../store/model';
import type { TwinContext } from './context';

function principalJson(p: TwinPrincipal): Record<string, unknown> {
  switch (p.kind) {
    case 'user':
      return {
        '@odata.type': '#microsoft.graph.user',
        id: p.objectId,
        displayName: p.displayName,
        userPrincipalName: p.userPrincipalName,
        mail: p.userPrincipalName,
      };
    case 'group':
      return {
        '@odata.type': '#microsoft.graph.group',
        id: p.objectId,
        displayName: p.displayName,
        mail: null,
      };
    case 'servicePrincipal':
      return {
        '@odata.type': '#microsoft.graph.servicePrincipal',
        id: p.objectId,
        appId: p.appId,
        displayName: p.displayName,
        servicePrincipalType: 'Application',
        appOwnerOrganizationId: p.appOwnerOrganizationId ?? p.tenantId,
      };
  }
}

/**
 * Understands the $filter forms the console and the Azure CLI send: `displayName eq '…'`, `appId eq '…'` and
 * `startswith(displayName,'…')`.
 */
function filterOf(req: TwinRequest): (p: TwinPrincipal) => boolean {
  const raw = req.url.searchParams.get('$filter');
  if (!raw) return () => true;
  const app = /^appId eq '((?:[^']|'')*)'$/i.exec(raw.trim());
  if (app) {
    const want = app[1]!.replace(/''/g, "'").toLowerCase();
    return (p) => p.appId?.toLowerCase() === want;
  }
  const eq = /^displayName eq '((?:[^']|'')*)'$/i.exec(raw.trim());
  if (eq) {
    const want = eq[1]!.replace(/''/g, "'");
    return (p) => p.displayName === want;
  }
  const sw = /^startswith\(displayName,\s*'((?:[^']|'')*)'\)$/i.exec(raw.trim());
  if (sw) {
    const want = sw[1]!.replace(/''/g, "'").toLowerCase();
    return (p) => p.displayName.toLowerCase().startsWith(want);
  }
  return badRequest('Request_UnsupportedQuery', `Unsupported query: ${raw}`);
}

export function registerGraphRoutes(router: Router, ctx: TwinContext): void {
  const list =
    (kind: PrincipalKind) =>
    ({ req }: { req: TwinRequest }) => {
      const match = filterOf(req);
      const top = Math.min(Number(req.url.searchParams.get('$top') ?? '100') || 100, 999);
      const rows = [...ctx.world.principals.values()].filter(
        (p) => p.kind === kind && p.tenantId === ctx.world.settings.activeTenantId && match(p),
      );
      return page(req, rows.map(principalJson), top, true);
    };
  router.add('graph', 'GET', '/v1.0/users', list('user'));
  router.add('graph', 'GET', '/v1.0/groups', list('group'));
  router.add('graph', 'GET', '/v1.0/servicePrincipals', list('servicePrincipal'));
  const inTenant = (p: TwinPrincipal) => p.tenantId === ctx.world.settings.activeTenantId;

  // servicePrincipals(appId='…'): the tenant's principal of an application, 404 when it has none.
  router.addPattern(
    'graph',
    'GET',
    /^\/v1\.0\/servicePrincipals\(appId=(?:'|%27)(?<appId>[^'%]+)(?:'|%27)\)$/i,
    ['appId'],
    ({ params }) => {
      const want = params.appId.toLowerCase();
      const sp = [...ctx.world.principals.values()].find(
        (p) => inTenant(p) && p.kind === 'servicePrincipal' && p.appId?.toLowerCase() === want,
      );
      return sp
        ? json(200, principalJson(sp))
        : fail(
            404,
            'Request_ResourceNotFound',
            `Resource '${params.appId}' does not exist or one of its queried reference-property objects are not present.`,
          );
    },
  );

  // Creating the principal of another organisation's application (only Microsoft's Bot Service CMEK Prod is known).
  router.add('graph', 'POST', '/v1.0/servicePrincipals', ({ req }) => {
    const appId = (req.body as { appId?: unknown } | undefined)?.appId;
    if (typeof appId !== 'string' || appId.toLowerCase() !== assumptions.cmekAppId)
      badRequest(
        'Request_BadRequest',
        `The appId '${String(appId)}' of the service principal does not reference a valid application object.`,
      );
    const tenantId = ctx.world.settings.activeTenantId;
    if (ctx.world.cmekPrincipal(tenantId))
      fail(
        409,
        assumptions.graphDuplicateCode,
        'Another object with the same value for property appId already exists.',
      );
    const sp: TwinPrincipal = {
      objectId: crypto.randomUUID(),
      tenantId,
      kind: 'servicePrincipal',
      displayName: assumptions.cmekDisplayName,
      appId: assumptions.cmekAppId,
      appOwnerOrganizationId: assumptions.microsoftAppOwnerTenantId,
    };
    ctx.world.principals.set(sp.objectId, sp);
    return json(201, principalJson(sp));
  });

  router.add('graph', 'POST', '/v1.0/directoryObjects/getByIds', ({ req }) => {
    const ids = (req.body as { ids?: unknown } | undefined)?.ids;
    if (!Array.isArray(ids) || ids.length > 1000)
      badRequest('Request_BadRequest', 'ids must be an array of at most 1000 object ids.');
    const rows = (ids as string[])
      .map((id) => ctx.world.principals.get(id))
      .filter((p): p is TwinPrincipal => p !== undefined && p.tenantId === ctx.world.settings.activeTenantId);
    return json(200, { value: rows.map(principalJson) });
  });
}
