import type { AccessPolicyEntry, KeyOperation, KeyType } from '../../arm/types/key-vault';
import { assumptions } from '../store/assumptions';
import { builtInRoles, type BuiltInRoleName } from '../store/built-in-roles';
import { knownProviders } from '../store/catalog';
import { defaultBotSettings } from '../rules/bot-settings';
import type { RegistrationState, TwinBot, TwinBotSettings, TwinPrincipal, TwinVault } from '../store/model';
import { guid, hex, seededRandom } from '../store/random';
import { World } from '../store/world';
import { gatewayEndpointOf, keyVersionOf } from './seed-shapes';

const day = 24 * 60 * 60 * 1000;
const cmekKeyPermissions = ['get', 'wrapKey', 'unwrapKey'];

export interface VaultInput {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  tenantId: string;
  location?: string;
  softDelete?: boolean;
  purgeProtection?: boolean;
  rbac?: boolean;
  firewall?: 'open' | 'selected' | 'disabled';
  bypass?: boolean;
  ipRules?: string[];
  /** An approved private endpoint from the demo deployment's gateway network (its key calls then pass). */
  gatewayEndpoint?: boolean;
  sku?: 'standard' | 'premium';
  accessPolicies?: AccessPolicyEntry[];
  tags?: Record<string, string>;
}

export interface KeyVersionInput {
  kty?: KeyType;
  keySize?: number;
  keyOps?: KeyOperation[];
  enabled?: boolean;
  /** Days from the scenario start (negative: in the past). */
  createdDaysAgo?: number;
  expiresInDays?: number;
}

export type KeyAdder = (name: string, versions: KeyVersionInput[]) => void;

/** Builds a scenario's world from a seed, so the same name always gives the same ids and data. */
export class ScenarioBuilder {
  readonly world: World;
  readonly random: () => number;

  constructor(
    readonly name: string,
    readonly startMs: number,
    seed: number,
    demoUser: { objectId: string; tenantId: string },
  ) {
    this.random = seededRandom(seed);
    this.world = new World({
      scenario: name,
      demoUserObjectId: demoUser.objectId,
      activeTenantId: demoUser.tenantId,
      clientIp: '203.0.113.42',
      keyUseLoggedUntil: startMs,
      gateway: true,
      gatewayIp: assumptions.keyVault.gatewayIp,
      gatewayNetwork: assumptions.keyVault.gatewayNetwork,
    });
  }

  guid(): string {
    return guid(this.random);
  }

  /** A tenant, with Microsoft's Bot Service CMEK Prod principal unless it was never created there. */
  tenant(tenantId: string, displayName: string, defaultDomain: string, withCmekPrincipal = true): this {
    this.world.tenants.seed(tenantId, { tenantId, displayName, defaultDomain });
    if (withCmekPrincipal)
      this.principal({
        objectId: guid(this.random),
        tenantId,
        kind: 'servicePrincipal',
        displayName: assumptions.cmekDisplayName,
        appId: assumptions.cmekAppId,
        appOwnerOrganizationId: assumptions.microsoftAppOwnerTenantId,
      });
    return this;
  }

  /**
   * An application a tenant member registered under Microsoft's name: owned by the tenant, not by Microsoft. Its ids
   * come from a random source of their own, so adding it leaves every other id of the scenario as it was.
   */
  lookalike(tenantId: string): TwinPrincipal {
    const random = seededRandom(0x10c4a1);
    const p: TwinPrincipal = {
      objectId: guid(random),
      tenantId,
      kind: 'servicePrincipal',
      displayName: assumptions.cmekDisplayName,
      appId: guid(random),
      appOwnerOrganizationId: tenantId,
    };
    this.principal(p);
    return p;
  }

  principal(p: TwinPrincipal): this {
    this.world.principals.seed(p.objectId, p);
    return this;
  }

  subscription(
    subscriptionId: string,
    displayName: string,
    tenantId: string,
    registered: Partial<Record<string, RegistrationState>> = {},
  ): this {
    this.world.subscriptions.seed(subscriptionId, {
      subscriptionId,
      displayName,
      tenantId,
      state: 'Enabled',
    });
    for (const p of knownProviders) {
      const state = registered[p.namespace] ?? (p.registeredByDefault ? 'Registered' : 'NotRegistered');
      this.world.providers.seed(World.providerKey(subscriptionId, p.namespace), {
        subscriptionId,
        namespace: p.namespace,
        state,
      });
    }
    return this;
  }

  resourceGroup(subscriptionId: string, name: string, location = 'westeurope'): this {
    this.world.resourceGroups.seed(`/subscriptions/${subscriptionId}/resourceGroups/${name}`, {
      subscriptionId,
      name,
      location,
    });
    return this;
  }

  role(
    principalId: string,
    scope: string,
    role: BuiltInRoleName,
    principalType: 'User' | 'Group' | 'ServicePrincipal' = 'User',
  ): this {
    const name = guid(this.random);
    const id = `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
    this.world.roleAssignments.seed(id, {
      id,
      name,
      scope,
      roleDefinitionGuid: builtInRoles[role],
      principalId,
      principalType,
    });
    return this;
  }

  bot(input: {
    subscriptionId: string;
    resourceGroup: string;
    name: string;
    tenantId: string;
    displayName?: string;
    keyUrl?: string;
    msaAppType?: TwinBot['msaAppType'];
    msaAppMSIResourceId?: string;
    description?: string;
    tags?: Record<string, string>;
    settings?: Partial<TwinBotSettings>;
  }): TwinBot {
    const msaAppType = input.msaAppType ?? 'SingleTenant';
    const id = `/subscriptions/${input.subscriptionId}/resourceGroups/${input.resourceGroup}/providers/Microsoft.BotService/botServices/${input.name}`;
    const bot: TwinBot = {
      id,
      subscriptionId: input.subscriptionId,
      resourceGroup: input.resourceGroup,
      name: input.name,
      location: 'global',
      tags: input.tags ?? {},
      sku: 'S1',
      kind: 'azurebot',
      etag: hex(this.random, 32),
      tenantId: input.tenantId,
      displayName: input.displayName ?? input.name,
      description: input.description ?? '',
      endpoint: `https://${input.name}.azurewebsites.net/api/messages`,
      msaAppId: guid(this.random),
      msaAppType,
      msaAppTenantId: msaAppType === 'MultiTenant' ? null : input.tenantId,
      msaAppMSIResourceId: input.msaAppMSIResourceId ?? null,
      settings: { ...defaultBotSettings, ...input.settings },
      configuredChannels: ['webchat', 'directline', 'msteams'],
      cmek: input.keyUrl
        ? { enabled: true, keyUrl: input.keyUrl, phase: 'idle' }
        : { enabled: false, keyUrl: null, phase: 'idle' },
      createdAt: this.startMs - 90 * day,
      modifiedAt: this.startMs - 10 * day,
    };
    this.world.bots.seed(id, bot);
    return bot;
  }

  vault(input: VaultInput): TwinVault {
    const id = `/subscriptions/${input.subscriptionId}/resourceGroups/${input.resourceGroup}/providers/Microsoft.KeyVault/vaults/${input.name}`;
    const firewall = input.firewall ?? 'open';
    const vault: TwinVault = {
      id,
      subscriptionId: input.subscriptionId,
      resourceGroup: input.resourceGroup,
      name: input.name,
      location: input.location ?? 'westeurope',
      tags: input.tags ?? {},
      tenantId: input.tenantId,
      sku: input.sku ?? 'standard',
      accessPolicies: input.accessPolicies ?? [],
      enableSoftDelete: input.softDelete ?? true,
      softDeleteRetentionInDays: 90,
      enablePurgeProtection: input.purgeProtection ?? false,
      enableRbacAuthorization: input.rbac ?? false,
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      publicNetworkAccess: firewall === 'disabled' ? 'Disabled' : 'Enabled',
      networkAcls: {
        bypass: input.bypass === false ? 'None' : 'AzureServices',
        defaultAction: firewall === 'open' ? 'Allow' : 'Deny',
        ipRules: (input.ipRules ?? []).map((value) => ({ value })),
        virtualNetworkRules: [],
      },
      privateEndpointConnections: input.gatewayEndpoint
        ? [gatewayEndpointOf(id, input.name, this.world.settings.gatewayNetwork)]
        : [],
      createdAt: this.startMs - 120 * day,
      modifiedAt: this.startMs - 30 * day,
    };
    this.world.vaults.seed(id, vault);
    return vault;
  }

  /** Keys of a vault made only when the twin first needs them, from their own seed (see World.deferKeys). */
  deferredKeys(vault: TwinVault, seed: number, make: (random: () => number, add: KeyAdder) => void): void {
    this.world.deferKeys(vault.id, () => {
      const random = seededRandom(seed);
      make(random, (name, versions) => this.key(vault, name, versions, random));
    });
  }

  key(vault: TwinVault, name: string, versions: KeyVersionInput[], random = this.random): string[] {
    const out = versions.map((v, i) => keyVersionOf(v, versions.length - i, this.startMs, random));
    this.world.keys.seed(World.keyKey(vault.id, name), { vaultId: vault.id, name, versions: out, tags: {} });
    return out.map((v) => `https://${vault.name}.vault.azure.net/keys/${name}/${v.version}`);
  }

  workspace(input: {
    subscriptionId: string;
    resourceGroup: string;
    name: string;
    customerId: string;
  }): string {
    const id = `/subscriptions/${input.subscriptionId}/resourceGroups/${input.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${input.name}`;
    this.world.workspaces.seed(id, { ...input, id, location: 'westeurope', retentionInDays: 30 });
    return id;
  }

  cmekPolicy(tenantId: string, permissions = cmekKeyPermissions): AccessPolicyEntry {
    const sp = this.world.cmekPrincipal(tenantId);
    if (!sp) throw new Error(`Tenant ${tenantId} has no CMEK principal.`);
    return this.policyFor(tenantId, sp.objectId, permissions);
  }

  policyFor(tenantId: string, objectId: string, keys: string[]): AccessPolicyEntry {
    return { tenantId, objectId, permissions: { keys: [...keys], secrets: [], certificates: [] } };
  }
}
