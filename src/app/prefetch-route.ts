import type { QueryClient } from '@tanstack/react-query';
import type { Route } from '../portal/navigation/routes';
import { botQuery, managedResourcesGraphQuery, subscriptionsQuery, vaultQuery } from '../queries/resources';
import type { GraphScope } from '../arm/operations/resource-graph';
import { cmkBotsFirstPageOptions, cmkBotsQueryOptions, cmkVaultsQueryOptions } from '../queries/cmk';
import { fetchSubscriptionScope } from '../queries/subscription-scope';
import { kindOf } from './pages';

/** Home lists the resources of every subscription the filter shows (all of the tenant's, unless some are unticked). */
async function prefetchHome(queryClient: QueryClient): Promise<void> {
  const subscriptions = queryClient.prefetchQuery(subscriptionsQuery());
  const scope = await fetchSubscriptionScope(queryClient);
  await Promise.all([subscriptions, scope && queryClient.prefetchQuery(managedResourcesGraphQuery(scope))]);
}

/**
 * The Customer-managed keys page starts from the same kind of tenant-wide reads as Home; once the bots and vaults are
 * listed, the reads behind its risk column start too (they would otherwise wait for the page's first render).
 * Resolves once the bots' first page is in (the page shows it while the rest come), or when every read has settled.
 */
function prefetchCmk(queryClient: QueryClient): Promise<void> {
  // Which reads the risk column needs is the page's own rule (risk-reads.ts), fetched beside it for this route.
  const riskReads = import('../features/cmk/risk-reads');
  riskReads.catch(() => undefined);
  const subscriptions = queryClient.prefetchQuery(subscriptionsQuery());
  const scoped = fetchSubscriptionScope(queryClient);
  // The bots' first page is the page's first rows, so it is asked before the tenant's vaults (a far larger answer):
  // the demo's Azure answers one request at a time, and Azure's own answers need not wait for each other either.
  const listed = scoped.then((scope) => scope && queryClient.prefetchQuery(cmkBotsQueryOptions(scope)));
  const vaults = scoped.then(() => queryClient.prefetchQuery(cmkVaultsQueryOptions('tenant')));
  const firstPage = scoped.then((scope) => scope && firstPageIn(queryClient, scope, listed));
  const settled = Promise.all([scoped, subscriptions, listed, vaults]).then(async ([scope]) => {
    if (!scope) return;
    const bots = queryClient.getQueryData(cmkBotsQueryOptions(scope).queryKey);
    const vaultRows = queryClient.getQueryData(cmkVaultsQueryOptions('tenant').queryKey);
    if (!bots || !vaultRows) return;
    try {
      (await riskReads).startRiskReads(queryClient, bots, vaultRows);
    } catch (e) {
      // A head start only: the page asks for the same reads itself. Start-up must not fail for it.
      console.warn('The risk column’s reads could not start early:', e);
    }
  });
  return Promise.race([settled, firstPage]);
}

/**
 * Resolves when the bots' query has set its first page, or when that query has settled (`done`: the page is in by
 * then or never will be), so the cache is not listened to for the rest of the session. Never rejects.
 */
function firstPageIn(queryClient: QueryClient, scope: GraphScope, done: Promise<unknown>): Promise<void> {
  const key = cmkBotsFirstPageOptions(scope).queryKey;
  return new Promise((resolve) => {
    if (queryClient.getQueryData(key)) return resolve();
    const stop = queryClient.getQueryCache().subscribe(() => {
      if (!queryClient.getQueryData(key)) return;
      stop();
      resolve();
    });
    void done.finally(() => {
      stop();
      resolve();
    });
  });
}

/**
 * Starts reading what a deep link shows before the first render: the blade's own query (same key) finds the answer, or
 * the read in flight. Only the resource itself, Home's lists, or the subscription list for a subscription. Resolves
 * when the reads have settled (an error stays in the cache for the blade to show).
 */
export function prefetchRouteData(route: Route, queryClient: QueryClient): Promise<void> {
  if (route.kind === 'home') return prefetchHome(queryClient);
  if (route.kind === 'cmk') return prefetchCmk(queryClient);
  if (route.kind !== 'resource') return Promise.resolve();
  const kind = kindOf(route.resourceId);
  if (kind === 'bot') return queryClient.prefetchQuery(botQuery(route.resourceId));
  if (kind === 'vault') return queryClient.prefetchQuery(vaultQuery(route.resourceId));
  if (kind === 'subscription') return queryClient.prefetchQuery(subscriptionsQuery());
  return Promise.resolve();
}
