import type { ResourceChangeRow, WorkspaceRow } from '../types/resource-changes';
import { resourceGraphQuery, type GraphScope } from './resource-graph';

/** Resource Graph keeps change records for 14 days. */
const changeRetentionDays = 14;

function kqlString(value: string): string {
  // ARM ids hold no quotes or backslashes; refusing them keeps the query's grammar closed.
  if (/['\\]/.test(value)) throw new Error(`Not a resource id: ${value}`);
  return `'${value}'`;
}

const extend =
  '| extend changeTime = todatetime(properties.changeAttributes.timestamp), targetResourceId = tostring(properties.targetResourceId)';
const projection =
  '| project id, changeTime, targetResourceId, changeType = tostring(properties.changeType), changedBy = tostring(properties.changeAttributes.changedBy), changedByType = tostring(properties.changeAttributes.changedByType), clientType = tostring(properties.changeAttributes.clientType), operation = tostring(properties.changeAttributes.operation), correlationId = tostring(properties.changeAttributes.correlationId), changes = properties.changes';

/**
 * Every change Resource Graph recorded for these resources in the last 14 days, newest first: who made it, from which
 * client, in which operation (the Activity log's correlation id) and the property diffs.
 */
export function resourceChangesQuery(
  resourceIds: string[],
  signal?: AbortSignal,
): Promise<ResourceChangeRow[]> {
  if (resourceIds.length === 0) return Promise.resolve([]);
  const subscriptions = [
    ...new Set(resourceIds.map((id) => /^\/subscriptions\/([^/]+)/i.exec(id)?.[1]?.toLowerCase())),
  ].filter((s): s is string => s !== undefined);
  const query = [
    'resourcechanges',
    extend,
    `| where targetResourceId in~ (${resourceIds.map(kqlString).join(', ')})`,
    `| where changeTime > ago(${changeRetentionDays}d)`,
    '| order by changeTime desc',
    projection,
  ].join('\n');
  return resourceGraphQuery<ResourceChangeRow>(subscriptions, query, signal);
}

/**
 * Every bot's changes of the last `days` days, in the whole directory: which bots moved off a key (or turned CMK off)
 * recently, and so may still need the key they left.
 */
export function botChangesQuery(days: number, signal?: AbortSignal): Promise<ResourceChangeRow[]> {
  const query = [
    'resourcechanges',
    extend,
    "| where tostring(properties.targetResourceType) =~ 'microsoft.botservice/botservices'",
    `| where changeTime > ago(${days}d)`,
    '| order by changeTime desc',
    projection,
  ].join('\n');
  return resourceGraphQuery<ResourceChangeRow>('tenant', query, signal);
}

/** Log Analytics workspaces the caller can see, for a diagnostic setting's destination. */
export function workspacesQuery(scope: GraphScope, signal?: AbortSignal): Promise<WorkspaceRow[]> {
  return resourceGraphQuery<WorkspaceRow>(
    scope,
    "resources | where type =~ 'microsoft.operationalinsights/workspaces' | project id, name, location, subscriptionId, customerId = tostring(properties.customerId) | order by id asc",
    signal,
  );
}
