import { queryOptions, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { botsList } from '../arm/operations/bots';
import type { Bot } from '../arm/types/bot';
import type { Vault } from '../arm/types/key-vault';
import { isArmError } from '../arm/errors';
import type { GenericResource } from '../arm/types/resources';
import { botUsesVault } from '../domain/cmek';
import { queryKeys } from './keys';
import { subscriptionResourcesQuery, subscriptionsQuery } from './resources';
import { subscriptionById } from '../domain/subscription-by-id';

const botsQuery = (subscriptionId: string) =>
  queryOptions({
    queryKey: queryKeys.child(`/subscriptions/${subscriptionId}`, 'bots'),
    queryFn: async ({ signal }) => {
      try {
        return await botsList(subscriptionId, signal);
      } catch (e) {
        // A subscription not registered for Microsoft.BotService cannot hold bots.
        if (isArmError(e) && e.code === 'MissingSubscriptionRegistration') return [];
        throw e;
      }
    },
  });

/**
 * Bots (in every subscription the admin can see) that use a key of this vault with CMK on. Only subscriptions that
 * hold bots are asked (from the resource list Home already caches), so no call hits an unregistered provider.
 */
export interface BotsUsingVault {
  bots: Bot[];
  loading: boolean;
  /** Subscriptions whose bots could not be listed: the bots above may not be all of them. */
  unchecked: string[];
  retry(): void;
}

/**
 * The bots whose customer-managed key lives in this vault, across every subscription the user can see. A list that
 * fails is reported (never read as "no bots"), since the revoke warning must not give false comfort.
 */
export function useBotsUsingVault(vault: Vault | undefined): BotsUsingVault {
  const queryClient = useQueryClient();
  const subs = useQuery(subscriptionsQuery());
  const first = useQueries({
    queries: (subs.data ?? []).map((s) => ({
      ...subscriptionResourcesQuery(s.subscriptionId),
      enabled: vault !== undefined,
    })),
    combine: useCallback(
      (results: { data?: GenericResource[]; isLoading: boolean; error: unknown }[]) => {
        const list = subs.data ?? [];
        return {
          loading: results.some((r) => r.isLoading),
          withBots: list
            .filter((_, i) =>
              results[i]?.data?.some((r) => r.type.toLowerCase() === 'microsoft.botservice/botservices'),
            )
            .map((s) => s.subscriptionId),
          failed: list.filter((_, i) => results[i]?.error).map((s) => s.displayName),
        };
      },
      [subs.data],
    ),
  });
  const nameOf = useCallback((id: string) => subscriptionById(subs.data, id)?.displayName ?? id, [subs.data]);
  const second = useQueries({
    queries: first.withBots.map((id) => ({ ...botsQuery(id), enabled: vault !== undefined })),
    combine: useCallback(
      (results: { data?: Bot[]; isLoading: boolean; error: unknown }[]) => ({
        bots: vault ? results.flatMap((r) => r.data ?? []).filter((b) => botUsesVault(b, vault)) : [],
        loading: results.some((r) => r.isLoading),
        failed: first.withBots.filter((_, i) => results[i]?.error).map(nameOf),
      }),
      [vault, first.withBots, nameOf],
    ),
  });
  // Until every list has answered, the bots found are not all of them: the guard counts that as unknown.
  const loading = vault !== undefined && (subs.isPending || first.loading || second.loading) && !subs.error;
  return {
    bots: second.bots,
    loading,
    unchecked: [
      ...(subs.error ? ['all subscriptions (their list could not be read)'] : []),
      ...first.failed,
      ...second.failed,
    ],
    retry: () =>
      void queryClient.refetchQueries({ type: 'all', predicate: (q) => q.state.status === 'error' }),
  };
}
