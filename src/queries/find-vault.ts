import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { GenericResource } from '../arm/types/resources';
import { subscriptionResourcesQuery, subscriptionsQuery } from './resources';

/**
 * Finds a key vault's ARM id by its name (vault names are globally unique) in every subscription the admin can see,
 * from the resource lists Home already caches.
 */
export function useFindVaultId(vaultName: string | undefined): {
  vaultId?: string;
  searching: boolean;
  notFound: boolean;
} {
  const subs = useQuery({ ...subscriptionsQuery(), enabled: vaultName !== undefined });
  const combine = useCallback(
    (results: { data?: GenericResource[]; isLoading: boolean }[]) => {
      const want = vaultName?.toLowerCase();
      const hit = want
        ? results
            .flatMap((r) => r.data ?? [])
            .find(
              (r) => r.type.toLowerCase() === 'microsoft.keyvault/vaults' && r.name.toLowerCase() === want,
            )
        : undefined;
      const searching = results.some((r) => r.isLoading);
      return { vaultId: hit?.id, searching, notFound: !hit && !searching && want !== undefined };
    },
    [vaultName],
  );
  const found = useQueries({
    queries: (subs.data ?? []).map((s) => ({
      ...subscriptionResourcesQuery(s.subscriptionId),
      enabled: vaultName !== undefined,
    })),
    combine,
  });
  return { ...found, searching: found.searching || (vaultName !== undefined && subs.isLoading) };
}
