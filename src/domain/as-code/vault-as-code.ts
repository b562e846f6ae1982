import { parseResourceId } from '../../arm/resource-id';
import type { Vault, VaultPatchProperties } from '../../arm/types/key-vault';
import { bicepLiteral, shellWord, type BicepValue } from './bicep-syntax';

/**
 * Every property of VaultProperties (2025-05-01) a PUT writes. A Bicep vault resource without `accessPolicies` or
 * `networkAcls` does not keep them: it replaces them, the classic way a redeployment locks everyone out of a vault.
 * (`vaultUri`, `provisioningState` and `createMode` are set by Azure or only used to recover, so they stay out.)
 */
const writableProperties = [
  'tenantId',
  'sku',
  'accessPolicies',
  'enabledForDeployment',
  'enabledForDiskEncryption',
  'enabledForTemplateDeployment',
  'enableSoftDelete',
  'softDeleteRetentionInDays',
  'enableRbacAuthorization',
  'enablePurgeProtection',
  'networkAcls',
  'publicNetworkAccess',
] as const;

export interface VaultDeployment {
  name: string;
  resourceGroup: string;
  body: { location?: string; tags?: Record<string, string>; properties: Record<string, BicepValue> };
}

/** The vault's deployment after a change, from every writable property the vault has now. */
export function vaultDeployment(vault: Vault, change: VaultPatchProperties): VaultDeployment {
  const merged = { ...vault.properties, ...change } as Record<string, unknown>;
  const properties: Record<string, BicepValue> = {};
  for (const name of writableProperties) {
    const value = merged[name];
    // JSON round trip: a plain, detached copy (no undefined inside objects).
    if (value !== undefined && value !== null)
      properties[name] = JSON.parse(JSON.stringify(value)) as BicepValue;
  }
  return {
    name: vault.name,
    resourceGroup: parseResourceId(vault.id)?.resourceGroup ?? '',
    body: {
      location: vault.location,
      tags: vault.tags && Object.keys(vault.tags).length ? vault.tags : undefined,
      properties,
    },
  };
}

export function vaultBicep(d: VaultDeployment): string {
  return [
    `// The whole vault as Azure has it now, plus the change (access policies and firewall included): a Bicep`,
    `// resource replaces what it declares, so a vault written from memory can lock everyone out.`,
    `// az deployment group create --resource-group ${shellWord(d.resourceGroup)} --template-file vault.bicep`,
    '',
    `resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = ${bicepLiteral({ name: d.name, ...d.body })}`,
  ].join('\n');
}
