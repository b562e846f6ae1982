import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { ArmError } from '../errors';
import type { GraphResource, ResourceGraphRequest, ResourceGraphResponse } from '../types/resources';

/** Resource Graph takes at most 1000 subscriptions per query and returns at most 1000 rows per page. */
const subscriptionsPerQuery = 1000;
const rowsPerPage = 1000;

/**
 * Hears the first page of an answer as soon as it lands, with the total Resource Graph reports: a preview to show while
 * the other pages come. It is never the answer (the query still resolves with every row, or fails).
 */
export type FirstPageListener<T> = (rows: T[], totalRecords: number) => void;

/** The subscriptions a query reads, or every subscription the caller can see in the token's tenant. */
export type GraphScope = string[] | 'tenant';

/**
 * Pages asked for at once after the first: Resource Graph allows about 15 queries per user every 5 seconds (its quota
 * headers are heeded in client.ts), and a tenant of 5,000 bots is six pages: one wave after the first, not two.
 */
const pagesAtOnce = 6;

function requestPage<T>(
  subscriptions: string[] | undefined,
  query: string,
  paging: { $skipToken?: string; $skip?: number },
  signal?: AbortSignal,
): Promise<ResourceGraphResponse<T>> {
  const body: ResourceGraphRequest = {
    ...(subscriptions ? { subscriptions } : {}),
    query,
    options: { resultFormat: 'objectArray', $top: rowsPerPage, ...paging },
  };
  return armRequest<ResourceGraphResponse<T>>({
    method: 'POST',
    path: '/providers/Microsoft.ResourceGraph/resources',
    apiVersion: apiVersions.resourceGraph,
    body,
    signal,
    readOnly: true,
  }).then((r) => {
    // Truncated without a token means rows are missing and cannot be fetched: an answer that looks whole but is not.
    if (r.body.resultTruncated === 'true' && !r.body.$skipToken) {
      throw new ArmError({
        status: 200,
        code: 'ResultTruncated',
        message: 'Azure Resource Graph cut the answer short, so the list would be incomplete.',
      });
    }
    return r.body;
  });
}

/**
 * The first page says how many rows there are and gives a `$skipToken` holding the query's context; the other pages
 * are then asked for a few at a time with that token and a `$skip` (which, with a token, sets the offset), rather than
 * one after another. Should the last of them still hand back a token, paging goes on from there.
 */
async function queryScope<T>(
  subscriptions: string[] | undefined,
  query: string,
  signal?: AbortSignal,
  onFirstPage?: FirstPageListener<T>,
): Promise<T[]> {
  const first = await requestPage<T>(subscriptions, query, {}, signal);
  onFirstPage?.(first.data, first.totalRecords);
  const rows: T[] = [...first.data];
  const token = first.$skipToken;
  if (!token) return rows;
  // The page size Resource Graph actually used (at most the $top asked for).
  const pageSize = first.data.length || rowsPerPage;
  const offsets: number[] = [];
  for (let skip = pageSize; skip < first.totalRecords; skip += pageSize) offsets.push(skip);
  let next: string | undefined = token;
  let nextSkip = first.data.length;
  for (let i = 0; i < offsets.length; i += pagesAtOnce) {
    const batch = offsets.slice(i, i + pagesAtOnce);
    const pages = await Promise.all(
      batch.map((skip) => requestPage<T>(subscriptions, query, { $skipToken: token, $skip: skip }, signal)),
    );
    for (const page of pages) rows.push(...page.data);
    const last = pages[pages.length - 1]!;
    next = last.$skipToken;
    nextSkip = batch[batch.length - 1]! + last.data.length;
  }
  while (next) {
    const page: ResourceGraphResponse<T> = await requestPage<T>(
      subscriptions,
      query,
      { $skipToken: next, $skip: nextSkip },
      signal,
    );
    rows.push(...page.data);
    next = page.$skipToken;
    nextSkip += page.data.length;
  }
  return rows;
}

/**
 * Resources (Azure Resource Graph): one query over many subscriptions (or the whole tenant), following `$skipToken` to
 * the last page. A page that fails fails the query. An empty list of subscriptions makes no call: Resource Graph
 * would answer for every subscription instead.
 */
export async function resourceGraphQuery<T>(
  scope: GraphScope,
  query: string,
  signal?: AbortSignal,
  onFirstPage?: FirstPageListener<T>,
): Promise<T[]> {
  if (scope === 'tenant') return queryScope<T>(undefined, query, signal, onFirstPage);
  if (scope.length === 0) return [];
  const chunks: string[][] = [];
  for (let i = 0; i < scope.length; i += subscriptionsPerQuery)
    chunks.push(scope.slice(i, i + subscriptionsPerQuery));
  // Only the first chunk previews: its first page is the start of the answer's order.
  const pages = await Promise.all(
    chunks.map((s, i) => queryScope<T>(s, query, signal, i === 0 ? onFirstPage : undefined)),
  );
  return pages.flat();
}

/**
 * Bots and key vaults in the given subscriptions, in one query (as the portal's All resources reads them). Only the id
 * and location are asked for: the id holds the rest, and a tenant's worth of rows is megabytes of JSON.
 */
export function managedResourcesQuery(scope: GraphScope, signal?: AbortSignal): Promise<GraphResource[]> {
  return resourceGraphQuery<GraphResource>(
    scope,
    "resources | where type in~ ('microsoft.botservice/botservices', 'microsoft.keyvault/vaults') | project id, location | order by id asc",
    signal,
  );
}
