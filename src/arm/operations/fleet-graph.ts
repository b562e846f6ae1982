import type { FleetBotRow, FleetVaultRow } from '../types/fleet';
import { resourceGraphQuery, type FirstPageListener, type GraphScope } from './resource-graph';

/** Every bot with the three CMK properties, ordered by id so that pages are stable (fleet-posture reference §1). */
export function fleetBotsQuery(
  scope: GraphScope,
  signal?: AbortSignal,
  onFirstPage?: FirstPageListener<FleetBotRow>,
): Promise<FleetBotRow[]> {
  return resourceGraphQuery<FleetBotRow>(
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
export function fleetVaultsQuery(scope: GraphScope, signal?: AbortSignal): Promise<FleetVaultRow[]> {
  return resourceGraphQuery<FleetVaultRow>(
    scope,
    "resources | where type =~ 'microsoft.keyvault/vaults' | project id, name, type, location, subscriptionId, tenantId, properties | order by id asc",
    signal,
  );
}
