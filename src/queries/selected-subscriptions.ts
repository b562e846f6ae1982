import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useHiddenSubscriptions } from '../auth/subscription-filter';
import { subscriptionsQuery } from './resources';

/** Subscription ids the filter selects now. */
export function useSubscriptionFilter(enabled = true): string[] {
  const subs = useQuery({ ...subscriptionsQuery(), enabled });
  const hiddenIds = useHiddenSubscriptions();
  return useMemo(
    () => (subs.data ?? []).map((s) => s.subscriptionId).filter((id) => !hiddenIds.includes(id)),
    [subs.data, hiddenIds],
  );
}
