import type { Bot, BotPatch } from '../arm/types/bot';
import { keyUrlOf, versionedKeyUrlOf, type KeyUrl, type VersionedKeyUrl } from './key-url';

/** What the bot uses now, read once from Azure's answer. */
export interface EncryptionState {
  cmek: boolean;
  key: VersionedKeyUrl | undefined;
}

/**
 * While CMK is off, Azure's `cmekKeyVaultUrl` may hold a previous key or an unrelated leftover
 * (azure-rest-api-specs#15151), so it is never taken for the bot's key.
 */
export function stateOfBot(bot: Bot): EncryptionState {
  const p = bot.properties;
  return {
    cmek: p.isCmekEnabled === true,
    key: p.isCmekEnabled ? versionedKeyUrlOf(p.cmekKeyVaultUrl) : undefined,
  };
}

/**
 * Bots_Update body for a CMK change: the properties the service requires, as the bot has them now, and the key (or
 * none: back to Microsoft-managed keys).
 */
export function cmekPatch(bot: Bot, key: VersionedKeyUrl | undefined): BotPatch {
  const p = bot.properties;
  const base = { displayName: p.displayName, endpoint: p.endpoint, msaAppId: p.msaAppId };
  if (!key) return { properties: { ...base, isCmekEnabled: false } };
  return { properties: { ...base, isCmekEnabled: true, cmekKeyVaultUrl: key.href } };
}

/**
 * A bot on a key URL without a version (set outside Keyguard, say with a template): a warning, not an error. The docs
 * ask for the versioned URI; what Azure Bot Service does with none is not confirmed. Keyguard itself always writes a
 * version.
 */
export function unversionedKeyOf(bot: Bot): KeyUrl | undefined {
  const p = bot.properties;
  if (!p.isCmekEnabled || versionedKeyUrlOf(p.cmekKeyVaultUrl)) return undefined;
  return keyUrlOf(p.cmekKeyVaultUrl);
}

export const unversionedKeyWarning =
  'This Key URL has no version. The docs ask for the full versioned key URI, and how Azure Bot Service behaves without one is not confirmed: choose a version (Select a key vault and a key) to be sure.';
