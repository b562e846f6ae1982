import { useMemo, useState } from 'react';
import { bulkPlan, type BulkFixKind, type BulkItem } from '../../domain/fleet/bulk';
import type { FleetRow } from '../../domain/fleet/posture';
import { BulkConfirm } from './bulk-confirm';
import { BulkMenu } from './bulk-menu';
import { BulkProgress } from './bulk-progress';
import { selectionColumn } from './selection-column';
import { useBulkRun } from './use-bulk-run';

const kinds: BulkFixKind[] = ['register-provider', 'firewall-bypass', 'grant-access', 'move-to-newest'];

/**
 * Selecting bots and applying one fix to all of them: the selection (kept across filters, though only the bots shown
 * are fixed), the plan per fix, its confirmation and the run's progress.
 */
export function useFleetBulk(
  visible: FleetRow[],
  subscriptionName: (id: string) => string,
  onSettled: () => void,
) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<{ kind: BulkFixKind; items: BulkItem[] }>();
  const bulk = useBulkRun(onSettled);
  // Only the bots shown are fixed: a bot picked, then hidden by a filter, is not changed unseen.
  const selectedRows = useMemo(() => visible.filter((r) => picked.has(r.id)), [visible, picked]);
  const plans = useMemo(
    () =>
      Object.fromEntries(kinds.map((k) => [k, bulkPlan(selectedRows, k, subscriptionName)])) as Record<
        BulkFixKind,
        BulkItem[]
      >,
    // subscriptionName is a new function each render; the names only change with the rows' answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selectedRows],
  );
  const shownPicked = selectedRows.length;
  // New only when the selection or the bots shown change, so the table can skip the page's other re-renders.
  const column = useMemo(
    () =>
      selectionColumn({
        has: (id) => picked.has(id),
        toggle: (id) =>
          setPicked((p) => {
            const next = new Set(p);
            if (!next.delete(id)) next.add(id);
            return next;
          }),
        shown: shownPicked === 0 ? 'none' : shownPicked === visible.length ? 'all' : 'some',
        toggleShown: () =>
          setPicked((p) => {
            const next = new Set(p);
            if (shownPicked === visible.length) for (const r of visible) next.delete(r.id);
            else for (const r of visible) next.add(r.id);
            return next;
          }),
      }),
    [picked, shownPicked, visible],
  );
  return {
    column,
    menu: (
      <BulkMenu
        selected={selectedRows.length}
        plans={plans}
        disabled={bulk.run?.running === true}
        onChoose={(kind) => setConfirming({ kind, items: plans[kind] })}
      />
    ),
    confirm: confirming && (
      <BulkConfirm
        kind={confirming.kind}
        items={confirming.items}
        onCancel={() => setConfirming(undefined)}
        onConfirm={() => {
          bulk.start(confirming.kind, confirming.items);
          setConfirming(undefined);
        }}
      />
    ),
    progress: bulk.run && (
      <BulkProgress
        run={bulk.run}
        onStop={bulk.stop}
        onRetryFailed={bulk.retryFailed}
        onRunRest={bulk.runRest}
        onClose={bulk.close}
      />
    ),
  };
}
