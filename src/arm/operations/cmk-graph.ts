import type { CmkBotRow, CmkVaultRow } from '../types/cmk';
import { resourceGraphQuery, type FirstPageListener, type GraphScope } from './resource-graph';

/** Every bot with the three CMK properties, ordered by id so that pages are stable (fleet-posture reference §1). */
export function cmkBotsQuery(
  scope: GraphScope,
  signal?: AbortSignal,
  onFirstPage?: FirstPageListener<CmkBotRow>,
): Promise<CmkBotRow[]> {
  return resourceGraphQuery<CmkBotRow>(
    scope,
    "resources | where type =~ 'microsoft.botservice/botservices' | project id, name, subscriptionId, tenantId, isCmekEnabled = tobool(properties.isCmekEnabled), cmekKeyVaultUrl = tostring(properties.cmekKeyVaultUrl), cmekEncryptionStatus = tostring(properties.cmekEncryptionStatus) | order by id asc",
    signal,
    onFirstPage,
  );
}

/**
 * Every key vault with its properties: soft delete, purge protection, permission model, network rules and (where
 * Resource Graph carries them; unconfirmed by Microsoft) access policies. The console reads the vault itself when
 * they are missing.
 */
export function cmkVaultsQuery(scope: GraphScope, signal?: AbortSignal): Promise<CmkVaultRow[]> {
  return resourceGraphQuery<CmkVaultRow>(
    scope,
    "resources | where type =~ 'microsoft.keyvault/vaults' | project id, name, type, location, subscriptionId, tenantId, properties | order by id asc",
    signal,
  );
}
