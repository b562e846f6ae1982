export type Service = 'arm' | 'graph' | 'directline' | 'logs' | 'keyvault';

export interface TwinRequest {
  method: string;
  url: URL;
  body: unknown;
  headers: Record<string, string>;
  /** The caller's address as the service sees it (the gateway's, for data-plane calls made through it). */
  clientIp?: string;
  /**
   * The resource group of the caller's virtual network when it reaches Key Vault through a private endpoint there
   * (the demo deployment's gateway), which the vault's public firewall does not apply to.
   */
  privateNetwork?: string;
}

export interface TwinResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The names of a path's `:name` segments (`/subscriptions/:sub/providers/:ns` → `'sub' | 'ns'`). */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** A route's parameters, each there by the path's own shape: no handler needs to assert one. */
export type RouteParams<P extends string> = { readonly [K in ParamNames<P>]: string };

interface RouteContext<Params> {
  req: TwinRequest;
  params: Params;
  now: number;
}

export type RouteHandler<Params = Readonly<Record<string, string>>> = (
  ctx: RouteContext<Params>,
) => TwinResponse;

interface Route {
  method: string;
  pattern: RegExp;
  /** Every named group the pattern always captures (a match without one is no match). */
  required: readonly string[];
  handler: RouteHandler;
  service: Service;
}

/** Path patterns like `/subscriptions/:sub/providers/:ns` (case-insensitive literals; `:name` matches one segment). */
export class Router {
  private readonly routes: Route[] = [];

  add<P extends string>(
    service: Service,
    method: string,
    path: P,
    handler: RouteHandler<RouteParams<P>>,
  ): void {
    const names: string[] = [];
    const source = path
      .split('/')
      .map((seg) => {
        if (!seg.startsWith(':')) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(seg.slice(1));
        return `(?<${seg.slice(1)}>[^/]+)`;
      })
      .join('/');
    this.routes.push({
      method,
      pattern: new RegExp(`^${source}/?$`, 'i'),
      required: names,
      handler: handler as RouteHandler,
      service,
    });
  }

  /**
   * A route by regular expression: `required` names the groups it always captures (typed as strings for the
   * handler); any other named group is optional.
   */
  addPattern<N extends string>(
    service: Service,
    method: string,
    pattern: RegExp,
    required: readonly N[],
    handler: RouteHandler<Readonly<Record<N, string>> & Readonly<Partial<Record<string, string>>>>,
  ): void {
    this.routes.push({ method, pattern, required, handler: handler, service });
  }

  match(
    service: Service,
    method: string,
    path: string,
  ): { handler: RouteHandler; params: Record<string, string> } | 'method' | undefined {
    let pathMatched = false;
    for (const r of this.routes) {
      if (r.service !== service) continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.groups ?? {}))
        if (v !== undefined) params[k] = decodeURIComponent(v);
      if (r.required.some((k) => params[k] === undefined)) continue;
      return { handler: r.handler, params };
    }
    return pathMatched ? 'method' : undefined;
  }
}

/** GETs, and Resource Graph queries (POSTs that only read): they change nothing. */
export function onlyReads(method: string, pathname: string): boolean {
  return (
    method === 'GET' ||
    /^\/providers\/microsoft\.resourcegraph\/resources\/?$/i.test(pathname) ||
    /^\/v1\/workspaces\/[^/]+\/query\/?$/i.test(pathname)
  );
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): TwinResponse => ({
  status,
  body,
  headers,
});

/** Pages a list the way ARM does: `{ value, nextLink }` with an opaque skip token. */
export function page<T>(
  req: TwinRequest,
  items: T[],
  pageSize: number,
  odata = false,
  alwaysNextLink = false,
): TwinResponse {
  const skip = Number(req.url.searchParams.get('$skiptoken') ?? '0') || 0;
  const slice = items.slice(skip, skip + pageSize);
  // Subscriptions_List and Tenants_List declare nextLink required, so those lists end with an explicit null.
  const body: Record<string, unknown> = alwaysNextLink ? { value: slice, nextLink: null } : { value: slice };
  if (skip + pageSize < items.length) {
    const next = new URL(req.url.toString());
    next.searchParams.set('$skiptoken', String(skip + pageSize));
    body[odata ? '@odata.nextLink' : 'nextLink'] = next.toString();
  }
  return json(200, body);
}
