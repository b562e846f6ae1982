import type { ArmResource } from './common';

type KeyPermission =
  | 'all'
  | 'encrypt'
  | 'decrypt'
  | 'wrapKey'
  | 'unwrapKey'
  | 'sign'
  | 'verify'
  | 'get'
  | 'list'
  | 'create'
  | 'update'
  | 'import'
  | 'delete'
  | 'backup'
  | 'restore'
  | 'recover'
  | 'purge'
  | 'release'
  | 'rotate'
  | 'getrotationpolicy'
  | 'setrotationpolicy';
type SecretPermission =
  'all' | 'get' | 'list' | 'set' | 'delete' | 'backup' | 'restore' | 'recover' | 'purge';
type CertificatePermission =
  | 'all'
  | 'get'
  | 'list'
  | 'delete'
  | 'create'
  | 'import'
  | 'update'
  | 'managecontacts'
  | 'getissuers'
  | 'listissuers'
  | 'setissuers'
  | 'deleteissuers'
  | 'manageissuers'
  | 'recover'
  | 'purge'
  | 'backup'
  | 'restore';

/** The permission enums are extensible (`modelAsString`), so unknown strings are kept as they come. */
export interface Permissions {
  keys?: (KeyPermission | (string & {}))[];
  secrets?: (SecretPermission | (string & {}))[];
  certificates?: (CertificatePermission | (string & {}))[];
  storage?: string[];
}

export interface AccessPolicyEntry {
  tenantId: string;
  objectId: string;
  applicationId?: string;
  permissions: Permissions;
}

export interface NetworkRuleSet {
  bypass?: 'AzureServices' | 'None';
  defaultAction?: 'Allow' | 'Deny';
  ipRules?: { value: string }[];
  virtualNetworkRules?: { id: string; ignoreMissingVnetServiceEndpoint?: boolean }[];
}

export interface PrivateEndpointConnectionItem {
  id?: string;
  etag?: string;
  properties?: {
    privateEndpoint?: { id?: string };
    privateLinkServiceConnectionState?: {
      status?: 'Pending' | 'Approved' | 'Rejected' | 'Disconnected';
      description?: string;
      actionsRequired?: string;
    };
    provisioningState?: string;
  };
}

interface VaultProperties {
  tenantId: string;
  sku: { family: 'A'; name: 'standard' | 'premium' };
  accessPolicies?: AccessPolicyEntry[];
  vaultUri?: string;
  readonly hsmPoolResourceId?: string;
  enabledForDeployment?: boolean;
  enabledForDiskEncryption?: boolean;
  enabledForTemplateDeployment?: boolean;
  enableSoftDelete?: boolean;
  softDeleteRetentionInDays?: number;
  enableRbacAuthorization?: boolean;
  createMode?: 'recover' | 'default';
  enablePurgeProtection?: boolean;
  networkAcls?: NetworkRuleSet;
  provisioningState?: 'Succeeded' | 'RegisteringDns';
  readonly privateEndpointConnections?: PrivateEndpointConnectionItem[];
  publicNetworkAccess?: string;
}

export type Vault = ArmResource<VaultProperties>;

/**
 * VaultPatchProperties. `enableSoftDelete` and `enablePurgeProtection` are typed `true` only: Azure refuses `false`
 * for purge protection even on a new vault, and soft delete cannot go back, so the client can never send either.
 */
export interface VaultPatchProperties {
  tenantId?: string;
  sku?: VaultProperties['sku'];
  accessPolicies?: AccessPolicyEntry[];
  enabledForDeployment?: boolean;
  enabledForDiskEncryption?: boolean;
  enabledForTemplateDeployment?: boolean;
  enableSoftDelete?: true;
  softDeleteRetentionInDays?: number;
  enableRbacAuthorization?: boolean;
  enablePurgeProtection?: true;
  networkAcls?: NetworkRuleSet;
  publicNetworkAccess?: string;
}

export interface VaultPatchParameters {
  tags?: Record<string, string>;
  properties?: VaultPatchProperties;
}

export type AccessPolicyOperationKind = 'add' | 'replace' | 'remove';

export interface VaultAccessPolicyParameters {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  readonly location?: string;
  properties: { accessPolicies: AccessPolicyEntry[] };
}

export interface DeletedVault {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  properties: {
    readonly vaultId?: string;
    readonly location?: string;
    readonly deletionDate?: string;
    readonly scheduledPurgeDate?: string;
    readonly tags?: Record<string, string>;
    readonly purgeProtectionEnabled?: boolean;
  };
}

export type KeyType = 'EC' | 'EC-HSM' | 'RSA' | 'RSA-HSM';
export type KeyOperation =
  'encrypt' | 'decrypt' | 'sign' | 'verify' | 'wrapKey' | 'unwrapKey' | 'import' | 'release';

interface KeyAttributes {
  enabled?: boolean;
  /** Not before, epoch seconds. */
  nbf?: number;
  /** Expiry, epoch seconds. */
  exp?: number;
  readonly created?: number;
  readonly updated?: number;
  readonly recoveryLevel?: string;
  exportable?: boolean;
}

/** A key's rotation policy as ARM carries it (keys.json `RotationPolicy`; action types are lower-case there). */
export interface ArmRotationPolicy {
  attributes?: { readonly created?: number; readonly updated?: number; expiryTime?: string };
  lifetimeActions?: {
    trigger?: { timeAfterCreate?: string; timeBeforeExpiry?: string };
    action?: { type?: 'rotate' | 'notify' | (string & {}) };
  }[];
}

interface KeyProperties {
  attributes?: KeyAttributes;
  kty?: KeyType | (string & {});
  keyOps?: (KeyOperation | (string & {}))[];
  keySize?: number;
  curveName?: string;
  readonly keyUri?: string;
  readonly keyUriWithVersion?: string;
  /** Omitted when the key has none. */
  rotationPolicy?: ArmRotationPolicy;
}

export interface Key {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly location?: string;
  readonly tags?: Record<string, string>;
  properties: KeyProperties;
}

export interface KeyCreateParameters {
  tags?: Record<string, string>;
  properties: {
    kty: KeyType;
    keySize?: number;
    keyOps?: KeyOperation[];
    attributes?: Pick<KeyAttributes, 'enabled' | 'nbf' | 'exp'>;
    rotationPolicy?: ArmRotationPolicy;
  };
}
