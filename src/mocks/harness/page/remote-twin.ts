import type { TwinControl } from '../control';
import type {
  ControlCall,
  FromWorker,
  ToWorker,
  TwinState,
  WireAnswer,
  WireRequest,
} from '../../shared/protocol';
import type { FaultRule } from '../../shared/faults';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** A port as the page's MessageChannel end and Node's both have it. */
export interface PagePort {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
}

/**
 * The page's end of the twin's worker: forwards requests and control calls over the port, and mirrors the state the
 * worker sends so the demo panel can read it without asking. A few lines over a MessageChannel, not an RPC layer.
 */
export function remoteTwin(port: PagePort) {
  let next = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Set<() => void>();
  let state: TwinState | undefined;
  let notice: string | undefined;
  let markReady: (times: { startedAt: number; builtAt: number }) => void = () => undefined;
  const ready = new Promise<{ startedAt: number; builtAt: number }>((resolve) => (markReady = resolve));
  port.onmessage = ({ data }) => {
    if (data.type === 'state') {
      state = data.state;
      listeners.forEach((l) => l());
    } else if (data.type === 'notice') notice = data.text;
    else if (data.type === 'ready') markReady(data);
    else {
      const p = pending.get(data.id);
      pending.delete(data.id);
      if (!p) return;
      if (data.type === 'answer') p.resolve(data.answer);
      else if (data.ok) p.resolve(data.value);
      else p.reject(new Error(data.error));
    }
  };
  const ask = <T>(message: (id: number) => ToWorker): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: (v) => resolve(v as T), reject });
      port.postMessage(message(id));
    });
  const call = <T = void>(c: ControlCall) => ask<T>((id) => ({ type: 'control', id, call: c }));

  const control: TwinControl = {
    get scenario() {
      return (state?.scenario ?? 'fresh') as TwinControl['scenario'];
    },
    get scenarios() {
      return (state?.scenarios ?? []) as TwinControl['scenarios'];
    },
    get presets() {
      return state?.presets ?? [];
    },
    get notice() {
      return notice;
    },
    speed: () => state?.clock.speed ?? 1,
    now: () =>
      state ? state.clock.simAt + (Date.now() - state.clock.realAt) * state.clock.speed : Date.now(),
    gateway: () => state?.gateway ?? true,
    gatewayTenants: () => state?.gatewayTenants ?? [],
    faults: () => state?.faults ?? [],
    reset: (scenario) => call({ op: 'reset', scenario }),
    setSpeed: (speed) => call({ op: 'setSpeed', speed }),
    advance: (ms) => call({ op: 'advance', ms }),
    armFault: (fault) => call<FaultRule>({ op: 'armFault', fault }),
    releaseFault: (id) => call({ op: 'releaseFault', id }),
    clearFaults: () => call({ op: 'clearFaults' }),
    otherAdmin: (method, path, body, who) =>
      call<{ status: number; body?: unknown }>({ op: 'otherAdmin', method, path, body, who }),
    keyVault: (method, url, body) =>
      call<{ status: number; body?: unknown }>({ op: 'keyVault', method, url, body }),
    setGateway: (present) => call({ op: 'setGateway', present }),
    setGatewayTenants: (tenants) => call({ op: 'setGatewayTenants', tenants }),
    setOffline: (offline) => call({ op: 'setOffline', offline }),
    runPreset: (id) => call<string>({ op: 'runPreset', id }),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    control,
    /** Settles once the twin is built, with when its worker started and when the world was ready (epoch ms). */
    ready,
    request: (request: WireRequest) => ask<WireAnswer>((id) => ({ type: 'request', id, request })),
  };
}
