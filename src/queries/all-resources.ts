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

function subscriptionRow(s: Subscription): ResourceRow {
  return {
    id: s.id,
    name: s.displayName,
    type: 'Microsoft.Resources/subscriptions',
    typeLabel: 'Subscription',
    resourceGroup: '',
    location: '',
    subscriptionId: s.subscriptionId,
    subscriptionName: s.displayName,
  };
}

/**
 * Rows are kept per answer: at tenant scale the subscriptions answer one by one, and rebuilding every row on each
 * answer made loading quadratic.
 */
const rowsByAnswer = new WeakMap<GenericResource[], { subscription: Subscription; rows: ResourceRow[] }>();

function resourceRows(s: Subscription, resources: GenericResource[] | undefined): ResourceRow[] {
  if (!resources) return [];
  const kept = rowsByAnswer.get(resources);
  if (kept && kept.subscription === s) return kept.rows;
  const rows = resources.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    typeLabel: typeLabelOf(r.type),
    resourceGroup: parseResourceId(r.id)?.resourceGroup ?? '',
    location: r.location ?? '',
    subscriptionId: s.subscriptionId,
    subscriptionName: s.displayName,
  }));
  rowsByAnswer.set(resources, { subscription: s, rows });
  return rows;
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
  const rows = useMemo(
    () => selected.flatMap((s, i) => [subscriptionRow(s), ...resourceRows(s, data[i])]),
    [selected, data],
  );
  const failures = selected.flatMap((s, i) => (errors[i] ? [{ subscription: s, error: errors[i] }] : []));
  return {
    rows,
    subscriptions: subs.data ?? [],
    isLoading: subs.isLoading || loading,
    failures,
    subscriptionsError: subs.error,
  };
}
