import { queryOptions } from '@tanstack/react-query';
import {
  actionGroupsList,
  activityLogAlertsList,
  alertingResourcePut,
  alertingResourcesQuery,
  firedAlertsList,
  type AlertTimeRange,
  scheduledQueryRulesList,
  systemTopicEventSubscriptionsList,
  systemTopicsList,
} from '../arm/operations/alerts';
import type { PlannedResource } from '../domain/alerts/plan-parts';
import { alertWriteFailure } from '../domain/alerts/refusal-words';
import { queryKeys } from './keys';

const subscription = (id: string) => `/subscriptions/${id}`;
const fresh = 60_000;

export const actionGroupsQuery = (subscriptionId: string) =>
  queryOptions({
    queryKey: queryKeys.child(subscription(subscriptionId), 'actionGroups'),
    queryFn: ({ signal }) => actionGroupsList(subscriptionId, signal),
    staleTime: fresh,
  });

export const scheduledQueryRulesQuery = (subscriptionId: string) =>
  queryOptions({
    queryKey: queryKeys.child(subscription(subscriptionId), 'scheduledQueryRules'),
    queryFn: ({ signal }) => scheduledQueryRulesList(subscriptionId, signal),
    staleTime: fresh,
  });

export const activityLogAlertsQuery = (subscriptionId: string) =>
  queryOptions({
    queryKey: queryKeys.child(subscription(subscriptionId), 'activityLogAlerts'),
    queryFn: ({ signal }) => activityLogAlertsList(subscriptionId, signal),
    staleTime: fresh,
  });

export const systemTopicsQuery = (subscriptionId: string) =>
  queryOptions({
    queryKey: queryKeys.child(subscription(subscriptionId), 'systemTopics'),
    queryFn: ({ signal }) => systemTopicsList(subscriptionId, signal),
    staleTime: fresh,
  });

export const eventSubscriptionsQuery = (topicId: string) =>
  queryOptions({
    queryKey: queryKeys.child(topicId, 'eventSubscriptions'),
    queryFn: ({ signal }) => systemTopicEventSubscriptionsList(topicId, signal),
    staleTime: fresh,
  });

export const firedAlertsQuery = (subscriptionId: string, timeRange: AlertTimeRange) =>
  queryOptions({
    queryKey: queryKeys.child(subscription(subscriptionId), 'firedAlerts', timeRange),
    queryFn: ({ signal }) => firedAlertsList(subscriptionId, timeRange, signal),
    staleTime: fresh,
  });

/** The tenant's alerting resources (Resource Graph), for the Customer-managed keys page. */
export const alertingResourcesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.resourceGraph('alerting', 'tenant'),
    queryFn: ({ signal }) => alertingResourcesQuery('tenant', signal),
    staleTime: fresh,
  });

export type StepState =
  { state: 'waiting' | 'running' | 'done' | 'kept' } | { state: 'failed'; title: string; message: string };

/**
 * Writes a plan's new resources one after another (each names the ones before it), from `from` on: a retry starts at
 * the step that failed, and every PUT is of Keyguard's own named resource, so sending one again is safe. A reused
 * resource is never written. Stops at the first failure and says which.
 */
export async function writeAlertPlan(
  resources: PlannedResource[],
  from: number,
  onStep: (index: number, s: StepState) => void,
): Promise<{ failedAt?: number; error?: unknown }> {
  for (let i = from; i < resources.length; i++) {
    const r = resources[i]!;
    if (r.reused) {
      onStep(i, { state: 'kept' });
      continue;
    }
    onStep(i, { state: 'running' });
    try {
      await alertingResourcePut(r.id, r.type, r.body);
      onStep(i, { state: 'done' });
    } catch (error) {
      onStep(i, { state: 'failed', ...alertWriteFailure(r, error) });
      return { failedAt: i, error };
    }
  }
  return {};
}
