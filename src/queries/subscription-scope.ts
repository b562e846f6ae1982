import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { GraphScope } from '../arm/operations/resource-graph';
import type { Subscription } from '../arm/types/resources';
import { hiddenSubscriptions, useHiddenSubscriptions } from '../auth/subscription-filter';
import { subscriptionsQuery } from './resources';

/**
 * The one rule for what the console reads across subscriptions: the whole tenant while no subscription is unticked in
 * the directory pane (so nothing waits for the subscription list), else the subscriptions still ticked. Undefined
 * while those are not known yet.
 */
function subscriptionScope(
  subscriptions: readonly Subscription[] | undefined,
  hidden: readonly string[],
): GraphScope | undefined {
  if (hidden.length === 0) return 'tenant';
  return subscriptions?.map((s) => s.subscriptionId).filter((id) => !hidden.includes(id));
}

/** The scope at start-up, outside React: the subscription list is read only when some are unticked. */
export async function fetchSubscriptionScope(queryClient: QueryClient): Promise<GraphScope | undefined> {
  const hidden = hiddenSubscriptions();
  if (hidden.length === 0) return 'tenant';
  const subscriptions = await queryClient.fetchQuery(subscriptionsQuery()).catch(() => undefined);
  return subscriptionScope(subscriptions, hidden);
}

/** The scope now, and the subscriptions it covers (those ticked, once listed). */
export function useSubscriptionScope(enabled = true) {
  const subs = useQuery({ ...subscriptionsQuery(), enabled });
  const hidden = useHiddenSubscriptions();
  return useMemo(
    () => ({
      scope: subscriptionScope(subs.data, hidden),
      wholeTenant: hidden.length === 0,
      selected: (subs.data ?? []).filter((s) => !hidden.includes(s.subscriptionId)),
    }),
    [subs.data, hidden],
  );
}
