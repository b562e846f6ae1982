import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { botsList } from '../arm/operations/bots';
import { directoryObjectsGetByIds, servicePrincipalsListByDisplayName } from '../arm/operations/graph';
import type { Bot } from '../arm/types/bot';
import type { Vault } from '../arm/types/key-vault';
import { parseKeyUri } from '../arm/key-uri';
import { isArmError } from '../arm/errors';
import { queryKeys } from '../queries/keys';
import { subscriptionResourcesQuery, subscriptionsQuery } from '../queries/resources';
import type { GenericResource } from '../arm/types/resources';
import { cmekPrincipalName, vaultHost } from './cmek';

export const cmekPrincipalQuery = (tenantId: string) =>
  queryOptions({
    queryKey: queryKeys.graph('servicePrincipals', tenantId, cmekPrincipalName),
    queryFn: ({ signal }) => servicePrincipalsListByDisplayName(cmekPrincipalName, signal),
    staleTime: 30 * 60_000,
  });

export const directoryObjectsQuery = (ids: string[]) =>
  queryOptions({
    queryKey: queryKeys.graph('directoryObjects', ...[...ids].sort()),
    queryFn: ({ signal }) => directoryObjectsGetByIds(ids, signal),
    staleTime: 10 * 60_000,
  });

export const botsQuery = (subscriptionId: string) =>
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

/** A bot has CMK on with a key URL in this vault. */
export function botUsesVault(bot: Bot, vault: Vault): boolean {
  if (!bot.properties.isCmekEnabled || !bot.properties.cmekKeyVaultUrl) return false;
  const parts = parseKeyUri(bot.properties.cmekKeyVaultUrl);
  return parts !== undefined && parts.vaultUri === vaultHost(vault);
}

/**
 * Bots (in every subscription the admin can see) that use a key of this vault with CMK on. Only subscriptions that
 * hold bots are asked (from the resource list Home already caches), so no call hits an unregistered provider.
 */
export function useBotsUsingVault(vault: Vault | undefined) {
  const subs = useQuery(subscriptionsQuery());
  const withBots = useQueries({
    queries: (subs.data ?? []).map((s) => ({
      ...subscriptionResourcesQuery(s.subscriptionId),
      enabled: vault !== undefined,
    })),
    combine: useCallback(
      (results: { data?: GenericResource[] }[]) =>
        (subs.data ?? [])
          .filter((_, i) =>
            results[i]?.data?.some((r) => r.type.toLowerCase() === 'microsoft.botservice/botservices'),
          )
          .map((s) => s.subscriptionId),
      [subs.data],
    ),
  });
  const combine = useCallback(
    (results: { data?: Bot[]; isLoading: boolean; error: unknown }[]) => ({
      bots: vault ? results.flatMap((r) => r.data ?? []).filter((b) => botUsesVault(b, vault)) : [],
      loading: results.some((r) => r.isLoading),
      failed: results.some((r) => r.error),
    }),
    [vault],
  );
  return useQueries({
    queries: withBots.map((id) => ({ ...botsQuery(id), enabled: vault !== undefined })),
    combine,
  });
}
