import type {
  ActivityLogAlertResource,
  EventSubscriptionResource,
  ScheduledQueryRuleResource,
} from '../../arm/types/alerts';

/** The action groups each existing rule, alert and event subscription notifies, by lower-cased id. */
export function existingNotifications(lists: {
  rules?: ScheduledQueryRuleResource[];
  activityAlerts?: ActivityLogAlertResource[];
  eventSubscriptions?: EventSubscriptionResource[];
}): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of lists.rules ?? []) out.set(r.id.toLowerCase(), r.properties.actions?.actionGroups ?? []);
  for (const a of lists.activityAlerts ?? [])
    out.set(
      a.id.toLowerCase(),
      (a.properties.actions.actionGroups ?? []).map((g) => g.actionGroupId),
    );
  for (const s of lists.eventSubscriptions ?? []) {
    const d = s.properties.destination;
    out.set(s.id.toLowerCase(), d?.endpointType === 'MonitorAlert' ? (d.properties.actionGroups ?? []) : []);
  }
  return out;
}
