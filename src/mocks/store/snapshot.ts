import type { ClockState } from './clock';
import type { TwinSettings } from './model';
import type { World } from './world';

/** Raised whenever the world's shape changes: a saved state of another version is not restored. */
const snapshotVersion = 5;

export interface TwinSnapshot {
  version: typeof snapshotVersion;
  /** The scenario the world was seeded from (the store does not know the scenarios: the seed is passed in). */
  scenario: string;
  startMs: number;
  clock: ClockState;
  settings: TwinSettings;
  /** Per table, only the rows changed since the scenario was seeded (null = deleted). */
  diffs: Record<string, Record<string, unknown>>;
}

export function snapshotOf(world: World, scenario: string, startMs: number, clock: ClockState): TwinSnapshot {
  const diffs: TwinSnapshot['diffs'] = {};
  for (const t of world.tables()) {
    const d = t.diff();
    if (Object.keys(d).length) diffs[t.name] = d;
  }
  return { version: snapshotVersion, scenario, startMs, clock, settings: { ...world.settings }, diffs };
}

/**
 * The world as it was saved: the same seed again (`seed`: the scenario's world at its start time, or undefined for a
 * scenario it does not know), then the saved rows on top. Undefined for another version or an unknown scenario.
 */
export function restoreWorld(
  snapshot: TwinSnapshot,
  seed: (scenario: string, startMs: number) => World | undefined,
): World | undefined {
  if (snapshot?.version !== snapshotVersion) return undefined;
  const world = seed(snapshot.scenario, snapshot.startMs);
  if (!world) return undefined;
  world.settings = { ...world.settings, ...snapshot.settings };
  for (const t of world.tables()) {
    const d = snapshot.diffs[t.name];
    if (d) t.applyDiff(d);
  }
  return world;
}
