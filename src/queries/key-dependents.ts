import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { serverNow } from '../arm/server-clock';
import type { CmkBotRow } from '../arm/types/cmk';
import type { ResourceChange } from '../domain/history/changes';
import { keyDependentsOf, type KeyDependent } from '../domain/keys/key-dependents';
import { cmkBotsQueryOptions } from './cmk';
import { botChangesQueryOptions } from './key-vault';

export interface KeyDependents {
  /** Every bot's use of a key version: now, and (within the week) the keys it moved off. */
  uses: KeyDependent[];
  bots: CmkBotRow[] | undefined;
  /** The week's bot changes the uses were read from. */
  changes: ResourceChange[] | undefined;
  botsError: unknown;
  changesError: unknown;
  loading: boolean;
  fetching: boolean;
  retry(): void;
}

/**
 * Which bots depend on which key, across the tenant: every bot's key from Resource Graph and the week's change records
 * (a rotation's old key, the key of a bot whose CMK was turned off). One map for the Customer-managed keys page, the
 * Keys blades and the guard; its two queries are cached once for all of them.
 */
export function useKeyDependents(enabled = true): KeyDependents {
  const bots = useQuery({ ...cmkBotsQueryOptions('tenant'), enabled });
  const changes = useQuery({ ...botChangesQueryOptions(), enabled });
  const uses = useMemo(
    () =>
      keyDependentsOf(
        (bots.data ?? []).map((b) => ({
          id: b.id,
          name: b.name,
          cmekEnabled: b.isCmekEnabled === true,
          keyUrl: b.cmekKeyVaultUrl,
        })),
        changes.data ?? [],
        // The week's uses change by the day, not by the render: the clock is read when the answers change.
        serverNow(),
      ),
    [bots.data, changes.data],
  );
  const loading = enabled && (bots.isLoading || changes.isLoading);
  const fetching = bots.isFetching || changes.isFetching;
  const refetchBots = bots.refetch;
  const refetchChanges = changes.refetch;
  // One object per answer, so what renders from the map renders again only when it changes.
  return useMemo(
    () => ({
      uses,
      bots: bots.data,
      changes: changes.data,
      botsError: bots.error,
      changesError: changes.error,
      loading,
      fetching,
      retry: () => {
        void refetchBots();
        void refetchChanges();
      },
    }),
    [
      uses,
      bots.data,
      changes.data,
      bots.error,
      changes.error,
      loading,
      fetching,
      refetchBots,
      refetchChanges,
    ],
  );
}
