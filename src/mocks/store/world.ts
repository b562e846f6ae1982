import type {
  TwinActivityEvent,
  TwinAlertingResource,
  TwinAuditRow,
  TwinDeletedKey,
  TwinRotationPolicy,
  TwinChangeRecord,
  TwinDiagnosticSetting,
  TwinWorkspace,
  TwinBot,
  TwinDeletedVault,
  TwinKey,
  TwinOperation,
  TwinPrincipal,
  TwinProvider,
  TwinResourceGroup,
  TwinRoleAssignment,
  TwinSettings,
  TwinSubscription,
  TwinTenant,
  TwinVault,
} from './model';
import type {
  TwinPolicyAssignment,
  TwinPolicyScan,
  TwinPolicySetDefinition,
  TwinPolicyState,
} from './model-policy';
import { assumptions } from './assumptions';
import { Table } from './table';

/** The twin's whole state: every table of the simulated control plane. */
export class World {
  readonly tenants = new Table<TwinTenant>('tenants');
  readonly subscriptions = new Table<TwinSubscription>('subscriptions');
  readonly providers = new Table<TwinProvider>('providers');
  readonly resourceGroups = new Table<TwinResourceGroup>('resourceGroups');
  readonly bots = new Table<TwinBot>('bots');
  readonly vaults = new Table<TwinVault>('vaults');
  readonly keys = new Table<TwinKey>('keys');
  readonly deletedVaults = new Table<TwinDeletedVault>('deletedVaults');
  readonly principals = new Table<TwinPrincipal>('principals');
  readonly roleAssignments = new Table<TwinRoleAssignment>('roleAssignments');
  readonly operations = new Table<TwinOperation>('operations');
  readonly activityEvents = new Table<TwinActivityEvent>('activityEvents');
  readonly changeRecords = new Table<TwinChangeRecord>('changeRecords');
  readonly diagnosticSettings = new Table<TwinDiagnosticSetting>('diagnosticSettings');
  readonly workspaces = new Table<TwinWorkspace>('workspaces');
  readonly auditRows = new Table<TwinAuditRow>('auditRows');
  readonly rotationPolicies = new Table<TwinRotationPolicy>('rotationPolicies');
  readonly deletedKeys = new Table<TwinDeletedKey>('deletedKeys');
  readonly policyAssignments = new Table<TwinPolicyAssignment>('policyAssignments');
  readonly policySetDefinitions = new Table<TwinPolicySetDefinition>('policySetDefinitions');
  readonly policyStates = new Table<TwinPolicyState>('policyStates');
  readonly policyScans = new Table<TwinPolicyScan>('policyScans');
  readonly actionGroups = new Table<TwinAlertingResource>('actionGroups');
  readonly scheduledQueryRules = new Table<TwinAlertingResource>('scheduledQueryRules');
  readonly activityLogAlerts = new Table<TwinAlertingResource>('activityLogAlerts');
  readonly systemTopics = new Table<TwinAlertingResource>('systemTopics');
  readonly eventSubscriptions = new Table<TwinAlertingResource>('eventSubscriptions');

  /** Vaults whose keys are seeded on first use (tenant-scale scenarios), by lower-cased vault id. */
  private readonly deferredKeys = new Map<string, () => void>();

  constructor(public settings: TwinSettings) {}

  /**
   * Seeds a vault's keys when they are first needed: a tenant-scale world holds tens of thousands of keys, and building
   * them all made the demo's start-up wait. `seed` must be deterministic on its own (its own random source).
   */
  deferKeys(vaultId: string, seed: () => void): void {
    this.deferredKeys.set(vaultId.toLowerCase(), seed);
  }

  private seedDeferredKeys(vaultId: string): void {
    const k = vaultId.toLowerCase();
    const seed = this.deferredKeys.get(k);
    if (!seed) return;
    this.deferredKeys.delete(k);
    seed();
  }

  key(vaultId: string, keyName: string): TwinKey | undefined {
    this.seedDeferredKeys(vaultId);
    return this.keys.get(World.keyKey(vaultId, keyName));
  }

  tables(): Table<unknown>[] {
    return [
      this.tenants,
      this.subscriptions,
      this.providers,
      this.resourceGroups,
      this.bots,
      this.vaults,
      this.keys,
      this.deletedVaults,
      this.principals,
      this.roleAssignments,
      this.operations,
      this.activityEvents,
      this.changeRecords,
      this.diagnosticSettings,
      this.workspaces,
      this.auditRows,
      this.rotationPolicies,
      this.deletedKeys,
      this.policyAssignments,
      this.policySetDefinitions,
      this.policyStates,
      this.policyScans,
      this.actionGroups,
      this.scheduledQueryRules,
      this.activityLogAlerts,
      this.systemTopics,
      this.eventSubscriptions,
    ] as Table<unknown>[];
  }

  /** What the scenario built (its past included) is the seed: only later changes are saved. */
  markSeeded(): void {
    for (const t of this.tables()) t.markSeeded();
  }

  static providerKey(subscriptionId: string, namespace: string): string {
    return `${subscriptionId}/${namespace}`;
  }

  static keyKey(vaultId: string, keyName: string): string {
    return `${vaultId}/keys/${keyName}`;
  }

  provider(subscriptionId: string, namespace: string): TwinProvider {
    return (
      this.providers.get(World.providerKey(subscriptionId, namespace)) ?? {
        subscriptionId,
        namespace,
        state: 'NotRegistered',
      }
    );
  }

  /**
   * Bot Service's hourly unwraps look a vault up by URI for every bot on a key, thousands of times at tenant scale:
   * an index, rebuilt when the vaults change.
   */
  private vaultsByUri: { version: number; index: Map<string, TwinVault> } | undefined;

  vaultByUri(vaultUri: string): TwinVault | undefined {
    const trim = (u: string) => u.toLowerCase().replace(/\/+$/, '');
    if (this.vaultsByUri?.version !== this.vaults.version) {
      const index = new Map<string, TwinVault>();
      for (const v of this.vaults.values())
        if (!index.has(trim(vaultUriOf(v)))) index.set(trim(vaultUriOf(v)), v);
      this.vaultsByUri = { version: this.vaults.version, index };
    }
    return this.vaultsByUri.index.get(trim(vaultUri));
  }

  keysOfVault(vaultId: string): TwinKey[] {
    this.seedDeferredKeys(vaultId);
    const wanted = vaultId.toLowerCase();
    const out: TwinKey[] = [];
    for (const k of this.keys.values()) if (k.vaultId.toLowerCase() === wanted) out.push(k);
    return out;
  }

  /** Microsoft's Bot Service CMEK Prod in a tenant: by application id and owner, as Azure Bot Service knows it. */
  cmekPrincipal(tenantId: string): TwinPrincipal | undefined {
    for (const p of this.principals.values()) {
      if (
        p.tenantId === tenantId &&
        p.kind === 'servicePrincipal' &&
        p.appId === assumptions.cmekAppId &&
        p.appOwnerOrganizationId === assumptions.microsoftAppOwnerTenantId
      )
        return p;
    }
    return undefined;
  }
}

export function vaultUriOf(v: Pick<TwinVault, 'name'> & { dnsSuffix?: string }): string {
  return `https://${v.name}${v.dnsSuffix ?? '.vault.azure.net'}/`;
}
