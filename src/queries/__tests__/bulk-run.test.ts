import { describe, expect, it } from 'vitest';
import { armSleep } from '../../arm/client';
import { ArmError } from '../../arm/errors';
import { sleeps, testTwin } from '../../testing/twin';
import { bulkSummary, runBulk, type BulkOptions, type ItemStatus } from '../bulk-run';
import { BulkRefusal, type BulkOutcome } from '../mutations/bulk-types';

type Item = { id: string };
const items = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `b${i}` }));
const done: BulkOutcome = { state: 'done', message: 'Changed.' };
const twinNow = () => testTwin.managed.twin.clock.now();
const throttled = (retryAfterMs?: number) =>
  new ArmError({ status: 429, code: 'TooManyRequests', message: 'Throttled.', retryAfterMs });

/** The run's options with the test twin's sleep (it moves the twin's clock) and a log of every status. */
function options(o: Partial<BulkOptions<Item>> = {}) {
  const log: [string, ItemStatus['state']][] = [];
  const pauses: (string | undefined)[] = [];
  const abort = new AbortController();
  return {
    log,
    pauses,
    abort,
    opts: {
      concurrency: 3,
      sleep: armSleep,
      signal: abort.signal,
      now: twinNow,
      onStatus: (id: string, s: ItemStatus) => log.push([id, s.state]),
      onPause: (why: string | undefined) => pauses.push(why),
      ...o,
    } satisfies BulkOptions<Item>,
  };
}

describe('the bulk scheduler', () => {
  it('runs a few at a time and reports every item', async () => {
    const { opts } = options();
    let running = 0;
    let most = 0;
    const status = await runBulk(
      items(10),
      async () => {
        most = Math.max(most, ++running);
        await Promise.resolve();
        running--;
        return done;
      },
      opts,
    );
    expect(most).toBe(3);
    expect(bulkSummary(status)).toEqual({ text: '10 changed.', allDone: true });
  });

  it('a 429 before the write holds every worker for as long as Azure asks, then the item goes again', async () => {
    const { opts, pauses } = options({ concurrency: 2 });
    const tries = new Map<string, number>();
    const status = await runBulk(
      items(4),
      async (item) => {
        const n = (tries.get(item.id) ?? 0) + 1;
        tries.set(item.id, n);
        if (item.id === 'b1' && n === 1) throw throttled(7000);
        return done;
      },
      opts,
    );
    expect(sleeps.some((ms) => ms > 6000 && ms <= 7000)).toBe(true);
    expect(pauses).toContain('Azure is throttling: waiting 7 s as it asks.');
    expect(tries.get('b1')).toBe(2);
    expect(bulkSummary(status).allDone).toBe(true);
  });

  it('throttled a fourth time, the item fails and the others finish', async () => {
    const { opts } = options();
    const status = await runBulk(
      items(3),
      async (item) => {
        if (item.id === 'b0') throw throttled(1000);
        return done;
      },
      opts,
    );
    expect(status.b0).toMatchObject({ state: 'failed' });
    expect(bulkSummary(status).text).toBe('2 changed, 1 failed.');
  });

  it('after its write: a lost answer or a 5xx is unknown, a 4xx is a failure; a guard’s refusal keeps its words', async () => {
    const { opts } = options();
    const status = await runBulk(
      items(4),
      async (item, at) => {
        if (item.id === 'b3') throw new BulkRefusal('Another admin changed the vault: nothing was written.');
        at.writing();
        if (item.id === 'b0') throw new ArmError({ status: 0, code: 'NetworkError', message: 'Dropped.' });
        if (item.id === 'b1')
          throw new ArmError({ status: 503, code: 'ServiceUnavailable', message: 'Busy.' });
        if (item.id === 'b2') throw new ArmError({ status: 409, code: 'Conflict', message: 'Refused.' });
        return done;
      },
      opts,
    );
    expect(status.b0).toMatchObject({ state: 'unknown', message: /^The change was sent, then:/ });
    expect(status.b1).toMatchObject({ state: 'unknown' });
    expect(status.b2).toMatchObject({ state: 'failed' });
    expect(status.b3).toEqual({
      state: 'failed',
      message: 'Another admin changed the vault: nothing was written.',
    });
    expect(bulkSummary(status)).toEqual({ text: '2 not known whether made, 2 failed.', allDone: false });
  });

  it('stop: the items running finish, the rest are not started', async () => {
    const { opts, abort } = options({ concurrency: 2 });
    const status = await runBulk(
      items(6),
      async (item) => {
        if (item.id === 'b1') abort.abort();
        await Promise.resolve();
        return done;
      },
      opts,
    );
    expect(status.b0).toMatchObject({ state: 'done' });
    expect(status.b1).toMatchObject({ state: 'done' });
    expect(['b2', 'b3', 'b4', 'b5'].map((id) => status[id]!.state)).toEqual(Array(4).fill('not-started'));
    expect(bulkSummary(status).text).toBe('2 changed, 4 not started.');
  });

  it('a subscription low on writes holds the run ten seconds', async () => {
    const { opts, pauses } = options({ writesLeft: (item) => (item.id === 'b0' ? 3 : undefined) });
    await runBulk(items(2), async () => done, opts);
    expect(pauses[0]).toBe('Azure reports 3 writes left for a subscription: pausing 10 s.');
    expect(sleeps.some((ms) => ms > 9000 && ms <= 10_000)).toBe(true);
  });
});
