import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { armSleep } from '../../arm/client';
import { isAbortError, isArmError } from '../../arm/errors';
import { serverNow } from '../../arm/server-clock';
import { writesRemaining } from '../../arm/throttle-budget';
import { useSession } from '../../auth/session';
import { describeError } from '../../domain/error-wording';
import { bulkFixTitles, type BulkFixKind, type BulkItem } from '../../domain/fleet/bulk';
import { useChangeReporter } from '../../queries/change-reporter';
import { BulkRefusal, runBulkItem } from '../../queries/mutations/bulk-fix';

export type ItemStatus =
  | { state: 'waiting' | 'running' | 'not-started'; message?: string }
  | { state: 'done' | 'already' | 'pending' | 'unknown' | 'failed'; message: string };

export interface BulkRun {
  kind: BulkFixKind;
  items: BulkItem[];
  status: Record<string, ItemStatus>;
  running: boolean;
  stopping: boolean;
  /** Why the run is holding back (throttling), while it does. */
  pause?: string;
}

/** Changes at once: ARM counts writes per subscription, and a burst only buys 429s. */
const atOnce = 3;
/** Throttled before its write, an item goes again after the wait, this many times at most. */
const maxThrottlesPerItem = 3;
const lowWriteBudget = 5;
const budgetPauseMs = 10_000;
const notStarted: ItemStatus = {
  state: 'not-started',
  message: 'Stopped before it started: nothing was changed.',
};

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

const refusedByAzure = (e: unknown) =>
  isArmError(e) && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;

const finished = (s: ItemStatus | undefined) =>
  s !== undefined && s.state !== 'waiting' && s.state !== 'running' && s.state !== 'not-started';

/**
 * Runs one fix over many items, a few at a time: each item's own guard reads Azure afresh before its write. Stop (or
 * leaving the page) lets the running items finish (a write already sent is never abandoned half-way) and leaves the
 * rest not started. A failure after an item's write was sent is reported as such, never as "nothing changed". The run
 * is also reported as a notification, so its outcome outlives the page.
 */
export function useBulkRun(onSettled: () => void) {
  const queryClient = useQueryClient();
  const session = useSession();
  const { start: report } = useChangeReporter();
  const [run, setRun] = useState<BulkRun>();
  const control = useRef<{ abort: AbortController; holdUntil: number } | undefined>(undefined);
  useEffect(() => () => control.current?.abort.abort(), []);

  const execute = async (kind: BulkFixKind, items: BulkItem[], ids: string[]) => {
    const abort = new AbortController();
    const ctl = { abort, holdUntil: 0 };
    control.current = ctl;
    const t = bulkFixTitles[kind];
    const handle = report({ title: `${t.verb}: ${t.noun(ids.length)}` });
    const status: Record<string, ItemStatus> = {};
    const show = () => setRun((r) => (r ? { ...r, status: { ...r.status, ...status } } : r));
    const update = (id: string, s: ItemStatus) => {
      status[id] = s;
      show();
      if (finished(s))
        handle.progress(`${Object.values(status).filter(finished).length} of ${ids.length} finished.`);
    };
    const pause = (text: string | undefined) => setRun((r) => (r ? { ...r, pause: text } : r));
    for (const id of ids) status[id] = { state: 'waiting' };
    setRun((r) => ({
      kind,
      items,
      status: { ...(r?.kind === kind ? r.status : {}), ...status },
      running: true,
      stopping: false,
    }));
    const queue = [...ids];
    const throttles = new Map<string, number>();
    const byId = new Map(items.map((i) => [i.id, i]));
    const hold = async () => {
      const wait = ctl.holdUntil - Date.now();
      if (wait > 0 && !abort.signal.aborted) await armSleep(wait, abort.signal).catch(() => undefined);
      pause(undefined);
    };
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const item = byId.get(id)!;
        const left = writesRemaining(subscriptionOf(item));
        if (left !== undefined && left <= lowWriteBudget) {
          ctl.holdUntil = Math.max(ctl.holdUntil, Date.now() + budgetPauseMs);
          pause(`Azure reports ${left} writes left for a subscription: pausing ${budgetPauseMs / 1000} s.`);
        }
        await hold();
        if (abort.signal.aborted) {
          update(id, notStarted);
          continue;
        }
        update(id, { state: 'running' });
        let written = false;
        try {
          update(
            id,
            await runBulkItem(item.target, {
              queryClient,
              cloud: session.cloud,
              tenantId: session.account.tenantId,
              signal: abort.signal,
              nowMs: serverNow,
              writing: () => void (written = true),
            }),
          );
        } catch (e) {
          const n = (throttles.get(id) ?? 0) + 1;
          if (!written && isArmError(e) && e.status === 429 && n <= maxThrottlesPerItem) {
            throttles.set(id, n);
            const wait = e.retryAfterMs ?? 30_000;
            ctl.holdUntil = Math.max(ctl.holdUntil, Date.now() + wait);
            pause(`Azure is throttling: waiting ${Math.ceil(wait / 1000)} s as it asks.`);
            update(id, {
              state: 'waiting',
              message: 'Throttled by Azure before its change: it goes again after the wait.',
            });
            queue.push(id);
          } else if (!written && (isAbortError(e) || abort.signal.aborted)) update(id, notStarted);
          // Azure answering 4xx refused the write: nothing was made. A lost answer or a 5xx leaves it unknown.
          else if (written && !refusedByAzure(e))
            update(id, {
              state: 'unknown',
              message: `The change was sent, then: ${describeError(e).message} A retry reads the resource first.`,
            });
          else
            update(id, {
              state: 'failed',
              message: e instanceof BulkRefusal ? e.message : describeError(e).message,
            });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(atOnce, ids.length) }, worker));
    setRun((r) => (r ? { ...r, running: false, stopping: false, pause: undefined } : r));
    const states = Object.values(status).map((s) => s.state);
    const count = (s: ItemStatus['state']) => states.filter((x) => x === s).length;
    const parts: [ItemStatus['state'], string][] = [
      ['done', 'changed'],
      ['already', 'already fine'],
      ['pending', 'still finishing in Azure'],
      ['unknown', 'not known whether made'],
      ['failed', 'failed'],
      ['not-started', 'not started'],
    ];
    const summary = `${parts
      .filter(([state]) => count(state) > 0)
      .map(([state, words]) => `${count(state)} ${words}`)
      .join(', ')}.`;
    if (count('failed') || count('not-started') || count('pending') || count('unknown'))
      handle.warn(`${t.verb}: not all done`, summary);
    else handle.succeed(`${t.verb}: done`, summary);
    onSettled();
  };

  const idsIn = (states: ItemStatus['state'][]) =>
    run
      ? run.items.filter((i) => states.includes(run.status[i.id]?.state ?? 'waiting')).map((i) => i.id)
      : [];

  return {
    run,
    start: (kind: BulkFixKind, items: BulkItem[]) =>
      void execute(
        kind,
        items,
        items.map((i) => i.id),
      ),
    stop: () => {
      control.current?.abort.abort();
      setRun((r) => (r ? { ...r, stopping: true } : r));
    },
    // An item not known to be done is retried too: its guard reads Azure before writing anything.
    retryFailed: () => run && void execute(run.kind, run.items, idsIn(['failed', 'unknown'])),
    runRest: () => run && void execute(run.kind, run.items, idsIn(['not-started'])),
    close: () => setRun(undefined),
  };
}
