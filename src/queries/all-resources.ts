import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { GenericResource, GraphResource } from '../arm/types/resources';
import { isArmError } from '../arm/errors';
import { parseResourceId, type ResourceId } from '../arm/resource-id';
import type { Subscription } from '../arm/types/resources';
import { useSubscriptionScope } from './subscription-scope';
import { managedResourcesGraphQuery, subscriptionResourcesQuery, subscriptionsQuery } from './resources';

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

const typeLabels: Record<string, string> = {
  'microsoft.botservice/botservices': 'Azure Bot',
  'microsoft.keyvault/vaults': 'Key vault',
  'microsoft.resources/subscriptions': 'Subscription',
};

function typeLabelOf(type: string): string {
  return typeLabels[type.toLowerCase()] ?? type;
}

export interface AllResources {
  rows: ResourceRow[];
  subscriptions: Subscription[];
  isLoading: boolean;
  /** Subscriptions whose resources failed to load, with the error (the rest still show). */
  failures: { subscription: Subscription; error: unknown }[];
  /** Azure could not be reached for the query at all (no subscription's resources could be read). */
  unreachable: unknown;
  subscriptionsError: unknown;
  /** Reads again whatever failed. */
  retry(): void;
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
 * Rows are kept per answer: when Resource Graph is unavailable the subscriptions answer one by one, and rebuilding
 * every row on each answer made loading quadratic.
 */
const rowsByAnswer = new WeakMap<GenericResource[], { subscription: Subscription; rows: ResourceRow[] }>();

function resourceRow(
  id: ResourceId | undefined,
  raw: { id: string; location?: string },
  s: Subscription,
): ResourceRow {
  const type = id?.type ?? '';
  return {
    id: raw.id,
    name: id?.name ?? raw.id,
    type,
    typeLabel: typeLabelOf(type),
    resourceGroup: id?.resourceGroup ?? '',
    location: raw.location ?? '',
    subscriptionId: s.subscriptionId,
    subscriptionName: s.displayName,
  };
}

/** One subscription's resources as rows (Home's and the subscription's Resources blade share them). */
export function resourceRows(s: Subscription, resources: GenericResource[] | undefined): ResourceRow[] {
  if (!resources) return [];
  const kept = rowsByAnswer.get(resources);
  if (kept && kept.subscription === s) return kept.rows;
  const rows = resources.map((r) => resourceRow(parseResourceId(r.id), r, s));
  rowsByAnswer.set(resources, { subscription: s, rows });
  return rows;
}

/**
 * Rows are built once per answer and list of subscriptions, whoever asks: Home and the top bar's search read the same
 * answer, and a render React sets aside (a transition restarted because the admin scrolls) must not build thousands of
 * rows again.
 */
const rowsByGraphAnswer = new WeakMap<
  GraphResource[],
  { subscriptions: Subscription[]; rows: ResourceRow[] }[]
>();
const noResources: GraphResource[] = [];

const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Each subscription's row followed by its resources, in the order of the subscription list. */
function graphRows(selected: Subscription[], resources: GraphResource[]): ResourceRow[] {
  const kept = rowsByGraphAnswer.get(resources) ?? [];
  const hit = kept.find((k) => sameList(k.subscriptions, selected));
  if (hit) return hit.rows;
  const bySubscription = new Map<string, { id: ResourceId | undefined; raw: GraphResource }[]>();
  for (const raw of resources) {
    const id = parseResourceId(raw.id);
    const key = (id?.subscriptionId ?? '').toLowerCase();
    const list = bySubscription.get(key);
    if (list) list.push({ id, raw });
    else bySubscription.set(key, [{ id, raw }]);
  }
  const rows = selected.flatMap((s) => [
    subscriptionRow(s),
    ...(bySubscription.get(s.subscriptionId.toLowerCase()) ?? []).map((r) => resourceRow(r.id, r.raw, s)),
  ]);
  rowsByGraphAnswer.set(resources, [...kept.slice(-3), { subscriptions: selected, rows }]);
  return rows;
}

/**
 * Every resource Keyguard manages in the subscriptions the filter selects, plus the subscriptions themselves. One
 * Resource Graph query reads them all. Should Resource Graph answer with an error (it throttles on its own quota),
 * each subscription's resources are listed instead, and a failure there names the subscription; when Azure cannot be
 * reached at all, listing fifty subscriptions would only fail fifty times, so the query's error is reported as is.
 */
export function useAllResources(enabled = true): AllResources {
  const subs = useQuery({ ...subscriptionsQuery(), enabled });
  const { scope, selected } = useSubscriptionScope(enabled);
  const graph = useQuery({
    ...managedResourcesGraphQuery(scope ?? []),
    enabled: enabled && scope !== undefined,
  });
  const unreachable = isArmError(graph.error) && graph.error.isNetworkError ? graph.error : undefined;
  const fallback = graph.isError && !unreachable;
  const combine = useCallback(
    (results: UseQueryResult<GenericResource[]>[]) => ({
      data: results.map((r) => r.data),
      errors: results.map((r) => r.error),
      loading: results.some((r) => r.isLoading),
      refetchFailed: () => results.forEach((r) => void (r.isError && r.refetch())),
    }),
    [],
  );
  const lists = useQueries({
    queries: fallback
      ? selected.map((s) => ({ ...subscriptionResourcesQuery(s.subscriptionId), enabled }))
      : [],
    combine,
  });
  // The lists' answers matter only when each subscription is listed.
  const listed = fallback ? lists.data : undefined;
  const rows = useMemo(
    () =>
      listed
        ? selected.flatMap((s, i) => [subscriptionRow(s), ...resourceRows(s, listed[i])])
        : graphRows(selected, graph.data ?? noResources),
    [listed, selected, graph.data],
  );
  const failures = fallback
    ? selected.flatMap((s, i) => (lists.errors[i] ? [{ subscription: s, error: lists.errors[i] }] : []))
    : [];
  const { refetch: refetchSubscriptions, isError: subscriptionsFailed } = subs;
  const { refetch: refetchGraph } = graph;
  const { refetchFailed } = lists;
  const retry = useCallback(() => {
    if (subscriptionsFailed) void refetchSubscriptions();
    else if (fallback) refetchFailed();
    else void refetchGraph();
  }, [subscriptionsFailed, refetchSubscriptions, fallback, refetchFailed, refetchGraph]);
  return {
    rows,
    subscriptions: subs.data ?? [],
    isLoading: subs.isLoading || graph.isLoading || (fallback && lists.loading),
    failures,
    unreachable,
    subscriptionsError: subs.error,
    retry,
  };
}
