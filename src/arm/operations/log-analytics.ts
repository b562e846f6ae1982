import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import type { LogsQueryResult, Workspace } from '../types/monitor';

/** Workspaces_Get: the workspace's `customerId` is what the query API takes. */
export async function workspacesGet(id: string, signal?: AbortSignal): Promise<Workspace> {
  return (
    await armRequest<Workspace>({
      method: 'GET',
      path: id,
      apiVersion: apiVersions.operationalInsights,
      signal,
    })
  ).body;
}

/**
 * The Log Analytics query API (data plane v1): `POST /v1/workspaces/{customerId}/query`. Not the ARM-proxied route,
 * whose support ends in March 2026. A query only reads, so it is retried like a GET.
 */
export async function logAnalyticsQuery(
  customerId: string,
  query: string,
  timespan: string,
  signal?: AbortSignal,
): Promise<LogsQueryResult> {
  const response = await armRequest<LogsQueryResult>({
    method: 'POST',
    service: 'logs',
    path: `/v1/workspaces/${encodeURIComponent(customerId)}/query`,
    body: { query, timespan },
    readOnly: true,
    signal,
  });
  return response.body;
}
