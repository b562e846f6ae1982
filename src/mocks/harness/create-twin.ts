import type { LocalTwinControl } from './control';
import { otherAdminPresets } from './other-admin-presets';
import {
  buildScenario,
  isScenarioName,
  scenarioDescriptions,
  scenarioNames,
  type ScenarioName,
} from '../scenarios/index';
import { assumptions } from '../store/assumptions';
import { SimClock } from '../store/clock';
import { restoreWorld, snapshotOf, type TwinSnapshot } from '../store/snapshot';
import { Twin } from '../server/twin';
import { azureCliAppId, demoAccessToken } from '../shared/demo-token';

/** A scenario's world at its start, for restoring a snapshot (undefined for a name that is no scenario). */
const seedWorld = (scenario: string, startMs: number) =>
  isScenarioName(scenario) ? buildScenario(scenario, startMs) : undefined;

export interface TwinOptions {
  scenario?: ScenarioName;
  /** Simulated start time (defaults to now). */
  startMs?: number;
  /** Simulated ms per real ms (defaults to 1: real time). */
  speed?: number;
}

/** The admin's Key Vault token as the Azure CLI holds it, from the vault's own tenant (`az login --tenant`). */
function cliToken(twin: Twin, vaultOrigin: string): string {
  const { settings } = twin.world;
  const user = twin.world.principals.get(settings.demoUserObjectId);
  return demoAccessToken(
    'https://vault.azure.net/user_impersonation',
    {
      tenantId: twin.world.vaultByUri(vaultOrigin)?.tenantId ?? settings.activeTenantId,
      objectId: settings.demoUserObjectId,
      upn: user?.userPrincipalName ?? settings.demoUserObjectId,
      appId: azureCliAppId,
    },
    Math.floor(Date.now() / 1000),
  );
}

/** A twin plus what it needs to reset and persist itself. */
export class ManagedTwin {
  scenario: ScenarioName;
  startMs: number;
  readonly twin: Twin;

  constructor(options: TwinOptions = {}, snapshot?: TwinSnapshot) {
    const restored = snapshot ? restoreWorld(snapshot, seedWorld) : undefined;
    if (snapshot && restored && isScenarioName(snapshot.scenario)) {
      this.scenario = snapshot.scenario;
      this.startMs = snapshot.startMs;
      this.twin = new Twin(restored, new SimClock(snapshot.clock));
    } else {
      this.scenario = options.scenario ?? 'fresh';
      this.startMs = options.startMs ?? Date.now();
      this.twin = new Twin(
        buildScenario(this.scenario, this.startMs),
        SimClock.starting(this.startMs, options.speed ?? 1),
      );
    }
  }

  /** A twin as it was saved, or undefined when the snapshot is of another version or scenario set. */
  static restore(snapshot: TwinSnapshot): ManagedTwin | undefined {
    return restoreWorld(snapshot, seedWorld) ? new ManagedTwin({}, snapshot) : undefined;
  }

  reset(scenario: ScenarioName = this.scenario, startMs = Date.now()): void {
    this.scenario = scenario;
    this.startMs = startMs;
    this.twin.clock = SimClock.starting(startMs, this.twin.clock.speed);
    this.twin.replaceWorld(buildScenario(scenario, startMs));
  }

  snapshot(): TwinSnapshot {
    return snapshotOf(this.twin.world, this.scenario, this.startMs, this.twin.clock.snapshot());
  }
}

export const demoSpeed = assumptions.demoSpeed;

export function controlOf(managed: ManagedTwin): LocalTwinControl {
  const { twin } = managed;
  return {
    get scenario() {
      return managed.scenario;
    },
    scenarios: scenarioNames.map((name) => ({ name, description: scenarioDescriptions[name] })),
    reset: (scenario) => managed.reset(scenario),
    speed: () => twin.clock.speed,
    setSpeed: (speed) => {
      twin.clock.setSpeed(speed);
      twin.notifyChanged();
    },
    advance: (ms) => {
      twin.clock.advance(ms);
      twin.notifyChanged();
    },
    now: () => twin.clock.now(),
    armFault: (fault) => twin.faults.arm(fault),
    faults: () => twin.faults.list(),
    releaseFault: (id) => twin.faults.release(id),
    clearFaults: () => twin.faults.clear(),
    otherAdmin: (method, path, body, who) => twin.otherAdmin(method, path, body, who),
    keyVault: (method, url, body) => {
      const target = new URL(url);
      const r = twin.handle({
        method,
        url: target,
        body,
        headers: { authorization: `Bearer ${cliToken(twin, target.origin)}` },
      });
      twin.notifyChanged();
      return r.response ?? { status: 0 };
    },
    setGateway: (present) => {
      twin.world.settings.gateway = present;
      twin.notifyChanged();
    },
    gateway: () => twin.world.settings.gateway,
    setGatewayTenants: (tenants) => {
      twin.world.settings.gatewayAllowedTenants = tenants.map((t) => t.trim()).filter(Boolean);
      twin.notifyChanged();
    },
    gatewayTenants: () => twin.world.settings.gatewayAllowedTenants ?? [],
    setOffline: (offline) => {
      twin.offline = offline;
    },
    onChange: (listener) => twin.onChange(listener),
    presets: otherAdminPresets.map(({ id, label }) => ({ id, label })),
    runPreset: (id) => {
      const preset = otherAdminPresets.find((p) => p.id === id);
      if (!preset) throw new Error(`No preset ${id}.`);
      const message = preset.run(twin);
      twin.notifyChanged();
      return message;
    },
  };
}
