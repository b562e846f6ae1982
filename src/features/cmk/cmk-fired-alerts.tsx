import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { parseResourceId } from '../../arm/resource-id';
import { firedFor } from '../../domain/alerts/fired';
import type { CmkRow } from '../../domain/cmk/posture';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { firedAlertsQuery } from '../../queries/alerts';

const shownAtMost = 5;
const dataOf = <T,>(results: { data?: T }[]) => results.map((r) => r.data);

/** The bots Azure Monitor fired an alert about in the last day (their vaults' subscriptions read once each). */
export function CmkFiredAlerts({
  rows,
  enabled,
  tenant,
}: {
  rows: CmkRow[];
  enabled: boolean;
  tenant?: string;
}) {
  // Each vault id parsed once: thousands of bots share a few hundred vaults, and the rows change as risks fill in.
  const subs = useMemo(() => {
    const vaultIds = new Set<string>();
    for (const r of rows) if (r.cmek && r.vaultId) vaultIds.add(r.vaultId);
    return [...new Set([...vaultIds].map((id) => parseResourceId(id)?.subscriptionId.toLowerCase() ?? ''))];
  }, [rows]);
  const lists = useQueries({
    queries: subs.map((s) => ({ ...firedAlertsQuery(s, '1d'), enabled })),
    combine: dataOf,
  });
  const hit = useMemo(() => {
    if (!lists.every(Boolean)) return [];
    const all = lists.flatMap((l) => l ?? []);
    if (all.length === 0) return [];
    return rows.flatMap((r) => {
      const f = r.cmek ? firedFor(all, { botId: r.id, vaultId: r.vaultId }) : undefined;
      return f ? [{ row: r, fired: f }] : [];
    });
  }, [lists, rows]);
  if (hit.length === 0) return null;
  const firing = hit.filter((h) => h.fired.firing > 0).length;
  return (
    <MessageBar intent={firing > 0 ? 'error' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          Azure Monitor fired alerts that concern {hit.length} bot{hit.length === 1 ? '' : 's'} in the last 24
          hours
        </MessageBarTitle>
        {firing > 0 ? `For ${firing}, a log search alert is still firing. ` : ''}
        {hit.slice(0, shownAtMost).map((h, i) => (
          <span key={h.row.id}>
            {i > 0 && ', '}
            <RouterLink href={resourceHash(h.row.id, 'overview', tenant)}>{h.row.name}</RouterLink>
          </span>
        ))}
        {hit.length > shownAtMost && ` and ${hit.length - shownAtMost} more`}.
      </MessageBarBody>
    </MessageBar>
  );
}
