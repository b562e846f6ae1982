import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSession } from '../../auth/session';
import { botServiceCmekApp } from '../../domain/bot-service-principal';
import { coverageByVault } from '../../domain/alerts/tenant-coverage';
import type { CmkRow } from '../../domain/cmk/posture';
import { alertingResourcesQueryOptions, eventSubscriptionsQuery } from '../../queries/alerts';
import { oneOfMany } from '../../queries/cmk';
import { combineReads } from './combine-reads';
import { useCmkRoles } from './use-cmk-roles';
import type { DiagnosticSettingsResource } from '../../arm/types/monitor';
import { diagnosticSettingsQuery } from '../../queries/diagnostics';

const lower = (s: string) => s.toLowerCase();
/** Stable, so TanStack keeps the combined list the same object while no answer changes. */
const dataOf = <T>(results: { data?: T }[]) => results.map((r) => r.data);

/**
 * Who is told about each bot's key, for the page's Alerts column: one Resource Graph query for the tenant's rules,
 * alerts, action groups and topics, the vaults' audit settings the risk checks already read, and the event
 * subscriptions of the few vaults that have a topic. Starts once the risks are in (`enabled`), so it never delays them.
 */
export function useCmkAlerts(rows: CmkRow[], enabled: boolean) {
  const session = useSession();
  const appId = botServiceCmekApp.byCloud[session.cloud.name]?.appId;
  const graph = useQuery({ ...alertingResourcesQueryOptions(), enabled: enabled && !!appId });
  const vaultIds = useMemo(() => {
    const ids = new Map<string, string>();
    for (const r of rows) if (r.cmek && r.vaultId) ids.set(lower(r.vaultId), r.vaultId);
    return [...ids.values()];
  }, [rows]);
  // The risk checks read these (same keys) and own their failures: only looked at here. Switched on over a failed
  // read, an observer read it again, which the page counted as checking, which switched it off again: a loop.
  const settings = useQueries({
    queries: vaultIds.map((id) => ({ ...oneOfMany(diagnosticSettingsQuery(id)), enabled: false })),
    combine: combineReads<DiagnosticSettingsResource[]>,
  });
  const settingsData = settings.data;
  const topics = useMemo(() => {
    const wanted = new Set(vaultIds.map(lower));
    return (graph.data?.systemTopics ?? []).filter((t) => wanted.has(lower(t.properties.source)));
  }, [graph.data, vaultIds]);
  // RBAC vaults: Bot Service CMEK Prod's roles given above the vault need their own watch.
  const roles = useCmkRoles(vaultIds);
  const subscriptionsData = useQueries({
    queries: topics.map((t) => ({ ...eventSubscriptionsQuery(t.id), enabled })),
    combine: dataOf,
  });
  const byVault = useMemo(() => {
    if (!graph.data || !appId) return undefined;
    const settingsBy = new Map(vaultIds.map((id, i) => [lower(id), settingsData[i]]));
    const subsBy = new Map(topics.map((t, i) => [lower(t.id), subscriptionsData[i]]));
    return coverageByVault(
      vaultIds,
      graph.data,
      (id) => settingsBy.get(lower(id)),
      (id) => subsBy.get(lower(id)),
      appId,
      roles.rolesOf,
    );
  }, [graph.data, appId, vaultIds, topics, settingsData, subscriptionsData, roles.rolesOf]);
  return {
    /** Coverage by lower-cased vault id; undefined until read. */
    byVault,
    error: graph.error ?? roles.error,
    /** Reads again what failed. */
    retry: () => {
      if (graph.error) void graph.refetch();
      settings.refetch();
      roles.retry();
    },
    resources: graph.data,
  };
}
