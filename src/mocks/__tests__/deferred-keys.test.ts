import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios';
import { restoreWorld, snapshotOf } from '../store/snapshot';
import type { World } from '../store/world';

const start = Date.UTC(2026, 10, 1);
const largeVaults = (w: World) =>
  [...w.vaults.values()].filter((v) => /^kv-[a-z]+-[a-z]+-\d+-\d+$/.test(v.name)).slice(0, 3);

describe('keys of a tenant-scale world, seeded when first needed', () => {
  it('are the same whatever order the vaults are first read in', () => {
    const a = buildScenario('large', start);
    const b = buildScenario('large', start);
    const [v1, v2, v3] = largeVaults(a).map((v) => v.id) as [string, string, string];
    const first = [v1, v2, v3].map((id) => a.keysOfVault(id));
    const second = [v3, v2, v1].map((id) => b.keysOfVault(id)).reverse();
    expect(second).toEqual(first);
    expect(first[0]).toHaveLength(10);
  });

  it('are all there at once when one key is read by name', () => {
    const w = buildScenario('large', start);
    const vault = largeVaults(w)[0]!;
    const names = buildScenario('large', start)
      .keysOfVault(vault.id)
      .map((k) => k.name);
    expect(w.key(vault.id, names[4]!)?.name).toBe(names[4]);
    expect(w.keysOfVault(vault.id).map((k) => k.name)).toEqual(names);
  });

  it('never undo a change: a deleted or replaced key stays so after a reload', () => {
    const w = buildScenario('large', start);
    const vault = largeVaults(w)[1]!;
    const [gone, changed] = w.keysOfVault(vault.id);
    w.keys.delete(`${vault.id}/keys/${gone!.name}`);
    w.keys.set(`${vault.id}/keys/${changed!.name}`, { ...changed!, tags: { edited: 'yes' } });
    const restored = restoreWorld(
      snapshotOf(w, 'large', start, { anchorRealMs: 0, anchorSimMs: start, speed: 1 }),
      (_, at) => buildScenario('large', at),
    )!;
    const keys = restored.keysOfVault(vault.id);
    expect(keys.map((k) => k.name)).not.toContain(gone!.name);
    expect(keys.find((k) => k.name === changed!.name)?.tags).toEqual({ edited: 'yes' });
    expect(keys).toHaveLength(9);
  });
});
