import { builtInRoles } from '../store/built-in-roles';
import type { TwinKey, TwinKeyVersion, TwinVault } from '../store/model';
import type { World } from '../store/world';
import { settleProvider } from './providers';

export type KeyAccessFailure = { ok: false; code: string; message: string };
export type KeyAccess =
  { ok: true; vault: TwinVault; key: TwinKey; version: TwinKeyVersion } | KeyAccessFailure;

const versionedKeyUri =
  /^https:\/\/([a-z0-9-]{3,24})\.(vault\.azure\.net|vault\.usgovcloudapi\.net|vault\.azure\.cn)\/keys\/([a-z0-9-]{1,127})\/([0-9a-f]{32})$/i;

const no = (code: string, message: string): KeyAccessFailure => ({ ok: false, code, message });

function principalHasKeyPermissions(vault: TwinVault, objectId: string): boolean {
  const entry = vault.accessPolicies.find((p) => p.objectId === objectId && p.tenantId === vault.tenantId);
  const keys = new Set((entry?.permissions.keys ?? []).map((k) => k.toLowerCase()));
  return keys.has('all') || (keys.has('get') && keys.has('wrapkey') && keys.has('unwrapkey'));
}

function principalHasRole(world: World, vault: TwinVault, objectId: string): boolean {
  const vaultId = vault.id.toLowerCase();
  for (const ra of world.roleAssignments.values()) {
    const scope = ra.scope.toLowerCase().replace(/\/+$/, '');
    const covers = vaultId === scope || vaultId.startsWith(`${scope}/`);
    if (
      ra.principalId === objectId &&
      covers &&
      ra.roleDefinitionGuid === builtInRoles['Key Vault Crypto Service Encryption User']
    )
      return true;
  }
  return false;
}

/** The tenant a bot belongs to: its subscription's (the app registration's tenant can be another one). */
export function botTenantOf(world: World, bot: { subscriptionId: string; tenantId: string }): string {
  return world.subscriptions.get(bot.subscriptionId)?.tenantId ?? bot.tenantId;
}

/**
 * What Azure Bot Service asks of the key: `wrap` a new data key (a key being set, turned on or rotated to), or
 * `unwrap` the data it already wrapped (a bot running on its key). Key Vault refuses wraps with a version outside its
 * validity (exp, nbf) and still unwraps with it (its date-time controlled operations).
 */
export type KeyUse = 'wrap' | 'unwrap';

/**
 * The Bot Service's own view of a key: could it, right now, use this key for `use`? Conditions are checked in the
 * order the doc lists the prerequisites; the first unmet one is reported.
 */
export function evaluateBotKeyAccess(
  world: World,
  botTenantId: string,
  keyUrl: string | null | undefined,
  nowMs: number,
  use: KeyUse,
): KeyAccess {
  if (!keyUrl) return no('InvalidKeyVaultKeyUrl', 'A key URL is required to use customer-managed keys.');
  const m = versionedKeyUri.exec(keyUrl.trim());
  if (!m) {
    return no(
      'InvalidKeyVaultKeyUrl',
      `The key URL '${keyUrl}' is not a versioned Key Vault key identifier of the form https://{vault}.vault.azure.net/keys/{key}/{version}.`,
    );
  }
  const [, vaultName = '', suffix = '', keyName = '', version = ''] = m;
  const vault = world.vaultByUri(`https://${vaultName}.${suffix}`);
  if (!vault) return no('KeyVaultNotFound', `The key vault '${vaultName}' could not be found.`);
  if (vault.tenantId !== botTenantId) {
    return no(
      'KeyVaultTenantMismatch',
      `The key vault '${vault.name}' belongs to tenant '${vault.tenantId}', but the bot belongs to tenant '${botTenantId}'. The bot and the key vault must be in the same Microsoft Entra tenant.`,
    );
  }
  if (!vault.enableSoftDelete)
    return no('KeyVaultSoftDeleteNotEnabled', `Soft delete is not enabled on the key vault '${vault.name}'.`);
  if (!vault.enablePurgeProtection)
    return no(
      'KeyVaultPurgeProtectionNotEnabled',
      `Purge protection is not enabled on the key vault '${vault.name}'.`,
    );
  if (
    settleProvider(world.provider(vault.subscriptionId, 'Microsoft.BotService'), nowMs).state !== 'Registered'
  ) {
    return no(
      'BotServiceNotRegistered',
      `The subscription '${vault.subscriptionId}' that holds the key vault '${vault.name}' is not registered to use namespace 'Microsoft.BotService'.`,
    );
  }
  const restricted = vault.publicNetworkAccess === 'Disabled' || vault.networkAcls.defaultAction === 'Deny';
  if (restricted && vault.networkAcls.bypass !== 'AzureServices') {
    return no(
      'KeyVaultFirewallBlocked',
      `The firewall of the key vault '${vault.name}' blocks Azure Bot Service: allow trusted Microsoft services to bypass the firewall.`,
    );
  }
  const principal = world.cmekPrincipal(vault.tenantId);
  const permitted = principal
    ? vault.enableRbacAuthorization
      ? principalHasRole(world, vault, principal.objectId)
      : principalHasKeyPermissions(vault, principal.objectId)
    : false;
  if (!permitted) {
    return no(
      'KeyVaultAccessForbidden',
      vault.enableRbacAuthorization
        ? `The service principal 'Bot Service CMEK Prod' does not hold the role 'Key Vault Crypto Service Encryption User' on the key vault '${vault.name}'.`
        : `The service principal 'Bot Service CMEK Prod' does not have the key permissions get, wrapKey and unwrapKey on the key vault '${vault.name}'.`,
    );
  }
  const key = world.key(vault.id, keyName);
  const keyVersion = key?.versions.find((v) => v.version.toLowerCase() === version.toLowerCase());
  if (!key || !keyVersion)
    return no(
      'KeyNotFound',
      `The key '${keyName}' with version '${version}' was not found in the key vault '${vault.name}'.`,
    );
  const nowSec = Math.floor(nowMs / 1000);
  if (!keyVersion.enabled) return no('KeyDisabled', `The key '${keyName}/${version}' is disabled.`);
  if (use === 'wrap' && keyVersion.nbf !== undefined && keyVersion.nbf > nowSec)
    return no('KeyNotYetValid', `The key '${keyName}/${version}' is not valid yet.`);
  if (use === 'wrap' && keyVersion.exp !== undefined && keyVersion.exp <= nowSec)
    return no('KeyExpired', `The key '${keyName}/${version}' has expired.`);
  if (keyVersion.kty !== 'RSA' && keyVersion.kty !== 'RSA-HSM') {
    return no(
      'KeyTypeNotSupported',
      `The key '${keyName}' is of type ${keyVersion.kty}; Azure Bot Service needs an RSA or RSA-HSM key.`,
    );
  }
  if (!keyVersion.keyOps.includes('wrapKey') || !keyVersion.keyOps.includes('unwrapKey')) {
    return no(
      'KeyOperationNotPermitted',
      `The key '${keyName}/${version}' does not allow the operations wrapKey and unwrapKey.`,
    );
  }
  return { ok: true, vault, key, version: keyVersion };
}
