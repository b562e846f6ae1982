import { useMemo, useState } from 'react';
import { bulkPlan, type BulkFixKind, type BulkItem } from '../../domain/cmk/bulk';
import type { CmkRow } from '../../domain/cmk/posture';
import type { ActionGroupChoice } from '../../domain/alerts/plan';
import { selectionColumn } from './selection-column';
import { useBulkRun } from './use-bulk-run';

const kinds: BulkFixKind[] = [
  'register-provider',
  'firewall-bypass',
  'grant-access',
  'move-to-newest',
  'cover-alerts',
];

/**
 * Selecting bots and applying one fix to all of them: the selection (kept across filters, though only the bots shown
 * are fixed), the plan per fix, the fix being confirmed, and the run. `CmkBulk` shows them.
 */
export function useCmkBulk(
  visible: CmkRow[],
  /** Stable while the subscriptions' names are (the plans are worked out again when it changes). */
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
    [selectedRows, subscriptionName],
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
    selected: selectedRows.length,
    plans,
    confirming,
    choose: (kind: BulkFixKind) => setConfirming({ kind, items: plans[kind] }),
    cancel: () => setConfirming(undefined),
    confirm: (alertGroup?: ActionGroupChoice) => {
      if (confirming) bulk.start(confirming.kind, confirming.items, alertGroup);
      setConfirming(undefined);
    },
    run: bulk.run,
    stop: bulk.stop,
    retryFailed: bulk.retryFailed,
    runRest: bulk.runRest,
    close: bulk.close,
  };
}

export type CmkBulkState = ReturnType<typeof useCmkBulk>;
