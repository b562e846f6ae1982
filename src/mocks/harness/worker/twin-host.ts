import type { LocalTwinControl } from '../control';
import { controlOf, demoSpeed, ManagedTwin } from '../create-twin';
import type { ControlCall, FromWorker, InitMessage, ToWorker, TwinState } from '../../shared/protocol';
import { isScenarioName, type ScenarioName } from '../../scenarios/index';
import { answer } from '../../server/answer';
import { onlyReads } from '../../routes/http';
import type { TwinSnapshot } from '../../store/snapshot';
import type { SnapshotStore } from './snapshot-store';

/** A port as the worker and Node's MessageChannel both have it. */
export interface Port {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}

/** The twin as the page asked for it: the saved state, unless `?scenario=` names another, a corrupt or old one not. */
async function build(
  init: InitMessage,
  store: SnapshotStore,
): Promise<{ managed: ManagedTwin; notice?: string }> {
  const params = new URLSearchParams(init.search);
  const wanted = params.get('scenario');
  const speedParam = Number(params.get('speed'));
  const speed = Number.isFinite(speedParam) && speedParam > 0 ? speedParam : demoSpeed;
  const seeded = (scenario: ScenarioName) => new ManagedTwin({ scenario, speed });
  let saved: unknown;
  let notice: string | undefined;
  try {
    saved = await store.load();
  } catch {
    notice = 'The demo’s saved state could not be read, so the scenario started afresh.';
  }
  const named = isScenarioName(wanted) ? wanted : undefined;
  const savedScenario = (saved as { scenario?: unknown } | undefined)?.scenario;
  let managed: ManagedTwin | undefined;
  if (saved !== undefined && (!named || savedScenario === named)) {
    try {
      managed = ManagedTwin.restore(saved as TwinSnapshot);
    } catch {
      managed = undefined;
    }
    if (!managed)
      notice =
        'The demo’s saved state is from another version of Keyguard or is damaged, so the scenario started afresh.';
  }
  managed ??= seeded(named ?? (isScenarioName(savedScenario) ? savedScenario : 'fresh'));
  if (params.has('speed')) managed.twin.clock.setSpeed(speed);
  // `?gateway=off`: a deployment without Keyguard's Key Vault gateway (data-plane actions become commands to run).
  if (params.get('gateway') === 'off') managed.twin.world.settings.gateway = false;
  if (params.get('gateway') === 'on') managed.twin.world.settings.gateway = true;
  return { managed, notice };
}

function stateOf(managed: ManagedTwin, control: LocalTwinControl): TwinState {
  const clock = managed.twin.clock;
  return {
    scenario: managed.scenario,
    scenarios: control.scenarios.map((s) => ({ ...s })),
    presets: control.presets.map((p) => ({ ...p })),
    clock: { simAt: clock.now(), realAt: Date.now(), speed: clock.speed },
    gateway: managed.twin.world.settings.gateway,
    gatewayTenants: managed.twin.world.settings.gatewayAllowedTenants ?? [],
    faults: control.faults(),
  };
}

function run(control: LocalTwinControl, call: ControlCall): unknown {
  switch (call.op) {
    case 'reset':
      return control.reset(isScenarioName(call.scenario) ? call.scenario : undefined);
    case 'setSpeed':
      return control.setSpeed(call.speed);
    case 'advance':
      return control.advance(call.ms);
    case 'armFault':
      return control.armFault(call.fault);
    case 'releaseFault':
      return control.releaseFault(call.id);
    case 'clearFaults':
      return control.clearFaults();
    case 'otherAdmin':
      return control.otherAdmin(call.method, call.path, call.body, call.who as never);
    case 'keyVault':
      return control.keyVault(call.method, call.url, call.body);
    case 'setGateway':
      return control.setGateway(call.present);
    case 'setGatewayTenants':
      return control.setGatewayTenants(call.tenants);
    case 'setOffline':
      return control.setOffline(call.offline);
    case 'runPreset':
      return control.runPreset(call.id);
  }
}

/**
 * The twin behind a port (the page's, in the twin's worker; a MessageChannel's, in tests): it answers the requests
 * the page forwards, runs the control calls, saves its state after every change before saying it is done (so a
 * reload right after finds it), and tells the page its state.
 */
export function hostTwin(port: Port, init: InitMessage, store: SnapshotStore): Promise<ManagedTwin> {
  const built = build(init, store);
  let saving: Promise<void> = Promise.resolve();
  const persist = (managed: ManagedTwin) =>
    (saving = saving
      .then(() => store.save(managed.snapshot()))
      .catch((e: unknown) => console.warn('The demo could not save its state.', e)));
  const ready = built.then(async ({ managed, notice }) => {
    const control = controlOf(managed);
    if (notice) port.postMessage({ type: 'notice', text: notice });
    port.postMessage({
      type: 'ready',
      startedAt: performance.timeOrigin,
      builtAt: performance.timeOrigin + performance.now(),
    });
    port.postMessage({ type: 'state', state: stateOf(managed, control) });
    // Saved once (a reload keeps a seeded world), after the page may already send its first requests.
    void persist(managed);
    return { managed, control };
  });
  port.onmessage = ({ data }) => {
    void ready.then(async ({ managed, control }) => {
      const tell = () => port.postMessage({ type: 'state', state: stateOf(managed, control) });
      if (data.type === 'request') {
        const faults = managed.twin.faults.list().length;
        const a = await answer(managed.twin, data.request);
        const path = new URL(data.request.url).pathname;
        const wrote = !onlyReads(data.request.method, path);
        if (wrote) await persist(managed);
        if (wrote || managed.twin.faults.list().length !== faults) tell();
        port.postMessage({ type: 'answer', id: data.id, answer: a });
        return;
      }
      try {
        const value = run(control, data.call);
        await persist(managed);
        tell();
        port.postMessage({ type: 'result', id: data.id, ok: true, value: structuredClone(value) });
      } catch (e) {
        port.postMessage({
          type: 'result',
          id: data.id,
          ok: false,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    });
  };
  return ready.then((r) => r.managed);
}
