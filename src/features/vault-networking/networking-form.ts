import type { NetworkRuleSet, Vault, VaultPatchParameters } from '../../arm/types/key-vault';
import { firewallKeepsBotServiceOut } from '../../domain/vault-firewall';

export type AccessFrom = 'all' | 'selected' | 'disabled';

export interface NetworkingForm {
  accessFrom: AccessFrom;
  ipRules: string[];
  virtualNetworkRules: string[];
  bypass: boolean;
}

export function networkingFormFromVault(v: Vault): NetworkingForm {
  const acls = v.properties.networkAcls ?? {};
  const disabled = (v.properties.publicNetworkAccess ?? 'Enabled').toLowerCase() === 'disabled';
  return {
    accessFrom: disabled ? 'disabled' : acls.defaultAction === 'Deny' ? 'selected' : 'all',
    ipRules: (acls.ipRules ?? []).map((r) => r.value),
    virtualNetworkRules: (acls.virtualNetworkRules ?? []).map((r) => r.id),
    // Key Vault's default for an unspecified bypass is AzureServices (keyvault.json).
    bypass: (acls.bypass ?? 'AzureServices') === 'AzureServices',
  };
}

export function networkingPatch(form: NetworkingForm): VaultPatchParameters {
  const networkAcls: NetworkRuleSet = {
    bypass: form.bypass ? 'AzureServices' : 'None',
    defaultAction: form.accessFrom === 'all' ? 'Allow' : 'Deny',
    ipRules: form.ipRules.map((value) => ({ value })),
    virtualNetworkRules: form.virtualNetworkRules.map((id) => ({ id })),
  };
  return {
    properties: { networkAcls, publicNetworkAccess: form.accessFrom === 'disabled' ? 'Disabled' : 'Enabled' },
  };
}

const accessWords: Record<AccessFrom, string> = {
  all: 'all networks',
  selected: 'selected networks only',
  disabled: 'disabled',
};

/** What another admin changed, in the words of the blade. */
export function networkingChanges(from: NetworkingForm, to: NetworkingForm): string[] {
  const out: string[] = [];
  if (from.accessFrom !== to.accessFrom)
    out.push(`public access: ${accessWords[from.accessFrom]} → ${accessWords[to.accessFrom]}`);
  const added = to.ipRules.filter((r) => !from.ipRules.includes(r));
  const removed = from.ipRules.filter((r) => !to.ipRules.includes(r));
  if (added.length) out.push(`IP rules added: ${added.join(', ')}`);
  if (removed.length) out.push(`IP rules removed: ${removed.join(', ')}`);
  const vnetDelta =
    to.virtualNetworkRules.length !== from.virtualNetworkRules.length ||
    to.virtualNetworkRules.some((r) => !from.virtualNetworkRules.includes(r));
  if (vnetDelta) out.push('virtual network rules changed');
  if (from.bypass !== to.bypass)
    out.push(
      `trusted Microsoft services ${to.bypass ? 'may now bypass' : 'may no longer bypass'} the firewall`,
    );
  return out;
}

/** The form, once saved, would keep Azure Bot Service out of the vault (the same rule as readiness). */
export function blocksBotService(form: NetworkingForm): boolean {
  return firewallKeepsBotServiceOut(networkingPatch(form).properties ?? {});
}

const maxIpRules = 1000;

/** A specific message for each way an IPv4/CIDR rule can be wrong, or undefined when it is fine. */
export function validateIpRule(raw: string, existing: string[]): string | undefined {
  const value = raw.trim();
  if (value === '') return 'Enter an IPv4 address or CIDR range, for example 203.0.113.0/24.';
  if (/\s/.test(raw.trim())) return 'Remove the spaces: enter one address or range per rule.';
  if (value.includes(':'))
    return 'IPv6 addresses are not supported by Key Vault firewall rules; enter an IPv4 address or range.';
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(value);
  if (!m) return `"${value}" is not an IPv4 address or CIDR range (like 203.0.113.7 or 203.0.113.0/24).`;
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return `"${value}" has a number above 255.`;
  if (m.slice(1, 5).some((o) => o !== undefined && o.length > 1 && o.startsWith('0')))
    return `"${value}" has a leading zero; write each number without it.`;
  if (m[5] !== undefined && Number(m[5]) > 32) return `The prefix /${m[5]} is too long: use /0 to /32.`;
  const [a = 0, b = 0] = octets;
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) {
    return `"${value}" is a private range. Key Vault firewall rules take public addresses only; use a virtual network rule or private endpoint for private traffic.`;
  }
  if (a === 127 || a === 0 || (a === 169 && b === 254) || a >= 224)
    return `"${value}" is a reserved range that cannot reach Key Vault.`;
  const normalized = m[5] === '32' ? value.replace(/\/32$/, '') : value;
  if (existing.some((e) => e === value || e === normalized)) return `"${value}" is already in the list.`;
  if (existing.length >= maxIpRules) return `A key vault takes at most ${maxIpRules} IP rules.`;
  return undefined;
}
