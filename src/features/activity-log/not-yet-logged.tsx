import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import { onRecentWrites, recentWrites } from '../../arm/recent-writes';
import { writesNotYetLogged, type ActivityOperation } from '../../domain/history/activity';
import { dateTimeText } from '../../domain/time-text';

/**
 * Says so when a change this session made here is not in the Activity log yet (Azure records operations a few
 * minutes after they run), so an admin who just made one does not conclude it never happened.
 */
export function NotYetLogged({
  scopeId,
  operations,
  range,
  refreshing,
  onRefresh,
}: {
  scopeId: string;
  operations: readonly ActivityOperation[];
  range: { from: Date; to?: Date } | undefined;
  refreshing: boolean;
  onRefresh(): void;
}) {
  const writes = useSyncExternalStore(onRecentWrites, recentWrites);
  const missing = range ? writesNotYetLogged(writes, operations, scopeId, range) : [];
  if (missing.length === 0) return null;
  const since = dateTimeText(missing[0]!.atMs);
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {missing.length === 1
            ? 'Your change is not here yet'
            : `Your ${missing.length} changes are not here yet`}
        </MessageBarTitle>
        {missing.length === 1 ? `The change you made at ${since}` : `The changes you made since ${since}`}{' '}
        went through, but Azure adds an operation to the Activity log a few minutes after it runs. Refresh in
        a few minutes to see {missing.length === 1 ? 'it' : 'them'}.
      </MessageBarBody>
      <MessageBarActions>
        <Button disabled={refreshing} onClick={onRefresh}>
          Refresh
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
