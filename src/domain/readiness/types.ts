import type { CloudName } from '../../arm/clouds';
import type { Key, Vault } from '../../arm/types/key-vault';
import type { DiagnosticSettingsResource } from '../../arm/types/monitor';
import type { Provider, RoleAssignment } from '../../arm/types/resources';
import type { CmekPrincipalLookup, ServicePrincipalFacts } from '../bot-service-principal';

export type CheckState = 'passed' | 'failed' | 'warning' | 'unknown';
export type FixId =
  | 'purge-protection'
  | 'register-provider'
  | 'create-principal'
  | 'access-policy'
  | 'role-assignment'
  | 'firewall-bypass'
  | 'audit-trail';
export type CheckId =
  | 'tenant'
  | 'soft-delete'
  | 'purge-protection'
  | 'provider'
  | 'permissions'
  | 'firewall'
  | 'key-state'
  | 'key-type'
  | 'key-operations'
  | 'key-expiry'
  | 'key-newest'
  | 'audit-trail';

export interface ReadinessCheck {
  id: CheckId;
  label: string;
  state: CheckState;
  reason: string;
  fix?: FixId;
  /** Where to do it by hand: a blade of the vault or of its subscription. */
  blade?: { resourceId: string; blade: string; label: string };
}

/** A value that was read, or why it could not be (`notFound`: Azure answered that it does not exist). */
export type Read<T> = { value: T } | { error: string; notFound?: boolean } | undefined;

export interface ReadinessInput {
  cloud: CloudName;
  /** The tenant of the subscription that holds the bot (not the app registration's tenant, which may differ). */
  botTenantId: string | undefined;
  vaultId: string | undefined;
  vault: Read<Vault>;
  /** Microsoft.BotService on the vault's subscription. */
  provider: Read<Provider>;
  cmekPrincipal: Read<CmekPrincipalLookup>;
  /** RBAC vaults only. */
  roleAssignments: Read<RoleAssignment[]>;
  /** Directory facts of the other principals that hold the access Azure Bot Service needs, to name lookalikes. */
  otherGrantees: Read<ServicePrincipalFacts[]>;
  keyVersion: Read<Key>;
  /**
   * The bot already uses this key version (not a new choice). Key Vault still unwraps with an expired or not yet
   * valid version and only refuses new wraps, so for a key in use that is a warning; as a new choice, a blocker.
   */
  keyInUse?: boolean;
  /** Every version of the key, to say when a newer one exists (a rotation the bot has not followed). */
  keyVersions?: Read<Key[]>;
  /** The vault's diagnostic settings, for the audit-trail recommendation. */
  diagnosticSettings: Read<DiagnosticSettingsResource[]>;
  nowMs: number;
}

export function unknown(id: CheckId, label: string, why: string): ReadinessCheck {
  return { id, label, state: 'unknown', reason: why };
}

export function errorOf<T>(r: Read<T>): string | undefined {
  if (r === undefined) return 'Not checked yet.';
  return 'error' in r ? r.error : undefined;
}

export function valueOf<T>(r: Read<T>): T | undefined {
  return r && 'value' in r ? r.value : undefined;
}
