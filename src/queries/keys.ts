import { normalizeResourceId } from '../arm/resource-id';

/** Query keys start with the lower-cased ARM id (or scope) so one invalidation by id prefix reaches every view of it. */
export const queryKeys = {
  resource: (id: string) => ['arm', normalizeResourceId(id)] as const,
  child: (id: string, ...rest: string[]) => ['arm', normalizeResourceId(id), ...rest] as const,
  subscriptions: () => ['arm', '/subscriptions'] as const,
  tenants: () => ['arm', '/tenants'] as const,
  graph: (...rest: string[]) => ['graph', ...rest] as const,
  /** A Resource Graph query: keyed by the set of subscriptions, whatever their order, or by the tenant. */
  resourceGraph: (name: string, scope: string[] | 'tenant') =>
    [
      'arm',
      '/providers/microsoft.resourcegraph/resources',
      name,
      ...(scope === 'tenant' ? ['tenant'] : subscriptionSet(scope)),
    ] as const,
};

export function subscriptionSet(ids: string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))].sort();
}
