import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { describeError } from '../../domain/error-wording';
import { groupActivity, isAboutResource } from '../../domain/history/activity';
import {
  keyHistoryFromActivity,
  keyHistoryFromChanges,
  type KeyHistory,
} from '../../domain/history/key-history';
import type { VersionedKeyUrl } from '../../domain/key-url';
import { activityLogQuery, resourceChangesQueryOptions } from '../../queries/history';

export interface KeyHistoryRead {
  history: KeyHistory | undefined;
  loading: boolean;
  refetch(): void;
}

/**
 * The bot's keys over time, from Azure's own records: Resource Graph's change records (who, when, from which client,
 * the key before and after), or when those cannot be read, the Activity log's last write to the bot.
 */
export function useKeyHistory(
  botId: string,
  currentKey: VersionedKeyUrl | undefined,
  enabled: boolean,
  poll: boolean,
): KeyHistoryRead {
  const changes = useQuery({
    ...resourceChangesQueryOptions(botId),
    enabled,
    refetchInterval: poll ? 30_000 : false,
  });
  const fallback = useInfiniteQuery({
    ...activityLogQuery(botId, { preset: '30d', asked: 0 }),
    enabled: enabled && changes.isError,
  });
  const history = useMemo((): KeyHistory | undefined => {
    if (changes.data) return keyHistoryFromChanges(changes.data, currentKey);
    if (!changes.error) return undefined;
    const why = describeError(changes.error).message;
    if (fallback.data) {
      const events = fallback.data.pages.flatMap((p) => p.events).filter((e) => isAboutResource(e, botId));
      return keyHistoryFromActivity(groupActivity(events), why);
    }
    if (fallback.error)
      return {
        source: 'none',
        why: `${why} The Activity log could not be read either: ${describeError(fallback.error).message}`,
      };
    return undefined;
  }, [changes.data, changes.error, fallback.data, fallback.error, currentKey, botId]);
  return {
    history,
    loading: changes.isLoading || (changes.isError && fallback.isLoading),
    refetch: () => {
      void changes.refetch();
      if (changes.isError) void fallback.refetch();
    },
  };
}
