/** Key Vault data-plane wire types (`keys.json` 2025-07-01): times are Unix seconds, names snake_case as sent. */

interface KeyVaultKeyAttributes {
  enabled?: boolean;
  nbf?: number;
  exp?: number;
  readonly created?: number;
  readonly updated?: number;
  readonly recoveryLevel?: string;
  readonly recoverableDays?: number;
  exportable?: boolean;
}

interface JsonWebKey {
  kid?: string;
  kty?: string;
  key_ops?: string[];
  n?: string;
  e?: string;
  crv?: string;
  x?: string;
  y?: string;
}

/** A key version (`KeyBundle`). */
export interface KeyBundle {
  key?: JsonWebKey;
  attributes?: KeyVaultKeyAttributes;
  tags?: Record<string, string>;
  readonly managed?: boolean;
}

/** `KeyCreateParameters` (POST /keys/{name}/create). */
export interface KeyVaultCreateParameters {
  kty: 'RSA' | 'RSA-HSM' | 'EC' | 'EC-HSM';
  key_size?: number;
  key_ops?: string[];
  attributes?: Pick<KeyVaultKeyAttributes, 'enabled' | 'nbf' | 'exp'>;
  tags?: Record<string, string>;
  crv?: string;
}

/** `KeyUpdateParameters` (PATCH /keys/{name}/{version}). */
export interface KeyVaultUpdateParameters {
  key_ops?: string[];
  attributes?: Pick<KeyVaultKeyAttributes, 'enabled' | 'nbf' | 'exp'>;
  tags?: Record<string, string>;
}

interface LifetimeAction {
  trigger: { timeAfterCreate?: string; timeBeforeExpiry?: string };
  /** `Rotate` or `Notify`, compared without case (the C++ SDK sends lower case). */
  action: { type: string };
}

/** `KeyRotationPolicy`. */
export interface KeyRotationPolicy {
  readonly id?: string;
  lifetimeActions?: LifetimeAction[];
  attributes?: { expiryTime?: string; readonly created?: number; readonly updated?: number };
}

/** `DeletedKeyBundle` / `DeletedKeyItem`. */
export interface DeletedKeyBundle extends KeyBundle {
  recoveryId?: string;
  readonly scheduledPurgeDate?: number;
  readonly deletedDate?: number;
}

export interface DeletedKeyItem {
  kid?: string;
  attributes?: KeyVaultKeyAttributes;
  tags?: Record<string, string>;
  recoveryId?: string;
  readonly scheduledPurgeDate?: number;
  readonly deletedDate?: number;
}

export interface DeletedKeyListResult {
  value?: DeletedKeyItem[];
  nextLink?: string | null;
}
