import type { VaultPatchProperties } from '../arm/types/key-vault';

/** The vault properties that decide who gets past its firewall (as read, or as a change would set them). */
type FirewallFacts = Pick<VaultPatchProperties, 'publicNetworkAccess' | 'networkAcls'>;

/** Public access is limited: disabled, or open only to selected networks. */
export function firewallRestricted(p: FirewallFacts): boolean {
  return (
    (p.publicNetworkAccess ?? 'Enabled').toLowerCase() === 'disabled' ||
    p.networkAcls?.defaultAction === 'Deny'
  );
}

/**
 * The firewall keeps Azure Bot Service out: access is limited and trusted Microsoft services may not bypass it. Key
 * Vault's default for an unspecified bypass is AzureServices (keyvault.json). The one rule readiness, the Networking
 * blade, the bulk fix and the posture page use.
 */
export function firewallKeepsBotServiceOut(p: FirewallFacts): boolean {
  return firewallRestricted(p) && (p.networkAcls?.bypass ?? 'AzureServices') !== 'AzureServices';
}
