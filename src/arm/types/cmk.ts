import type { Vault } from './key-vault';

/**
 * A bot as the Customer-managed keys page's query projects it from Resource Graph's `resources` table. `tobool` gives null and `tostring`
 * an empty string for a property the resource lacks.
 */
export interface CmkBotRow {
  id: string;
  name: string;
  subscriptionId: string;
  tenantId: string;
  isCmekEnabled: boolean | null;
  cmekKeyVaultUrl: string;
  cmekEncryptionStatus: string;
}

/** A vault with its ARM properties, as Resource Graph's `properties` column carries them (the type is lower-cased). */
export type CmkVaultRow = Vault & { subscriptionId: string; tenantId: string };
