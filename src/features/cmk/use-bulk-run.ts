import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { armSleep } from '../../arm/client';
import { serverNow } from '../../arm/server-clock';
import { writesRemaining } from '../../arm/throttle-budget';
import { useSession } from '../../auth/session';
import { bulkFixTitles, type BulkFixKind, type BulkItem } from '../../domain/cmk/bulk';
import { bulkSummary, finished, runBulk, type ItemStatus } from '../../queries/bulk-run';
import { useChangeReporter } from '../../queries/change-reporter';
import { runBulkItem } from '../../queries/mutations/bulk-fix';
import type { ActionGroupChoice } from '../../domain/alerts/plan';

export type { ItemStatus };

export interface BulkRun {
  kind: BulkFixKind;
  items: BulkItem[];
  status: Record<string, ItemStatus>;
  running: boolean;
  stopping: boolean;
  /** Why the run is holding back (throttling), while it does. */
  pause?: string;
  /** Who a run of alert set-ups tells (kept for its retries). */
  alertGroup?: ActionGroupChoice;
}

/** Changes at once: ARM counts writes per subscription, and a burst only buys 429s. */
const atOnce = 3;

const subscriptionOf = (item: BulkItem) => {
  const t = item.target;
  const id =
    t.kind === 'register-provider'
      ? `/subscriptions/${t.subscriptionId}`
      : t.kind === 'move-to-newest'
        ? t.botId
        : t.vaultId;
  return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';
};

/**
 * One fix over many bots (queries/bulk-run.ts schedules it), bound to the page: its progress as state, Stop (or
 * leaving the page) as the abort, and the run as a notification, so its outcome outlives the page.
 */
export function useBulkRun(onSettled: () => void) {
  const queryClient = useQueryClient();
  const session = useSession();
  const { start: report } = useChangeReporter();
  const [run, setRun] = useState<BulkRun>();
  const abortRef = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abortRef.current?.abort(), []);

  const execute = async (
    kind: BulkFixKind,
    items: BulkItem[],
    ids: string[],
    alertGroup?: ActionGroupChoice,
  ) => {
    const abort = new AbortController();
    abortRef.current = abort;
    const t = bulkFixTitles[kind];
    const handle = report({ title: `${t.verb}: ${t.noun(ids.length)}` });
    const chosen = items.filter((i) => ids.includes(i.id));
    const waiting: Record<string, ItemStatus> = Object.fromEntries(
      ids.map((id) => [id, { state: 'waiting' }]),
    );
    setRun((r) => ({
      kind,
      items,
      status: { ...(r?.kind === kind ? r.status : {}), ...waiting },
      running: true,
      stopping: false,
      alertGroup,
    }));
    let ended = 0;
    const status = await runBulk(
      chosen,
      (item, at) =>
        runBulkItem(item.target, {
          queryClient,
          cloud: session.cloud,
          tenantId: session.account.tenantId,
          signal: at.signal,
          nowMs: serverNow,
          writing: at.writing,
          alertGroup,
        }),
      {
        concurrency: atOnce,
        sleep: armSleep,
        signal: abort.signal,
        writesLeft: (item) => writesRemaining(subscriptionOf(item)),
        onPause: (why) => setRun((r) => (r ? { ...r, pause: why } : r)),
        onStatus: (id, s) => {
          setRun((r) => (r ? { ...r, status: { ...r.status, [id]: s } } : r));
          if (finished(s)) handle.progress(`${++ended} of ${ids.length} finished.`);
        },
      },
    );
    setRun((r) => (r ? { ...r, running: false, stopping: false, pause: undefined } : r));
    const summary = bulkSummary(status);
    if (summary.allDone) handle.succeed(`${t.verb}: done`, summary.text);
    else handle.warn(`${t.verb}: not all done`, summary.text);
    onSettled();
  };

  const idsIn = (states: ItemStatus['state'][]) =>
    run
      ? run.items.filter((i) => states.includes(run.status[i.id]?.state ?? 'waiting')).map((i) => i.id)
      : [];

  return {
    run,
    start: (kind: BulkFixKind, items: BulkItem[], alertGroup?: ActionGroupChoice) =>
      void execute(
        kind,
        items,
        items.map((i) => i.id),
        alertGroup,
      ),
    stop: () => {
      abortRef.current?.abort();
      setRun((r) => (r ? { ...r, stopping: true } : r));
    },
    // An item not known to be done is retried too: its guard reads Azure before writing anything.
    retryFailed: () => run && void execute(run.kind, run.items, idsIn(['failed', 'unknown']), run.alertGroup),
    runRest: () => run && void execute(run.kind, run.items, idsIn(['not-started']), run.alertGroup),
    close: () => setRun(undefined),
  };
}
