import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { GenericResource } from '../arm/types/resources';
import { parseResourceId } from '../arm/resource-id';
import type { Subscription } from '../arm/types/resources';
import { useSubscriptionFilter } from './subscription-filter';
import { subscriptionResourcesQuery, subscriptionsQuery } from './resources';

export interface ResourceRow {
  id: string;
  name: string;
  type: string;
  typeLabel: string;
  resourceGroup: string;
  location: string;
  subscriptionId: string;
  subscriptionName: string;
}

export const typeLabels: Record<string, string> = {
  'microsoft.botservice/botservices': 'Azure Bot',
  'microsoft.keyvault/vaults': 'Key vault',
  'microsoft.resources/subscriptions': 'Subscription',
};

export function typeLabelOf(type: string): string {
  return typeLabels[type.toLowerCase()] ?? type;
}

export interface AllResources {
  rows: ResourceRow[];
  subscriptions: Subscription[];
  isLoading: boolean;
  /** Subscriptions whose resources failed to load, with the error (the rest still show). */
  failures: { subscription: Subscription; error: unknown }[];
  subscriptionsError: unknown;
}

/** Every resource Keyguard manages in the subscriptions the filter selects, plus the subscriptions themselves. */
export function useAllResources(enabled = true): AllResources {
  const subs = useQuery({ ...subscriptionsQuery(), enabled });
  const filter = useSubscriptionFilter(enabled);
  const selected = useMemo(
    () => (subs.data ?? []).filter((s) => filter.includes(s.subscriptionId)),
    [subs.data, filter],
  );
  const combine = useCallback(
    (results: UseQueryResult<GenericResource[]>[]) => ({
      data: results.map((r) => r.data),
      errors: results.map((r) => r.error),
      loading: results.some((r) => r.isLoading),
    }),
    [],
  );
  const { data, errors, loading } = useQueries({
    queries: selected.map((s) => ({ ...subscriptionResourcesQuery(s.subscriptionId), enabled })),
    combine,
  });
  const rows = useMemo(() => {
    const out: ResourceRow[] = [];
    selected.forEach((s, i) => {
      out.push({
        id: s.id,
        name: s.displayName,
        type: 'Microsoft.Resources/subscriptions',
        typeLabel: 'Subscription',
        resourceGroup: '',
        location: '',
        subscriptionId: s.subscriptionId,
        subscriptionName: s.displayName,
      });
      for (const r of data[i] ?? []) {
        out.push({
          id: r.id,
          name: r.name,
          type: r.type,
          typeLabel: typeLabelOf(r.type),
          resourceGroup: parseResourceId(r.id)?.resourceGroup ?? '',
          location: r.location ?? '',
          subscriptionId: s.subscriptionId,
          subscriptionName: s.displayName,
        });
      }
    });
    return out;
  }, [selected, data]);
  const failures = selected.flatMap((s, i) => (errors[i] ? [{ subscription: s, error: errors[i] }] : []));
  return {
    rows,
    subscriptions: subs.data ?? [],
    isLoading: subs.isLoading || loading,
    failures,
    subscriptionsError: subs.error,
  };
}
