// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { ManagedTwin } from '../harness/create-twin';
import { remoteTwin, type PagePort } from '../harness/page/remote-twin';
import { contoso, contosoVaultId } from '../scenarios/contoso';
import type { TwinSnapshot } from '../store/snapshot';
import { hostTwin, type Port } from '../harness/worker/twin-host';
import type { SnapshotStore } from '../harness/worker/snapshot-store';

/** A store in memory, recording when it was written. */
function memoryStore(initial?: unknown) {
  let saved: unknown = initial;
  const writes: TwinSnapshot[] = [];
  const store: SnapshotStore = {
    load: async () => {
      if (saved instanceof Error) throw saved;
      return saved;
    },
    save: async (s) => {
      writes.push(s);
      saved = structuredClone(s);
    },
    clear: async () => (saved = undefined),
  };
  return { store, writes, saved: () => saved as TwinSnapshot | undefined };
}

const open: MessageChannel[] = [];
/** The page's end and the worker's end of the twin, over a real MessageChannel, as in the browser. */
function connect(search: string, store: SnapshotStore) {
  const channel = new MessageChannel();
  open.push(channel);
  const hosted = hostTwin(channel.port2 as unknown as Port, { type: 'init', search }, store);
  const page = remoteTwin(channel.port1 as unknown as PagePort);
  return { page, hosted };
}
afterEach(() => {
  for (const c of open.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

const vaultUrl = `https://management.azure.com${contosoVaultId}?api-version=2025-05-01`;
const get = (url: string) => ({ method: 'GET', url, headers: { authorization: 'Bearer x' }, body: '' });

describe('the twin in its worker, behind the page’s port', () => {
  it('seeds the scenario the address names, answers forwarded requests, and tells the page its state', async () => {
    const { page } = connect('scenario=ready&speed=60', memoryStore().store);
    const answer = await page.request(get(vaultUrl));
    expect('dropped' in answer ? 0 : answer.status).toBe(200);
    await page.ready;
    expect(page.control.scenario).toBe('ready');
    expect(page.control.speed()).toBe(60);
    expect(page.control.scenarios.map((s) => s.name)).toContain('large');
  });

  it('saves a change before answering it, so a reload right after finds it', async () => {
    const memory = memoryStore();
    const { page } = connect('scenario=ready', memory.store);
    await page.ready;
    const before = memory.writes.length;
    const patch = await page.request({
      method: 'PATCH',
      url: vaultUrl,
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { enablePurgeProtection: true } }),
    });
    expect('dropped' in patch ? 0 : patch.status).toBe(200);
    expect(memory.writes.length).toBeGreaterThan(before);
    // The next page load restores it from the store.
    const reload = connect('', memory.store);
    const restored = await reload.hosted;
    expect(restored.scenario).toBe('ready');
    expect(restored.twin.world.vaults.get(contosoVaultId)!.enablePurgeProtection).toBe(true);
  });

  it('a saved state of another version, or one that cannot be read, starts the scenario afresh and says so', async () => {
    const old = { ...new ManagedTwin({ scenario: 'encrypted' }).snapshot(), version: 1 };
    for (const saved of [old, new Error('corrupt'), { version: 4, scenario: 'encrypted', diffs: 'x' }]) {
      const { page, hosted } = connect('', memoryStore(saved).store);
      const managed = await hosted;
      await page.ready;
      expect(page.control.notice).toMatch(/started afresh/);
      expect(['encrypted', 'fresh']).toContain(managed.scenario);
    }
  });

  it('control calls run in the worker; a hold fault keeps its answer until released', async () => {
    const { page } = connect('scenario=ready', memoryStore().store);
    const rule = await page.control.armFault({ kind: 'hold', pathIncludes: contoso.vaultName });
    expect(page.control.faults().map((f) => f.id)).toContain(rule.id);
    let answered = false;
    const held = page.request(get(vaultUrl)).then((a) => ((answered = true), a));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    await page.control.releaseFault(rule.id);
    const a = await held;
    expect('dropped' in a ? 0 : a.status).toBe(200);
    expect(await page.control.runPreset('nope').catch((e: Error) => e.message)).toMatch(/No preset nope/);
  });
});
