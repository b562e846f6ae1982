import type { FaultInput, FaultRule } from './faults';

/**
 * What passes between the page and the twin's worker: plain, structured-cloneable data. The page forwards each
 * intercepted request as it came (method, URL, headers, body text) and gets Azure's answer back, or a dropped
 * connection; the demo panel's and Playwright's control calls, and the twin's state for the page to show.
 */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type WireAnswer =
  | { status: number; headers: Record<string, string>; body: string | null }
  /** The connection dropped: no answer at all. */
  | { dropped: true };

/** What the demo panel shows without asking: pushed by the worker whenever it changes. */
export interface TwinState {
  scenario: string;
  scenarios: { name: string; description: string }[];
  presets: { id: string; label: string }[];
  /** The simulated clock: simulated ms at a real ms, and its speed. */
  clock: { simAt: number; realAt: number; speed: number };
  gateway: boolean;
  gatewayTenants: string[];
  faults: FaultRule[];
}

/** The control calls the page may make (TwinControl's asynchronous methods), by name, with their arguments. */
export type ControlCall =
  | { op: 'reset'; scenario?: string }
  | { op: 'setSpeed'; speed: number }
  | { op: 'advance'; ms: number }
  | { op: 'armFault'; fault: FaultInput }
  | { op: 'releaseFault'; id?: string }
  | { op: 'clearFaults' }
  | { op: 'otherAdmin'; method: string; path: string; body?: unknown; who?: unknown }
  | { op: 'keyVault'; method: string; url: string; body?: unknown }
  | { op: 'setGateway'; present: boolean }
  | { op: 'setGatewayTenants'; tenants: string[] }
  | { op: 'setOffline'; offline: boolean }
  | { op: 'runPreset'; id: string };

/** The first message: how the demo was opened. The page's port comes with it. */
export interface InitMessage {
  type: 'init';
  /** `?scenario=`, `?speed=`, `?gateway=` as the address had them. */
  search: string;
}

export type ToWorker =
  { type: 'request'; id: number; request: WireRequest } | { type: 'control'; id: number; call: ControlCall };

export type FromWorker =
  | { type: 'answer'; id: number; answer: WireAnswer }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string }
  | { type: 'state'; state: TwinState }
  /** Said once, when the saved state could not be used (another version, or unreadable). */
  | { type: 'notice'; text: string }
  /**
   * The twin is built: its world restored or seeded. When the worker started and when the world was ready, in ms
   * since the epoch (the page and the worker have different time origins).
   */
  | { type: 'ready'; startedAt: number; builtAt: number };
