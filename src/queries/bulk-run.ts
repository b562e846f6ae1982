import { isAbortError, isArmError } from '../arm/errors';
import { describeError } from '../domain/error-wording';
import { BulkRefusal, type BulkOutcome } from './mutations/bulk-types';

export type ItemStatus =
  | { state: 'waiting' | 'running' | 'not-started'; message?: string }
  | { state: 'done' | 'already' | 'pending' | 'unknown' | 'failed'; message: string };

export interface BulkOptions<T> {
  /** Items run at once: ARM counts writes per subscription, and a burst only buys 429s. */
  concurrency: number;
  /** Waits (the ARM client's sleep: the twin's clock in tests). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Stop: running items finish, the rest are not started. */
  signal: AbortSignal;
  /** Every change of an item's status. */
  onStatus(id: string, status: ItemStatus): void;
  /** Why the run holds back (throttling), or undefined when it goes on. */
  onPause?(why: string | undefined): void;
  /** ARM writes left in the item's subscription, when Azure said (x-ms-ratelimit-remaining-subscription-writes). */
  writesLeft?(item: T): number | undefined;
  /** The wall clock the holds are timed on. */
  now?(): number;
}

/** Throttled before its write, an item goes again after the wait, this many times at most. */
const maxThrottlesPerItem = 3;
const lowWriteBudget = 5;
const budgetPauseMs = 10_000;
const notStarted: ItemStatus = {
  state: 'not-started',
  message: 'Stopped before it started: nothing was changed.',
};

const refusedByAzure = (e: unknown) =>
  isArmError(e) && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;

export const finished = (s: ItemStatus | undefined) =>
  s !== undefined && s.state !== 'waiting' && s.state !== 'running' && s.state !== 'not-started';

/** How an item failed: before its write (nothing made), refused by Azure, or after the write with its outcome lost. */
function failure(e: unknown, written: boolean, aborted: boolean): ItemStatus {
  if (!written && (isAbortError(e) || aborted)) return notStarted;
  // Azure answering 4xx refused the write: nothing was made. A lost answer or a 5xx leaves it unknown.
  if (written && !refusedByAzure(e))
    return {
      state: 'unknown',
      message: `The change was sent, then: ${describeError(e).message} A retry reads the resource first.`,
    };
  return { state: 'failed', message: e instanceof BulkRefusal ? e.message : describeError(e).message };
}

/**
 * Runs one fix over many items, a few at a time. Each item's run reads Azure afresh before its write and says when it
 * sends it (`writing`). A 429 before the write holds every worker for the time Azure asks and puts the item back (at
 * most three times); a subscription whose write budget runs low holds the run for ten seconds. Stopping lets the
 * running items finish (a write already sent is never abandoned half-way) and leaves the rest not started. A failure
 * after an item's write was sent is reported as unknown, never as "nothing changed".
 */
export async function runBulk<T extends { id: string }>(
  items: readonly T[],
  run: (item: T, at: { signal: AbortSignal; writing(): void }) => Promise<BulkOutcome>,
  o: BulkOptions<T>,
): Promise<Record<string, ItemStatus>> {
  const now = o.now ?? Date.now;
  const status: Record<string, ItemStatus> = {};
  const set = (id: string, s: ItemStatus) => {
    status[id] = s;
    o.onStatus(id, s);
  };
  for (const item of items) set(item.id, { state: 'waiting' });
  const queue = [...items];
  const throttles = new Map<string, number>();
  let holdUntil = 0;
  const hold = async () => {
    const wait = holdUntil - now();
    if (wait > 0 && !o.signal.aborted) await o.sleep(wait, o.signal).catch(() => undefined);
    o.onPause?.(undefined);
  };
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      const left = o.writesLeft?.(item);
      if (left !== undefined && left <= lowWriteBudget) {
        holdUntil = Math.max(holdUntil, now() + budgetPauseMs);
        o.onPause?.(
          `Azure reports ${left} writes left for a subscription: pausing ${budgetPauseMs / 1000} s.`,
        );
      }
      await hold();
      if (o.signal.aborted) {
        set(item.id, notStarted);
        continue;
      }
      set(item.id, { state: 'running' });
      let written = false;
      try {
        set(item.id, await run(item, { signal: o.signal, writing: () => void (written = true) }));
      } catch (e) {
        const n = (throttles.get(item.id) ?? 0) + 1;
        if (!written && isArmError(e) && e.status === 429 && n <= maxThrottlesPerItem) {
          throttles.set(item.id, n);
          const wait = e.retryAfterMs ?? 30_000;
          holdUntil = Math.max(holdUntil, now() + wait);
          o.onPause?.(`Azure is throttling: waiting ${Math.ceil(wait / 1000)} s as it asks.`);
          set(item.id, {
            state: 'waiting',
            message: 'Throttled by Azure before its change: it goes again after the wait.',
          });
          queue.push(item);
        } else set(item.id, failure(e, written, o.signal.aborted));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, items.length) }, worker));
  return status;
}

const summaryWords: [ItemStatus['state'], string][] = [
  ['done', 'changed'],
  ['already', 'already fine'],
  ['pending', 'still finishing in Azure'],
  ['unknown', 'not known whether made'],
  ['failed', 'failed'],
  ['not-started', 'not started'],
];

/** The run in one line ("3 changed, 1 failed."), and whether everything it was asked to do is done. */
export function bulkSummary(status: Record<string, ItemStatus>): { text: string; allDone: boolean } {
  const states = Object.values(status).map((s) => s.state);
  const count = (s: ItemStatus['state']) => states.filter((x) => x === s).length;
  const text = `${summaryWords
    .filter(([state]) => count(state) > 0)
    .map(([state, words]) => `${count(state)} ${words}`)
    .join(', ')}.`;
  return {
    text,
    allDone: !(count('failed') || count('not-started') || count('pending') || count('unknown')),
  };
}
