import { queryOptions, type QueryFunctionContext } from '@tanstack/react-query';
import pLimit from 'p-limit';
import { fleetBotsQuery, fleetVaultsQuery } from '../arm/operations/fleet-graph';
import type { GraphScope } from '../arm/operations/resource-graph';
import { queryKeys, subscriptionSet } from './keys';

const scoped = (scope: GraphScope) => (scope === 'tenant' ? scope : subscriptionSet(scope));

/** Every bot in scope with its CMK properties (Resource Graph). */
export const fleetBotsQueryOptions = (scope: GraphScope) =>
  queryOptions({
    queryKey: queryKeys.resourceGraph('fleet-bots', scope),
    queryFn: ({ signal }) => fleetBotsQuery(scoped(scope), signal),
    staleTime: 60_000,
  });

/** Every vault in scope with its properties (Resource Graph). */
export const fleetVaultsQueryOptions = (scope: GraphScope) =>
  queryOptions({
    queryKey: queryKeys.resourceGraph('fleet-vaults', scope),
    queryFn: ({ signal }) => fleetVaultsQuery(scoped(scope), signal),
    staleTime: 60_000,
  });

/**
 * The per-vault and per-key reads Resource Graph cannot answer (a key's attributes, a provider's registration, a
 * vault's diagnostic settings), a few at a time: at tenant scale there are hundreds, and ARM throttles a burst.
 */
const fewAtATime = pLimit(6);

/** The same query (same key, same cache as the blades'), its read waiting for a free slot. */
export function oneOfMany<O extends { queryFn?: unknown }>(options: O): O {
  const run = options.queryFn as (ctx: QueryFunctionContext) => Promise<unknown>;
  return { ...options, queryFn: (ctx: QueryFunctionContext) => fewAtATime(() => run(ctx)) } as O;
}
