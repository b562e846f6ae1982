import type { QueryClient } from '@tanstack/react-query';
import type { Route } from '../portal/navigation/routes';
import { botQuery, subscriptionsQuery, vaultQuery } from '../queries/resources';
import { kindOf } from './pages';

/**
 * Starts reading what a deep link shows before the first render: the blade's own query (same key) finds the answer, or
 * the read in flight. Only the resource itself, or the subscription list for Home and subscriptions. Resolves when the
 * read has settled (an error stays in the cache for the blade to show).
 */
export function prefetchRouteData(route: Route, queryClient: QueryClient): Promise<void> {
  if (route.kind === 'home') return queryClient.prefetchQuery(subscriptionsQuery());
  if (route.kind !== 'resource') return Promise.resolve();
  const kind = kindOf(route.resourceId);
  if (kind === 'bot') return queryClient.prefetchQuery(botQuery(route.resourceId));
  if (kind === 'vault') return queryClient.prefetchQuery(vaultQuery(route.resourceId));
  if (kind === 'subscription') return queryClient.prefetchQuery(subscriptionsQuery());
  return Promise.resolve();
}
