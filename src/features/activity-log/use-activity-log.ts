import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { parseResourceId } from '../../arm/resource-id';
import { groupActivity, isAboutResource } from '../../domain/history/activity';

import { directoryObjectsQuery } from '../../queries/directory';
import { activityLogQuery, type ActivitySpan } from '../../queries/history';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Activity log of a scope, grouped into operations, with callers' names from the directory where it answers. */
export function useActivityLog(scopeId: string, span: ActivitySpan, correlationId?: string) {
  const log = useInfiniteQuery(activityLogQuery(scopeId, span, correlationId));
  const isSubscription = parseResourceId(scopeId)?.type === 'Microsoft.Resources/subscriptions';
  const operations = useMemo(() => {
    const events = (log.data?.pages ?? []).flatMap((p) => p.events);
    return groupActivity(isSubscription ? events : events.filter((e) => isAboutResource(e, scopeId)));
  }, [log.data, isSubscription, scopeId]);
  // An application calls as its object id; people as their sign-in name, which needs no lookup.
  const unnamed = useMemo(
    () => [
      ...new Set(
        operations
          .map((o) => (o.caller && guid.test(o.caller) ? o.caller : undefined))
          .filter((id): id is string => id !== undefined),
      ),
    ],
    [operations],
  );
  const names = useQuery({ ...directoryObjectsQuery(unnamed), enabled: unnamed.length > 0 });
  const nameOf = (op: { caller?: string }) =>
    names.data?.find((p) => p.id.toLowerCase() === op.caller?.toLowerCase())?.displayName;
  return { log, operations, nameOf };
}
