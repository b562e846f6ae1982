import type { Bot } from '../arm/types/bot';
import { versionedKeyUrlOf, type VersionedKeyUrl } from './key-url';

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
