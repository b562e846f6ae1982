import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { armSleep } from '../../arm/client';
import { isArmError } from '../../arm/errors';
import { serverNow } from '../../arm/server-clock';
import { writesRemaining } from '../../arm/throttle-budget';
import { useSession } from '../../auth/session';
import { describeError } from '../../domain/error-wording';
import type { BulkFixKind, BulkItem } from '../../domain/fleet/bulk';
import { BulkRefusal, runBulkItem } from '../../queries/mutations/bulk-fix';

export type ItemStatus =
  | { state: 'waiting' | 'running' | 'not-started'; message?: string }
  | { state: 'done' | 'already' | 'pending' | 'failed'; message: string };

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
/** A Retry-After this long or more is not waited out silently (the client already waited the short ones). */
const maxThrottlesPerItem = 3;
const lowWriteBudget = 5;
const budgetPauseMs = 10_000;

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
 * Runs one fix over many items, a few at a time: each item's own guard reads Azure afresh before its write. Stop lets
 * the running items finish (a write already sent is never abandoned half-way) and leaves the rest not started; a
 * throttled item waits out Azure's Retry-After, and the whole run holds back with it.
 */
export function useBulkRun(onSettled: () => void) {
  const queryClient = useQueryClient();
  const session = useSession();
  const [run, setRun] = useState<BulkRun>();
  const control = useRef<{ abort: AbortController; holdUntil: number } | undefined>(undefined);

  const update = (id: string, status: ItemStatus) =>
    setRun((r) => (r ? { ...r, status: { ...r.status, [id]: status } } : r));

  const execute = async (kind: BulkFixKind, items: BulkItem[], ids: string[]) => {
    const abort = new AbortController();
    const ctl = { abort, holdUntil: 0 };
    control.current = ctl;
    setRun((r) => ({
      kind,
      items,
      status: {
        ...(r?.kind === kind ? r.status : {}),
        ...Object.fromEntries(ids.map((id) => [id, { state: 'waiting' } as ItemStatus])),
      },
      running: true,
      stopping: false,
    }));
    const queue = [...ids];
    const throttles = new Map<string, number>();
    const byId = new Map(items.map((i) => [i.id, i]));
    const ctx = {
      queryClient,
      cloud: session.cloud,
      tenantId: session.account.tenantId,
      signal: abort.signal,
      nowMs: serverNow,
    };
    const hold = async () => {
      const wait = ctl.holdUntil - Date.now();
      if (wait > 0 && !abort.signal.aborted) await armSleep(wait, abort.signal).catch(() => undefined);
      setRun((r) => (r ? { ...r, pause: undefined } : r));
    };
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        if (abort.signal.aborted) {
          update(id, { state: 'not-started', message: 'Stopped before it started: nothing was changed.' });
          continue;
        }
        const item = byId.get(id)!;
        const left = writesRemaining(subscriptionOf(item));
        if (left !== undefined && left <= lowWriteBudget) {
          ctl.holdUntil = Math.max(ctl.holdUntil, Date.now() + budgetPauseMs);
          setRun((r) =>
            r
              ? {
                  ...r,
                  pause: `Azure reports ${left} writes left for a subscription: pausing ${budgetPauseMs / 1000} s.`,
                }
              : r,
          );
        }
        await hold();
        if (abort.signal.aborted) {
          update(id, { state: 'not-started', message: 'Stopped before it started: nothing was changed.' });
          continue;
        }
        update(id, { state: 'running' });
        try {
          const outcome = await runBulkItem(item.target, ctx);
          update(id, outcome);
        } catch (e) {
          const n = (throttles.get(id) ?? 0) + 1;
          if (isArmError(e) && e.status === 429 && n <= maxThrottlesPerItem) {
            throttles.set(id, n);
            const wait = e.retryAfterMs ?? 30_000;
            ctl.holdUntil = Math.max(ctl.holdUntil, Date.now() + wait);
            setRun((r) =>
              r ? { ...r, pause: `Azure is throttling: waiting ${Math.ceil(wait / 1000)} s as it asks.` } : r,
            );
            update(id, { state: 'waiting', message: 'Throttled by Azure: it goes again after the wait.' });
            queue.push(id);
            continue;
          }
          update(id, {
            state: 'failed',
            message: e instanceof BulkRefusal ? e.message : describeError(e).message,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(atOnce, ids.length) }, worker));
    setRun((r) => (r ? { ...r, running: false, stopping: false, pause: undefined } : r));
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
    retryFailed: () => run && void execute(run.kind, run.items, idsIn(['failed'])),
    runRest: () => run && void execute(run.kind, run.items, idsIn(['not-started'])),
    close: () => setRun(undefined),
  };
}
