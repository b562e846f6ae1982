import type { Key, Vault } from '../arm/types/key-vault';
import type { Provider, RoleAssignment } from '../arm/types/resources';
import type { ServicePrincipal } from '../arm/types/graph';
import {
  cmekPrincipalName,
  cmekRoleName,
  hasCmekPermissions,
  isCmekRole,
  missingCmekPermissions,
} from './cmek';

export type CheckState = 'passed' | 'failed' | 'warning' | 'unknown';
export type FixId =
  'purge-protection' | 'register-provider' | 'access-policy' | 'role-assignment' | 'firewall-bypass';
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
  | 'key-expiry';

export interface ReadinessCheck {
  id: CheckId;
  label: string;
  state: CheckState;
  reason: string;
  fix?: FixId;
  /** Where to do it by hand: a blade of the vault or of its subscription. */
  blade?: { resourceId: string; blade: string; label: string };
}

/** A value that was read, or why it could not be. */
export type Read<T> = { value: T } | { error: string } | undefined;

export interface ReadinessInput {
  botTenantId: string | undefined;
  vaultId: string | undefined;
  vault: Read<Vault>;
  provider: Read<Provider>;
  cmekPrincipals: Read<ServicePrincipal[]>;
  roleAssignments: Read<RoleAssignment[]>;
  keyVersion: Read<Key>;
  nowMs: number;
}

const day = 24 * 60 * 60 * 1000;

function unknown(id: CheckId, label: string, why: string): ReadinessCheck {
  return { id, label, state: 'unknown', reason: why };
}

function errorOf<T>(r: Read<T>): string | undefined {
  if (r === undefined) return 'Not checked yet.';
  return 'error' in r ? r.error : undefined;
}

/**
 * The console's own reading of what Azure Bot Service needs to use a key (from the seed doc), one check per
 * prerequisite. Each check is passed, failed, a warning, or unknown with the reason it could not be checked.
 */
export function evaluateReadiness(i: ReadinessInput): ReadinessCheck[] {
  const vaultBlade = (blade: string, label: string) =>
    i.vaultId ? { resourceId: i.vaultId, blade, label } : undefined;
  const vaultErr = errorOf(i.vault);
  const vault = i.vault && 'value' in i.vault ? i.vault.value : undefined;
  const subId = i.vaultId?.split('/')[2];
  const checks: ReadinessCheck[] = [];

  if (!vault) {
    const why = vaultErr ?? 'The key vault could not be read.';
    checks.push(
      unknown('tenant', 'Key vault in the bot’s Microsoft Entra tenant', why),
      unknown('soft-delete', 'Soft delete enabled', why),
      unknown('purge-protection', 'Purge protection enabled', why),
      unknown('provider', 'Microsoft.BotService registered on the key vault’s subscription', why),
      unknown('permissions', `${cmekPrincipalName} may get, wrap and unwrap keys`, why),
      unknown('firewall', 'Firewall lets trusted Microsoft services through', why),
    );
  } else {
    const p = vault.properties;
    checks.push(
      !i.botTenantId
        ? unknown('tenant', 'Key vault in the bot’s Microsoft Entra tenant', 'The bot’s tenant is not known.')
        : p.tenantId.toLowerCase() === i.botTenantId.toLowerCase()
          ? {
              id: 'tenant',
              label: 'Key vault in the bot’s Microsoft Entra tenant',
              state: 'passed',
              reason: `Both are in tenant ${p.tenantId}.`,
            }
          : {
              id: 'tenant',
              label: 'Key vault in the bot’s Microsoft Entra tenant',
              state: 'failed',
              reason: `The vault is in tenant ${p.tenantId}, the bot in ${i.botTenantId}. Azure Bot Service needs both in one tenant; use a key vault of the bot’s tenant.`,
            },
    );
    checks.push(
      p.enableSoftDelete !== false
        ? {
            id: 'soft-delete',
            label: 'Soft delete enabled',
            state: 'passed',
            reason: `Deleted keys stay recoverable for ${p.softDeleteRetentionInDays ?? 90} days.`,
          }
        : {
            id: 'soft-delete',
            label: 'Soft delete enabled',
            state: 'failed',
            reason: 'Soft delete is off on this vault.',
            blade: vaultBlade('properties', 'Properties'),
          },
    );
    checks.push(
      p.enablePurgeProtection
        ? {
            id: 'purge-protection',
            label: 'Purge protection enabled',
            state: 'passed',
            reason: 'Purge protection is on.',
          }
        : {
            id: 'purge-protection',
            label: 'Purge protection enabled',
            state: 'failed',
            reason:
              p.enableSoftDelete === false
                ? 'Purge protection is off, and needs soft delete first.'
                : 'Purge protection is off. Turning it on is irreversible.',
            fix: p.enableSoftDelete === false ? undefined : 'purge-protection',
            blade: vaultBlade('properties', 'Properties'),
          },
    );
    const providerErr = errorOf(i.provider);
    const provider = i.provider && 'value' in i.provider ? i.provider.value : undefined;
    const providerBlade = subId
      ? { resourceId: `/subscriptions/${subId}`, blade: 'resourceproviders', label: 'Resource providers' }
      : undefined;
    checks.push(
      !provider
        ? unknown(
            'provider',
            'Microsoft.BotService registered on the key vault’s subscription',
            providerErr ?? 'Unknown.',
          )
        : provider.registrationState === 'Registered'
          ? {
              id: 'provider',
              label: 'Microsoft.BotService registered on the key vault’s subscription',
              state: 'passed',
              reason: 'Registered.',
            }
          : {
              id: 'provider',
              label: 'Microsoft.BotService registered on the key vault’s subscription',
              state: 'failed',
              reason: `The vault’s subscription is ${provider.registrationState ?? 'not registered'} for Microsoft.BotService.`,
              fix: provider.registrationState === 'Registering' ? undefined : 'register-provider',
              blade: providerBlade,
            },
    );
    checks.push(permissionCheck(i, vault, vaultBlade));
    const restricted =
      (p.publicNetworkAccess ?? 'Enabled').toLowerCase() === 'disabled' ||
      p.networkAcls?.defaultAction === 'Deny';
    const bypass = (p.networkAcls?.bypass ?? 'AzureServices') === 'AzureServices';
    checks.push(
      !restricted
        ? {
            id: 'firewall',
            label: 'Firewall lets trusted Microsoft services through',
            state: 'passed',
            reason: 'Public access is allowed from all networks.',
          }
        : bypass
          ? {
              id: 'firewall',
              label: 'Firewall lets trusted Microsoft services through',
              state: 'passed',
              reason: 'Access is limited, and trusted Microsoft services may bypass the firewall.',
            }
          : {
              id: 'firewall',
              label: 'Firewall lets trusted Microsoft services through',
              state: 'failed',
              reason:
                'Access is limited and trusted Microsoft services may not bypass the firewall, so Azure Bot Service cannot reach the key.',
              fix: 'firewall-bypass',
              blade: vaultBlade('networking', 'Networking'),
            },
    );
  }
  checks.push(...keyChecks(i));
  return checks;
}

function permissionCheck(
  i: ReadinessInput,
  vault: Vault,
  vaultBlade: (b: string, l: string) => ReadinessCheck['blade'],
): ReadinessCheck {
  const label = `${cmekPrincipalName} may get, wrap and unwrap keys`;
  const spErr = errorOf(i.cmekPrincipals);
  const sps = i.cmekPrincipals && 'value' in i.cmekPrincipals ? i.cmekPrincipals.value : undefined;
  if (!sps) return unknown('permissions', label, `${cmekPrincipalName} could not be looked up: ${spErr}`);
  if (sps.length === 0) {
    return {
      id: 'permissions',
      label,
      state: 'failed',
      reason: `${cmekPrincipalName} does not exist in this directory yet. Register Microsoft.BotService on a subscription first.`,
      blade: vaultBlade('accesspolicies', 'Access policies'),
    };
  }
  const ids = sps.map((s) => s.id.toLowerCase());
  if (vault.properties.enableRbacAuthorization) {
    const raErr = errorOf(i.roleAssignments);
    const ras = i.roleAssignments && 'value' in i.roleAssignments ? i.roleAssignments.value : undefined;
    if (!ras) return unknown('permissions', label, `Role assignments could not be read: ${raErr}`);
    const has = ras.some(
      (r) =>
        ids.includes(r.properties.principalId.toLowerCase()) && isCmekRole(r.properties.roleDefinitionId),
    );
    return has
      ? {
          id: 'permissions',
          label,
          state: 'passed',
          reason: `The vault uses Azure RBAC, and ${cmekPrincipalName} holds ${cmekRoleName}.`,
        }
      : {
          id: 'permissions',
          label,
          state: 'failed',
          reason: `The vault uses Azure RBAC (access policies are ignored), and ${cmekPrincipalName} lacks the role ${cmekRoleName}.`,
          fix: 'role-assignment',
          blade: vaultBlade('iam', 'Access control (IAM)'),
        };
  }
  const entry = (vault.properties.accessPolicies ?? []).find((e) => ids.includes(e.objectId.toLowerCase()));
  if (hasCmekPermissions(entry))
    return {
      id: 'permissions',
      label,
      state: 'passed',
      reason: 'Its access policy grants Get, Wrap Key and Unwrap Key.',
    };
  return {
    id: 'permissions',
    label,
    state: 'failed',
    reason: entry
      ? `Its access policy lacks ${missingCmekPermissions(entry).join(', ')}.`
      : `The vault has no access policy for ${cmekPrincipalName}.`,
    fix: 'access-policy',
    blade: vaultBlade('accesspolicies', 'Access policies'),
  };
}

function keyChecks(i: ReadinessInput): ReadinessCheck[] {
  const labels = {
    state: 'Key exists, is enabled and not expired',
    type: 'Key is RSA or RSA-HSM',
    ops: 'Key allows Wrap Key and Unwrap Key',
    expiry: 'Key does not expire within 30 days',
  };
  const err = errorOf(i.keyVersion);
  const key = i.keyVersion && 'value' in i.keyVersion ? i.keyVersion.value : undefined;
  if (!key) {
    return [
      unknown('key-state', labels.state, err ?? 'Unknown.'),
      unknown('key-type', labels.type, err ?? ''),
      unknown('key-operations', labels.ops, err ?? ''),
      unknown('key-expiry', labels.expiry, err ?? ''),
    ];
  }
  const a = key.properties.attributes ?? {};
  const nowSec = i.nowMs / 1000;
  const out: ReadinessCheck[] = [];
  if (a.enabled === false)
    out.push({
      id: 'key-state',
      label: labels.state,
      state: 'failed',
      reason: 'This key version is disabled. Enable it in Key Vault or choose another version.',
    });
  else if (a.exp !== undefined && a.exp <= nowSec)
    out.push({
      id: 'key-state',
      label: labels.state,
      state: 'failed',
      reason: `This key version expired on ${new Date(a.exp * 1000).toUTCString()}.`,
    });
  else if (a.nbf !== undefined && a.nbf > nowSec)
    out.push({
      id: 'key-state',
      label: labels.state,
      state: 'failed',
      reason: `This key version is not valid before ${new Date(a.nbf * 1000).toUTCString()}.`,
    });
  else
    out.push({
      id: 'key-state',
      label: labels.state,
      state: 'passed',
      reason: 'Enabled and within its validity period.',
    });
  const kty = key.properties.kty ?? '';
  out.push(
    kty === 'RSA' || kty === 'RSA-HSM'
      ? {
          id: 'key-type',
          label: labels.type,
          state: 'passed',
          reason: `${kty}${key.properties.keySize ? ` ${key.properties.keySize}` : ''}.`,
        }
      : {
          id: 'key-type',
          label: labels.type,
          state: 'failed',
          reason: `This is an ${kty || 'unknown'} key; Azure Bot Service wraps data with RSA keys.`,
        },
  );
  const ops = key.properties.keyOps ?? [];
  const missing = ['wrapKey', 'unwrapKey'].filter((o) => !ops.includes(o));
  out.push(
    missing.length === 0
      ? {
          id: 'key-operations',
          label: labels.ops,
          state: 'passed',
          reason: 'Wrap Key and Unwrap Key are allowed.',
        }
      : {
          id: 'key-operations',
          label: labels.ops,
          state: 'failed',
          reason: `The key does not allow ${missing.join(' and ')}.`,
        },
  );
  if (a.exp === undefined)
    out.push({ id: 'key-expiry', label: labels.expiry, state: 'passed', reason: 'No expiry date.' });
  else if (a.exp * 1000 - i.nowMs < 30 * day && a.exp > nowSec) {
    out.push({
      id: 'key-expiry',
      label: labels.expiry,
      state: 'warning',
      reason: `Expires on ${new Date(a.exp * 1000).toUTCString()}: rotate to a new key before then.`,
    });
  } else if (a.exp > nowSec)
    out.push({
      id: 'key-expiry',
      label: labels.expiry,
      state: 'passed',
      reason: `Expires on ${new Date(a.exp * 1000).toUTCString()}.`,
    });
  else out.push({ id: 'key-expiry', label: labels.expiry, state: 'failed', reason: 'Already expired.' });
  return out;
}

export function readinessSummary(checks: ReadinessCheck[]): {
  failed: ReadinessCheck[];
  unknown: ReadinessCheck[];
  warnings: ReadinessCheck[];
} {
  return {
    failed: checks.filter((c) => c.state === 'failed'),
    unknown: checks.filter((c) => c.state === 'unknown'),
    warnings: checks.filter((c) => c.state === 'warning'),
  };
}
