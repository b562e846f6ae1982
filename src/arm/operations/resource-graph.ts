import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { ArmError } from '../errors';
import type { GraphResource, ResourceGraphRequest, ResourceGraphResponse } from '../types/resources';

/** Resource Graph takes at most 1000 subscriptions per query and returns at most 1000 rows per page. */
const subscriptionsPerQuery = 1000;
const rowsPerPage = 1000;

async function queryScope<T>(subscriptions: string[], query: string, signal?: AbortSignal): Promise<T[]> {
  const rows: T[] = [];
  let skipToken: string | undefined;
  do {
    const body: ResourceGraphRequest = {
      subscriptions,
      query,
      options: {
        resultFormat: 'objectArray',
        $top: rowsPerPage,
        ...(skipToken ? { $skipToken: skipToken } : {}),
      },
    };
    const page = (
      await armRequest<ResourceGraphResponse<T>>({
        method: 'POST',
        path: '/providers/Microsoft.ResourceGraph/resources',
        apiVersion: apiVersions.resourceGraph,
        body,
        signal,
        readOnly: true,
      })
    ).body;
    // Truncated without a token means rows are missing and cannot be fetched: an answer that looks whole but is not.
    if (page.resultTruncated === 'true' && !page.$skipToken) {
      throw new ArmError({
        status: 200,
        code: 'ResultTruncated',
        message: 'Azure Resource Graph cut the answer short, so the list would be incomplete.',
      });
    }
    rows.push(...page.data);
    skipToken = page.$skipToken || undefined;
  } while (skipToken);
  return rows;
}

/**
 * Resources (Azure Resource Graph): one query over many subscriptions, following `$skipToken` to the last page. A page
 * that fails fails the query. No subscriptions, no call: Resource Graph would answer for every subscription instead.
 */
export async function resourceGraphQuery<T>(
  subscriptions: string[],
  query: string,
  signal?: AbortSignal,
): Promise<T[]> {
  if (subscriptions.length === 0) return [];
  const scopes: string[][] = [];
  for (let i = 0; i < subscriptions.length; i += subscriptionsPerQuery)
    scopes.push(subscriptions.slice(i, i + subscriptionsPerQuery));
  const pages = await Promise.all(scopes.map((s) => queryScope<T>(s, query, signal)));
  return pages.flat();
}

/**
 * Bots and key vaults in the given subscriptions, in one query (as the portal's All resources reads them). Only the id
 * and location are asked for: the id holds the rest, and a tenant's worth of rows is megabytes of JSON.
 */
export function managedResourcesQuery(
  subscriptions: string[],
  signal?: AbortSignal,
): Promise<GraphResource[]> {
  return resourceGraphQuery<GraphResource>(
    subscriptions,
    "resources | where type in~ ('microsoft.botservice/botservices', 'microsoft.keyvault/vaults') | project id, location | order by id asc",
    signal,
  );
}
