import { badRequest } from '../twin/errors';
import { json, page, type Router, type TwinRequest } from '../twin/http';
import type { PrincipalKind, TwinPrincipal } from '../twin/model';
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
        appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
      };
  }
}

/** Understands the two $filter forms the console sends: `displayName eq '…'` and `startswith(displayName,'…')`. */
function filterOf(req: TwinRequest): (p: TwinPrincipal) => boolean {
  const raw = req.url.searchParams.get('$filter');
  if (!raw) return () => true;
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
