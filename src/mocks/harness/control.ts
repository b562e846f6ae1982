import type { ScenarioName } from '../scenarios/index';
import type { OtherAdmin } from '../server/actors';
import type { FaultInput, FaultRule } from '../shared/faults';

/** What the demo panel and Playwright may do to the twin. The console's blades never see this. */
interface ControlOf<Async extends boolean> {
  readonly scenario: ScenarioName;
  readonly scenarios: readonly { name: ScenarioName; description: string }[];
  reset(scenario?: ScenarioName): Result<Async, void>;
  speed(): number;
  setSpeed(speed: number): Result<Async, void>;
  /** Moves the simulated clock forward. */
  advance(ms: number): Result<Async, void>;
  now(): number;
  armFault(fault: FaultInput): Result<Async, FaultRule>;
  faults(): FaultRule[];
  /** Lets the answers a `hold` fault keeps (or every held answer) go. */
  releaseFault(id?: string): Result<Async, void>;
  clearFaults(): Result<Async, void>;
  /**
   * Another admin's change, straight to the twin's rules (ARM path with api-version), recorded under their name
   * (by default Jordan in the portal).
   */
  otherAdmin(
    method: string,
    path: string,
    body?: unknown,
    who?: OtherAdmin,
  ): Result<Async, { status: number; body?: unknown }>;
  /**
   * A call on a vault's data plane as the admin would make it from a shell (the Azure CLI in Cloud Shell): straight to
   * the vault, from the admin's own address. `url` is the vault URL with path and api-version.
   */
  keyVault(method: string, url: string, body?: unknown): Result<Async, { status: number; body?: unknown }>;
  /** Whether the deployment has Keyguard's Key Vault gateway (data-plane key actions go through it). */
  setGateway(present: boolean): Result<Async, void>;
  gateway(): boolean;
  /** The gateway's KEYGUARD_ALLOWED_TENANTS: the tenants whose tokens it relays (empty: every tenant). */
  setGatewayTenants(tenants: string[]): Result<Async, void>;
  gatewayTenants(): string[];
  /** Simulates the twin going away (every request gets a dropped connection) or coming back. */
  setOffline(offline: boolean): Result<Async, void>;
  onChange(listener: () => void): () => void;
  /** Ready-made changes "another admin" can make to the scenario's resources. */
  readonly presets: readonly { id: string; label: string }[];
  runPreset(id: string): Result<Async, string>;
}

type Result<Async extends boolean, T> = Async extends true ? Promise<T> : T;

/** The twin in this thread (Node: unit tests, the benchmark; the twin's worker itself): every call takes effect at once. */
export type LocalTwinControl = ControlOf<false>;

/**
 * The page's hold on the twin in its worker (the demo panel, `window.__keyguardTwin` for Playwright): a change is
 * done when its promise settles; what is read without asking (scenario, speed, clock, gateway, faults) follows the
 * state the worker sends.
 */
export interface TwinControl extends ControlOf<true> {
  /** Said when the saved state could not be used and the scenario started afresh. */
  readonly notice?: string;
}
