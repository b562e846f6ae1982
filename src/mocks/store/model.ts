import type { DiagnosticSettings } from '../../arm/types/monitor';
import type {
  AccessPolicyEntry,
  KeyOperation,
  KeyType,
  NetworkRuleSet,
  PrivateEndpointConnectionItem,
} from '../../arm/types/key-vault';

// The records Azure keeps of what happens (callers, Activity log, change records, audit rows) have their own file.
export type { TwinActivityEvent, TwinActor, TwinAuditRow, TwinChangeRecord } from './records';

export interface TwinTenant {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
}

export interface TwinSubscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled';
}

export type RegistrationState = 'NotRegistered' | 'Registering' | 'Registered' | 'Unregistering';

export interface TwinProvider {
  subscriptionId: string;
  namespace: string;
  state: RegistrationState;
  /** Simulated time when Registering/Unregistering completes. */
  transitionEndsAt?: number;
}

export interface TwinResourceGroup {
  subscriptionId: string;
  name: string;
  location: string;
}

type CmekPhase = 'idle' | 'encrypting' | 'rotating' | 'decrypting';

export interface TwinBot {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  sku: 'F0' | 'S1';
  kind: 'azurebot' | 'sdk' | 'bot';
  etag: string;
  tenantId: string;
  displayName: string;
  description: string;
  endpoint: string;
  msaAppId: string;
  msaAppType: 'UserAssignedMSI' | 'SingleTenant' | 'MultiTenant';
  /** The app registration's (or managed identity's) tenant: may differ from the subscription's. Null for multi-tenant. */
  msaAppTenantId: string | null;
  msaAppMSIResourceId: string | null;
  /** Every other writable property, so that a PUT can be checked to keep (or to drop) each of them. */
  settings: TwinBotSettings;
  configuredChannels: string[];
  cmek: {
    enabled: boolean;
    /** What the resource reports in `cmekKeyVaultUrl`; stays after CMK is turned off, as `az bot update --cmk-off` leaves it. */
    keyUrl: string | null;
    phase: CmekPhase;
    phaseEndsAt?: number;
    /** During rotation the data is still readable only with the old key. */
    previousKeyUrl?: string;
  };
  createdAt: number;
  modifiedAt: number;
}

export interface TwinBotSettings {
  iconUrl: string;
  publicNetworkAccess: 'Enabled' | 'Disabled';
  disableLocalAuth: boolean;
  isStreamingSupported: boolean;
  developerAppInsightKey: string | null;
  developerAppInsightsApplicationId: string | null;
  /** The API key itself is write-only: ARM only says whether one is set. */
  developerAppInsightsApiKeySet: boolean;
  luisAppIds: string[];
  luisKeySet: boolean;
  schemaTransformationVersion: string | null;
  storageResourceId: string | null;
  manifestUrl: string | null;
  openWithHint: string | null;
  appPasswordHint: string | null;
  allSettings: Record<string, string> | null;
  parameters: Record<string, string> | null;
}

export interface TwinVault {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  tenantId: string;
  sku: 'standard' | 'premium';
  accessPolicies: AccessPolicyEntry[];
  enableSoftDelete: boolean;
  softDeleteRetentionInDays: number;
  enablePurgeProtection: boolean;
  enableRbacAuthorization: boolean;
  enabledForDeployment: boolean;
  enabledForDiskEncryption: boolean;
  enabledForTemplateDeployment: boolean;
  publicNetworkAccess: 'Enabled' | 'Disabled';
  networkAcls: Required<Pick<NetworkRuleSet, 'bypass' | 'defaultAction'>> & {
    ipRules: { value: string }[];
    virtualNetworkRules: { id: string; ignoreMissingVnetServiceEndpoint?: boolean }[];
  };
  privateEndpointConnections: PrivateEndpointConnectionItem[];
  createdAt: number;
  modifiedAt: number;
}

export interface TwinKeyVersion {
  version: string;
  created: number;
  updated: number;
  enabled: boolean;
  /** Epoch seconds. */
  nbf?: number;
  exp?: number;
  kty: KeyType;
  keySize?: number;
  curveName?: string;
  keyOps: KeyOperation[];
}

export interface TwinKey {
  vaultId: string;
  name: string;
  /** Oldest first; the last is the current version. */
  versions: TwinKeyVersion[];
  tags: Record<string, string>;
}

/** A key's rotation policy, kept beside the key (Key Vault stores it apart from the versions). */
export interface TwinRotationPolicy {
  vaultId: string;
  keyName: string;
  lifetimeActions: {
    trigger: { timeAfterCreate?: string; timeBeforeExpiry?: string };
    action: 'Rotate' | 'Notify';
  }[];
  expiryTime?: string;
  /** Epoch seconds. */
  created: number;
  updated: number;
}

/** A soft-deleted key, recoverable until its purge date. */
export interface TwinDeletedKey {
  vaultId: string;
  name: string;
  key: TwinKey;
  policy?: TwinRotationPolicy;
  /** Epoch seconds. */
  deletedDate: number;
  scheduledPurgeDate: number;
  /** Simulated ms until which the deletion is still running: not yet readable or listed as deleted. */
  deletingUntil?: number;
  /** Simulated ms until which a recovery runs: the key is neither deleted nor back yet. */
  recoveringUntil?: number;
}

export interface TwinDeletedVault {
  id: string;
  subscriptionId: string;
  name: string;
  location: string;
  vaultId: string;
  deletionDate: number;
  scheduledPurgeDate: number;
  purgeProtectionEnabled: boolean;
  tags: Record<string, string>;
  /** The vault as it was, for recovery. */
  vault: TwinVault;
}

export type PrincipalKind = 'user' | 'group' | 'servicePrincipal';

export interface TwinPrincipal {
  objectId: string;
  tenantId: string;
  kind: PrincipalKind;
  displayName: string;
  userPrincipalName?: string;
  appId?: string;
  /** Service principals: the tenant that owns the application (the principal's own tenant for a local app). */
  appOwnerOrganizationId?: string;
}

export interface TwinRoleAssignment {
  id: string;
  name: string;
  scope: string;
  roleDefinitionGuid: string;
  principalId: string;
  principalType: 'User' | 'Group' | 'ServicePrincipal';
}

export interface TwinOperation {
  id: string;
  kind: 'purge';
  endsAt: number;
}

export interface TwinDiagnosticSetting {
  resourceId: string;
  name: string;
  properties: DiagnosticSettings;
}

/**
 * An alerting resource as ARM holds it (action group, scheduled query rule, Activity log alert, Event Grid system topic
 * or event subscription): its body as validated, with the id Azure gave it.
 */
export interface TwinAlertingResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  kind?: string;
  tags?: Record<string, string>;
  properties: Record<string, unknown>;
  /** When it was first made (rules fire only on what happens after they exist). */
  createdAt: number;
}

export interface TwinWorkspace {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  customerId: string;
  retentionInDays: number;
}

export interface TwinSettings {
  scenario: string;
  demoUserObjectId: string;
  /** The tenant the demo user is signed in to (Graph answers for it). */
  activeTenantId: string;
  /** Public IP of the admin's own browser: a vault firewall that does not list it hides the vault's keys. */
  clientIp: string;
  /** Simulated time up to which Azure Bot Service's use of its keys is in the audit log. */
  keyUseLoggedUntil: number;
  /** Whether the deployment has Keyguard's Key Vault gateway (its `api` app). */
  gateway: boolean;
  /** The gateway's outbound address: what a vault firewall sees for data-plane calls made through it. */
  gatewayIp: string;
  /** The resource group of the gateway's virtual network, where its private endpoints to vaults are. */
  gatewayNetwork: string;
  /** The gateway's app setting KEYGUARD_ALLOWED_TENANTS: the tenants whose tokens it relays (none set: every tenant). */
  gatewayAllowedTenants?: string[];
}
