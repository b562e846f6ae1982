import { buildScenario, isScenarioName, type ScenarioName } from '../scenarios';
import type { ClockState } from './clock';
import type { TwinSettings } from './model';
import type { World } from './world';

/** Raised whenever the world's shape changes: a saved state of another version is not restored. */
const snapshotVersion = 4;

export interface TwinSnapshot {
  version: typeof snapshotVersion;
  scenario: ScenarioName;
  startMs: number;
  clock: ClockState;
  settings: TwinSettings;
  /** Per table, only the rows changed since the scenario was seeded (null = deleted). */
  diffs: Record<string, Record<string, unknown>>;
}

export function snapshotOf(
  world: World,
  scenario: ScenarioName,
  startMs: number,
  clock: ClockState,
): TwinSnapshot {
  const diffs: TwinSnapshot['diffs'] = {};
  for (const t of world.tables()) {
    const d = t.diff();
    if (Object.keys(d).length) diffs[t.name] = d;
  }
  return { version: snapshotVersion, scenario, startMs, clock, settings: { ...world.settings }, diffs };
}

export function restoreWorld(snapshot: TwinSnapshot): World | undefined {
  if (snapshot?.version !== snapshotVersion || !isScenarioName(snapshot.scenario)) return undefined;
  const world = buildScenario(snapshot.scenario, snapshot.startMs);
  world.settings = { ...world.settings, ...snapshot.settings };
  for (const t of world.tables()) {
    const d = snapshot.diffs[t.name];
    if (d) t.applyDiff(d as Record<string, never>);
  }
  return world;
}
