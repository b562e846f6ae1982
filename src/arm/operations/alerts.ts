import { apiVersions } from '../api-versions';
import { armRequest, armSleep } from '../client';
import { listAll } from '../paging';
import type {
  ActionGroupResource,
  ActivityLogAlertResource,
  EventSubscriptionResource,
  ScheduledQueryRuleResource,
  SystemTopicResource,
} from '../types/alerts';

const insights = (subscriptionId: string, type: string) =>
  `/subscriptions/${subscriptionId}/providers/Microsoft.Insights/${type}`;

/** ActionGroups_ListBySubscriptionId. */
export function actionGroupsList(subscriptionId: string, signal?: AbortSignal) {
  return listAll<ActionGroupResource>(insights(subscriptionId, 'actionGroups'), {
    apiVersion: apiVersions.actionGroups,
    signal,
  });
}

/** ScheduledQueryRules_ListBySubscription. */
export function scheduledQueryRulesList(subscriptionId: string, signal?: AbortSignal) {
  return listAll<ScheduledQueryRuleResource>(insights(subscriptionId, 'scheduledQueryRules'), {
    apiVersion: apiVersions.scheduledQueryRules,
    signal,
  });
}

/** ActivityLogAlerts_ListBySubscriptionId. */
export function activityLogAlertsList(subscriptionId: string, signal?: AbortSignal) {
  return listAll<ActivityLogAlertResource>(insights(subscriptionId, 'activityLogAlerts'), {
    apiVersion: apiVersions.activityLogAlerts,
    signal,
  });
}

/** SystemTopics_ListBySubscription. */
export function systemTopicsList(subscriptionId: string, signal?: AbortSignal) {
  return listAll<SystemTopicResource>(
    `/subscriptions/${subscriptionId}/providers/Microsoft.EventGrid/systemTopics`,
    { apiVersion: apiVersions.eventGrid, signal },
  );
}

/** SystemTopicEventSubscriptions_ListBySystemTopic. */
export function systemTopicEventSubscriptionsList(topicId: string, signal?: AbortSignal) {
  return listAll<EventSubscriptionResource>(`${topicId}/eventSubscriptions`, {
    apiVersion: apiVersions.eventGrid,
    signal,
  });
}

/** The api-version each alerting resource type is written with. */
const versionOf: Record<string, string> = {
  'microsoft.insights/actiongroups': apiVersions.actionGroups,
  'microsoft.insights/scheduledqueryrules': apiVersions.scheduledQueryRules,
  'microsoft.insights/activitylogalerts': apiVersions.activityLogAlerts,
  'microsoft.eventgrid/systemtopics': apiVersions.eventGrid,
  'microsoft.eventgrid/systemtopics/eventsubscriptions': apiVersions.eventGrid,
};

export function alertingApiVersion(type: string): string {
  const v = versionOf[type.toLowerCase()];
  if (!v) throw new Error(`Keyguard does not write resources of type ${type}.`);
  return v;
}

type Written = { id: string; properties?: { provisioningState?: string } };
const settled = (state: string | undefined) => !state || /^(Succeeded|Failed|Canceled)$/i.test(state);

/**
 * Creates or replaces one alerting resource by its id. Event Grid's writes are long-running (201 while
 * `provisioningState` is Creating): the resource is read back until it settles, for at most a minute.
 */
export async function alertingResourcePut(
  id: string,
  type: string,
  body: { location?: string; kind?: string; tags?: Record<string, string>; properties: unknown },
  signal?: AbortSignal,
): Promise<Written> {
  const apiVersion = alertingApiVersion(type);
  const written = await armRequest<Written>({ method: 'PUT', path: id, apiVersion, body, signal });
  let current = written.body;
  for (let waited = 0, delay = 1000; !settled(current.properties?.provisioningState); waited += delay) {
    if (waited > 60_000) break;
    await armSleep(delay, signal);
    delay = Math.min(delay * 2, 8000);
    current = (await armRequest<Written>({ method: 'GET', path: id, apiVersion, signal })).body;
  }
  const state = current.properties?.provisioningState;
  const name = id.split('/').pop() ?? id;
  if (!settled(state))
    throw new Error(`Azure accepted ${name}, but it is still ${state} after a minute: look again later.`);
  if (state && !/^Succeeded$/i.test(state))
    throw new Error(`Azure could not provision ${name}: it is ${state}.`);
  return current;
}
