import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import type { EventData, EventDataCollection } from '../types/monitor';

/** The one optional clause the Activity log accepts after the time range (activityLogs_API.json, `$filter`). */
export type ActivityLogScope =
  | { resourceGroupName: string }
  | { resourceUri: string }
  | { resourceProvider: string }
  | { correlationId: string }
  | Record<string, never>;

export interface ActivityLogFilter {
  from: Date;
  /** Absent: up to now, whatever Azure's clock says (a start time is all the service needs). */
  to?: Date;
  scope: ActivityLogScope;
}

function quoted(value: string): string {
  // No Azure name or id holds a quote; refusing one keeps the filter's grammar closed.
  if (value.includes("'") || value.trim() === '')
    throw new Error(`Not a value the Activity log's filter accepts: ${value}`);
  return `'${value}'`;
}

/**
 * The only `$filter` forms the Activity log accepts: `eventTimestamp ge '…'` (and `eventTimestamp le '…'`), then at
 * most one of `resourceGroupName`, `resourceUri`, `resourceProvider` or `correlationId` `eq '…'`. Any other syntax is
 * refused by the service, so nothing else can be built here.
 * @internal Exported for its unit tests.
 */
export function activityLogFilterText(f: ActivityLogFilter): string {
  if (f.to && !(f.from.getTime() < f.to.getTime())) throw new Error('The time range ends before it starts.');
  const parts = [`eventTimestamp ge ${quoted(f.from.toISOString())}`];
  if (f.to) parts.push(`eventTimestamp le ${quoted(f.to.toISOString())}`);
  const [field, value] = Object.entries(f.scope)[0] ?? [];
  if (field !== undefined && value !== undefined) parts.push(`${field} eq ${quoted(value)}`);
  return parts.join(' and ');
}

export interface EventsPage {
  events: EventData[];
  /** The time range asked for (on the first page). */
  range?: { from: Date; to?: Date };
  /** Absolute URL of the next page, when there is one. */
  nextLink?: string;
}

/** ActivityLogs_List, one page: the first from a filter, the next ones from `nextLink` exactly as Azure gave it. */
export async function activityLogsListPage(
  subscriptionId: string,
  from: ActivityLogFilter | { nextLink: string },
  signal?: AbortSignal,
): Promise<EventsPage> {
  const response =
    'nextLink' in from
      ? await armRequest<EventDataCollection>({ method: 'GET', path: from.nextLink, signal })
      : await armRequest<EventDataCollection>({
          method: 'GET',
          path: `/subscriptions/${subscriptionId}/providers/Microsoft.Insights/eventtypes/management/values`,
          apiVersion: apiVersions.activityLog,
          query: { $filter: activityLogFilterText(from) },
          signal,
        });
  return { events: response.body?.value ?? [], nextLink: response.body?.nextLink ?? undefined };
}
