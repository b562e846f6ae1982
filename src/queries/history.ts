import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { activityLogsListPage, type ActivityLogScope } from '../arm/operations/activity-log';
import { resourceChangesQuery } from '../arm/operations/resource-changes';
import { learnAzureTime } from '../arm/operations/subscriptions';
import { serverNow } from '../arm/server-clock';
import { parseResourceId } from '../arm/resource-id';
import { parseResourceChanges } from '../domain/history/changes';
import { presetRange, type TimeRange, type TimeSpanPreset } from '../domain/history/time-span';
import { queryKeys } from './keys';

/** A preset span ("last 24 hours", counted from Azure's now when read) or a fixed range the admin typed. */
export type ActivitySpan = { preset: TimeSpanPreset; asked: number } | { range: TimeRange };

/**
 * The Activity log of a subscription, or of one resource: read by its resource group (the one clause the service
 * accepts that also catches the resource's children: access policies, keys, role assignments and diagnostic settings
 * on it) and kept to the resource by the caller. Pages follow `nextLink`, one at a time, as the admin asks for more.
 */
export const activityLogQuery = (scopeId: string, span: ActivitySpan, correlationId?: string) => {
  const id = parseResourceId(scopeId);
  const subscriptionId = id?.subscriptionId ?? '';
  // One operation (a deep link to an event): the service finds it by its correlation id.
  const scope: ActivityLogScope = correlationId
    ? { correlationId }
    : id?.resourceGroup
      ? { resourceGroupName: id.resourceGroup }
      : {};
  const spanKey =
    'preset' in span
      ? [span.preset, String(span.asked)]
      : [span.range.from.toISOString(), span.range.to?.toISOString() ?? 'now'];
  return infiniteQueryOptions({
    queryKey: queryKeys.child(scopeId, 'activitylog', ...spanKey, correlationId ?? ''),
    queryFn: async ({ pageParam, signal }) => {
      if (pageParam) return activityLogsListPage(subscriptionId, { nextLink: pageParam }, signal);
      await learnAzureTime(subscriptionId, signal);
      const range = 'preset' in span ? presetRange(span.preset, serverNow()) : span.range;
      const page = await activityLogsListPage(subscriptionId, { ...range, scope }, signal);
      return { ...page, range };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextLink,
    staleTime: 60_000,
  });
};

/** Resource Graph's change records of a resource (14 days), typed and newest first. */
export const resourceChangesQueryOptions = (resourceId: string) =>
  queryOptions({
    queryKey: queryKeys.child(resourceId, 'changes'),
    queryFn: async ({ signal }) => parseResourceChanges(await resourceChangesQuery([resourceId], signal)),
    staleTime: 60_000,
  });
