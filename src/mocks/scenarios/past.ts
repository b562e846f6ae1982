import { catchUpKeyUse } from '../rules/key-use-log';
import type { OtherAdmin } from '../server/actors';
import { SimClock } from '../store/clock';
import { guid, seededRandom } from '../store/random';
import { Twin } from '../server/twin';
import type { World } from '../store/world';

const day = 24 * 60 * 60 * 1000;

/** One change in a scenario's past: who made it, when, and the ARM request it was. */
export interface PastChange {
  daysAgo: number;
  /** `me`: the demo admin, from Keyguard; otherwise a colleague and their client. */
  who: 'me' | OtherAdmin;
  method: 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
}

/**
 * Gives a scenario a past by living it: the world starts as it was, and each change is made through the twin at its
 * time, so the Activity log, the change records and the key's audit log hold what Azure would hold, no hand-written
 * records. Ids come from a seeded source: the same past every time, so links to its events keep working.
 */
export function livePast(world: World, startMs: number, seed: number, changes: PastChange[]): void {
  const steps = [...changes].sort((a, b) => b.daysAgo - a.daysAgo);
  const first = startMs - (steps[0]?.daysAgo ?? 0) * day;
  const clock = new SimClock({ anchorRealMs: 0, anchorSimMs: first, speed: 1 }, () => 0);
  const twin = new Twin(world, clock);
  const random = seededRandom(seed);
  twin.newId = () => guid(random);
  world.settings.keyUseLoggedUntil = first;
  for (const step of steps) {
    clock.advance(startMs - step.daysAgo * day - clock.now());
    const url = new URL(step.path, 'https://management.azure.com');
    const response =
      step.who === 'me'
        ? twin.handle({ method: step.method, url, body: step.body, headers: { 'user-agent': 'Keyguard' } })
            .response
        : twin.otherAdmin(step.method, step.path, step.body, step.who);
    if (!response || response.status >= 400)
      throw new Error(
        `The scenario's past failed at ${step.method} ${step.path}: ${JSON.stringify(response?.body ?? 'no answer')}`,
      );
  }
  clock.advance(startMs - clock.now());
  catchUpKeyUse(world, startMs);
}
