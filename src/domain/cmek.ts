import type { Bot } from '../arm/types/bot';
import type { AccessPolicyEntry, Vault } from '../arm/types/key-vault';
import { keyUrlOf } from './key-url';

export const cmekRoleName = 'Key Vault Crypto Service Encryption User';
/** Built-in role definitions have the same GUID in every tenant. */
export const cmekRoleDefinitionGuid = 'e147488a-f6f5-4113-8e2d-b22465e65bf6';

/** The role's full id at a subscription (built-in roles answer at every subscription). */
export function cmekRoleDefinitionId(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${cmekRoleDefinitionGuid}`;
}

export function isCmekRole(roleDefinitionId: string): boolean {
  return roleDefinitionId.toLowerCase().endsWith(`/${cmekRoleDefinitionGuid}`);
}
/** The key permissions the doc asks for. */
export const cmekKeyPermissions = ['get', 'wrapKey', 'unwrapKey'] as const;

export function hasCmekPermissions(entry: AccessPolicyEntry | undefined): boolean {
  const keys = new Set((entry?.permissions.keys ?? []).map((k) => k.toLowerCase()));
  return keys.has('all') || cmekKeyPermissions.every((p) => keys.has(p.toLowerCase()));
}

export function missingCmekPermissions(entry: AccessPolicyEntry | undefined): string[] {
  const keys = new Set((entry?.permissions.keys ?? []).map((k) => k.toLowerCase()));
  if (keys.has('all')) return [];
  return cmekKeyPermissions.filter((p) => !keys.has(p.toLowerCase()));
}

/** `https://{vault}{dns suffix}` as Azure reports it (in whichever cloud), or undefined when it does not. */
function vaultHost(vault: Vault): string | undefined {
  return vault.properties.vaultUri?.replace(/\/+$/, '').replace(/:443$/, '').toLowerCase();
}

/** A bot has CMK on with a key URL in this vault. */
export function botUsesVault(bot: Bot, vault: Vault): boolean {
  if (!bot.properties.isCmekEnabled || !bot.properties.cmekKeyVaultUrl) return false;
  const host = vaultHost(vault);
  return host !== undefined && keyUrlOf(bot.properties.cmekKeyVaultUrl)?.vaultUrl === host;
}
