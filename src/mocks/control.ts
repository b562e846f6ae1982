import type { ScenarioName } from './scenarios';
import type { OtherAdmin } from './twin/actors';
import type { FaultInput, FaultRule } from './twin/faults';

/** What the demo panel and Playwright may do to the twin. The console's blades never see this. */
export interface TwinControl {
  readonly scenario: ScenarioName;
  readonly scenarios: readonly { name: ScenarioName; description: string }[];
  reset(scenario?: ScenarioName): void;
  speed(): number;
  setSpeed(speed: number): void;
  /** Moves the simulated clock forward. */
  advance(ms: number): void;
  now(): number;
  armFault(fault: FaultInput): FaultRule;
  faults(): FaultRule[];
  /** Lets the answers a `hold` fault keeps (or every held answer) go. */
  releaseFault(id?: string): void;
  clearFaults(): void;
  /**
   * Another admin's change, straight to the twin's rules (ARM path with api-version), recorded under their name
   * (by default Jordan in the portal).
   */
  otherAdmin(
    method: string,
    path: string,
    body?: unknown,
    who?: OtherAdmin,
  ): { status: number; body?: unknown };
  /**
   * A call on a vault's data plane as the admin would make it from a shell (the Azure CLI in Cloud Shell): straight to
   * the vault, from the admin's own address. `url` is the vault URL with path and api-version.
   */
  keyVault(method: string, url: string, body?: unknown): { status: number; body?: unknown };
  /** Whether the deployment has Keyguard's Key Vault gateway (data-plane key actions go through it). */
  setGateway(present: boolean): void;
  gateway(): boolean;
  /** Simulates the twin going away (every request gets a dropped connection) or coming back. */
  setOffline(offline: boolean): void;
  onChange(listener: () => void): () => void;
  /** Ready-made changes "another admin" can make to the scenario's resources. */
  readonly presets: readonly { id: string; label: string }[];
  runPreset(id: string): string;
}
