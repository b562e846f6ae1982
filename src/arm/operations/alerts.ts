import { apiVersions } from '../api-versions';
import { armRequest, armSleep } from '../client';
import { listAll } from '../paging';
import { resourceGraphQuery, type GraphScope } from './resource-graph';
import type {
  ActionGroupResource,
  ActivityLogAlertResource,
  FiredAlertResource,
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

export type AlertTimeRange = '1h' | '1d' | '7d' | '30d';

/** Alerts_GetAll: the alerts Azure Monitor fired in a subscription over a time range. */
export function firedAlertsList(subscriptionId: string, timeRange: AlertTimeRange, signal?: AbortSignal) {
  return listAll<FiredAlertResource>(
    `/subscriptions/${subscriptionId}/providers/Microsoft.AlertsManagement/alerts`,
    { apiVersion: apiVersions.alertsManagement, query: { timeRange }, signal },
  );
}

export interface AlertingResources {
  rules: ScheduledQueryRuleResource[];
  activityAlerts: ActivityLogAlertResource[];
  actionGroups: ActionGroupResource[];
  systemTopics: SystemTopicResource[];
}

type AlertingRow = { id: string; name: string; type: string; location: string; properties: unknown };

/**
 * The tenant's alert rules, action groups and Event Grid system topics in one Resource Graph query (they are tracked
 * resources, so `resources` holds them): what a page of thousands of bots needs to say who is told about each.
 */
export async function alertingResourcesQuery(
  scope: GraphScope,
  signal?: AbortSignal,
): Promise<AlertingResources> {
  const rows = await resourceGraphQuery<AlertingRow>(
    scope,
    "resources | where type in~ ('microsoft.insights/scheduledqueryrules', 'microsoft.insights/activitylogalerts', 'microsoft.insights/actiongroups', 'microsoft.eventgrid/systemtopics') | project id, name, type, location, properties | order by id asc",
    signal,
  );
  const of = <T>(type: string) => rows.filter((r) => r.type.toLowerCase() === type) as unknown as T[];
  return {
    rules: of<ScheduledQueryRuleResource>('microsoft.insights/scheduledqueryrules'),
    activityAlerts: of<ActivityLogAlertResource>('microsoft.insights/activitylogalerts'),
    actionGroups: of<ActionGroupResource>('microsoft.insights/actiongroups'),
    systemTopics: of<SystemTopicResource>('microsoft.eventgrid/systemtopics'),
  };
}

/**
 * Event Grid's own state of a subscription (its long-running write's outcome): one still being made, or that failed,
 * delivers nothing yet.
 */
export function eventSubscriptionDelivers(s: EventSubscriptionResource): boolean {
  return /^succeeded$/i.test(s.properties.provisioningState ?? 'Succeeded');
}
