import { parseResourceId } from '../../arm/resource-id';

export type Route =
  | { kind: 'home'; tenant?: string }
  /** The tenant-wide page of customer-managed keys (`#cmk`), its filters in the query. */
  | { kind: 'cmk'; tenant?: string; query: Record<string, string> }
  | { kind: 'resource'; tenant?: string; resourceId: string; blade: string; query: Record<string, string> }
  | { kind: 'not-found'; hash: string };

const routedTypes = [
  'microsoft.botservice/botservices',
  'microsoft.keyvault/vaults',
  'microsoft.resources/subscriptions',
];

function isRoutedResource(id: string): boolean {
  const parsed = parseResourceId(id);
  return parsed !== undefined && routedTypes.includes(parsed.type.toLowerCase());
}

/**
 * Parses the portal's deep-link form `#@{tenant}/resource/{resourceId}/{blade}`. The blade is optional (Overview) and
 * may have one child (`accesspolicies/create`, `keys/{key name}`); `#home`, `#@{tenant}` and an empty hash open Home.
 */
export function parseHash(rawHash: string): Route {
  const hash = decodeURIComponent(rawHash.replace(/^#/, ''));
  const [pathPart = '', queryPart = ''] = hash.split('?');
  const query = Object.fromEntries(new URLSearchParams(queryPart));
  let rest = pathPart;
  let tenant: string | undefined;
  const t = /^@([^/]+)(.*)$/.exec(rest);
  if (t) {
    tenant = t[1];
    rest = t[2] ?? '';
  }
  if (rest === '' || rest === '/' || /^\/?home\/?$/i.test(rest)) return { kind: 'home', tenant };
  if (/^\/?cmk\/?$/i.test(rest)) return { kind: 'cmk', tenant, query };
  const r = /^\/?resource(\/.+)$/i.exec(rest);
  if (!r) return { kind: 'not-found', hash: rawHash };
  const path = (r[1] as string).replace(/\/+$/, '');
  if (isRoutedResource(path)) return { kind: 'resource', tenant, resourceId: path, blade: 'overview', query };
  const segments = path.split('/');
  for (const depth of [1, 2]) {
    const id = segments.slice(0, -depth).join('/');
    const blade = segments.slice(-depth);
    if (id && blade.every(Boolean) && isRoutedResource(id)) {
      // The blade id is case-insensitive; a child that names something (a key) keeps its case.
      const [menu, child] = blade as [string, string | undefined];
      return {
        kind: 'resource',
        tenant,
        resourceId: id,
        blade: child === undefined ? menu.toLowerCase() : `${menu.toLowerCase()}/${child}`,
        query,
      };
    }
  }
  return { kind: 'not-found', hash: rawHash };
}

export function resourceHash(
  resourceId: string,
  blade = 'overview',
  tenant?: string,
  query?: Record<string, string>,
): string {
  const q = query && Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : '';
  return `#${tenant ? `@${tenant}` : ''}/resource${resourceId}${blade === 'overview' ? '' : `/${blade}`}${q}`;
}

export function cmkHash(tenant?: string, query?: Record<string, string>): string {
  const q = query && Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : '';
  return `#${tenant ? `@${tenant}/` : ''}cmk${q}`;
}

export function homeHash(tenant?: string): string {
  return tenant ? `#@${tenant}/home` : '#home';
}
