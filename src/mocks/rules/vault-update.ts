import type { AccessPolicyEntry } from '../../arm/types/key-vault';
import { echo, invalid, isRefusal, type Refusal } from './errors';
import type { TwinVault } from '../store/model';
import { validateAccessPolicies } from './access-policies';
import { isPrivateOrReserved, parseIpv4Rule } from './network';

type Props = Record<string, unknown>;

const maxIpRules = 1000;
const maxVnetRules = 200;

function validateNetworkAcls(raw: unknown): TwinVault['networkAcls'] | Refusal | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || typeof raw !== 'object')
    return invalid('BadRequest', 'The property networkAcls is invalid.', 'properties.networkAcls');
  const n = raw as Props;
  const bypass = n.bypass ?? 'AzureServices';
  const defaultAction = n.defaultAction ?? 'Allow';
  if (bypass !== 'AzureServices' && bypass !== 'None')
    return invalid(
      'BadRequest',
      `The value '${echo(bypass)}' of networkAcls.bypass is invalid.`,
      'properties.networkAcls.bypass',
    );
  if (defaultAction !== 'Allow' && defaultAction !== 'Deny')
    return invalid(
      'BadRequest',
      `The value '${echo(defaultAction)}' of networkAcls.defaultAction is invalid.`,
      'properties.networkAcls.defaultAction',
    );
  const ipRules = Array.isArray(n.ipRules) ? (n.ipRules as { value?: unknown }[]) : [];
  const vnetRules = Array.isArray(n.virtualNetworkRules) ? (n.virtualNetworkRules as { id?: unknown }[]) : [];
  if (ipRules.length > maxIpRules)
    return invalid(
      'BadRequest',
      `A key vault can have at most ${maxIpRules} IP rules.`,
      'properties.networkAcls.ipRules',
    );
  if (vnetRules.length > maxVnetRules)
    return invalid(
      'BadRequest',
      `A key vault can have at most ${maxVnetRules} virtual network rules.`,
      'properties.networkAcls.virtualNetworkRules',
    );
  const seen = new Set<string>();
  for (const rule of ipRules) {
    const value = typeof rule?.value === 'string' ? rule.value : '';
    const parsed = parseIpv4Rule(value);
    if (!parsed)
      return invalid(
        'BadRequest',
        `'${value}' is not a valid IPv4 address or CIDR range.`,
        'properties.networkAcls.ipRules',
      );
    if (isPrivateOrReserved(parsed.octets))
      return invalid(
        'BadRequest',
        `'${value}' is a private or reserved range; only public IP ranges can be allowed.`,
        'properties.networkAcls.ipRules',
      );
    if (seen.has(value))
      return invalid(
        'BadRequest',
        `The IP rule '${value}' is listed twice.`,
        'properties.networkAcls.ipRules',
      );
    seen.add(value);
  }
  for (const rule of vnetRules) {
    if (
      typeof rule?.id !== 'string' ||
      !/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i.test(
        rule.id,
      )
    ) {
      return invalid(
        'BadRequest',
        'Each virtual network rule needs the id of a subnet.',
        'properties.networkAcls.virtualNetworkRules',
      );
    }
  }
  return {
    bypass,
    defaultAction,
    ipRules: ipRules.map((r) => ({ value: r.value as string })),
    virtualNetworkRules: vnetRules.map((r) => ({ id: r.id as string })),
  };
}

/** Vaults_Update (PATCH): merges the given properties into the vault, with Key Vault's one-way switches. */
export function applyVaultPatch(vault: TwinVault, raw: unknown, nowMs: number): TwinVault | Refusal {
  if (raw === null || typeof raw !== 'object') return invalid('BadRequest', 'The request body is invalid.');
  const body = raw as { properties?: Props; tags?: Record<string, string> };
  const p = body.properties ?? {};
  const next: TwinVault = { ...vault, modifiedAt: nowMs };

  if ('enablePurgeProtection' in p) {
    if (p.enablePurgeProtection === false) {
      return invalid(
        'BadRequest',
        'The property "enablePurgeProtection" cannot be set to false. Enabling the purge protection for a vault is an irreversible action.',
        'properties.enablePurgeProtection',
      );
    }
    if (p.enablePurgeProtection === true) next.enablePurgeProtection = true;
  }
  if ('enableSoftDelete' in p) {
    if (p.enableSoftDelete === false && vault.enableSoftDelete) {
      return invalid(
        'BadRequest',
        'The property "enableSoftDelete" cannot be set to false. Enabling the soft delete for a vault is an irreversible action.',
        'properties.enableSoftDelete',
      );
    }
    if (p.enableSoftDelete === true) next.enableSoftDelete = true;
  }
  if ('softDeleteRetentionInDays' in p && p.softDeleteRetentionInDays !== vault.softDeleteRetentionInDays) {
    const days = p.softDeleteRetentionInDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 7 || days > 90) {
      return invalid(
        'BadRequest',
        'The property "softDeleteRetentionInDays" must be between 7 and 90.',
        'properties.softDeleteRetentionInDays',
      );
    }
    if (vault.enableSoftDelete) {
      return invalid(
        'BadRequest',
        'The retention period of a vault with soft delete cannot be changed.',
        'properties.softDeleteRetentionInDays',
      );
    }
    next.softDeleteRetentionInDays = days;
  }
  if (next.enablePurgeProtection && !next.enableSoftDelete) {
    return invalid(
      'BadRequest',
      'Purge protection can only be enabled on a vault with soft delete enabled.',
      'properties.enablePurgeProtection',
    );
  }
  for (const flag of [
    'enableRbacAuthorization',
    'enabledForDeployment',
    'enabledForDiskEncryption',
    'enabledForTemplateDeployment',
  ] as const) {
    if (flag in p) {
      if (typeof p[flag] !== 'boolean')
        return invalid('BadRequest', `The property "${flag}" must be true or false.`, `properties.${flag}`);
      next[flag] = p[flag];
    }
  }
  if ('publicNetworkAccess' in p) {
    const v = String(p.publicNetworkAccess).toLowerCase();
    if (v !== 'enabled' && v !== 'disabled')
      return invalid(
        'BadRequest',
        'The property "publicNetworkAccess" must be Enabled or Disabled.',
        'properties.publicNetworkAccess',
      );
    next.publicNetworkAccess = v === 'enabled' ? 'Enabled' : 'Disabled';
  }
  const acls = validateNetworkAcls(p.networkAcls);
  if (isRefusal(acls)) return acls;
  if (acls) next.networkAcls = acls;
  if ('accessPolicies' in p) {
    const refused = validateAccessPolicies(vault, p.accessPolicies, 1024);
    if (refused) return refused;
    next.accessPolicies = (p.accessPolicies as AccessPolicyEntry[]).map((e) => structuredClone(e));
  }
  if ('sku' in p) {
    const sku = p.sku as { name?: string } | undefined;
    if (sku?.name !== 'standard' && sku?.name !== 'premium')
      return invalid('BadRequest', 'The sku name must be standard or premium.', 'properties.sku.name');
    next.sku = sku.name;
  }
  if (body.tags && typeof body.tags === 'object') next.tags = { ...body.tags };
  return next;
}

/**
 * Vaults_CreateOrUpdate on an existing vault (a template deployment): the body replaces the vault. Whatever it leaves
 * out goes back to its default, access policies and firewall rules included; the one-way switches stay one-way.
 */
export function applyVaultPut(vault: TwinVault, raw: unknown, nowMs: number): TwinVault | Refusal {
  if (raw === null || typeof raw !== 'object') return invalid('BadRequest', 'The request body is invalid.');
  const body = raw as { properties?: Props; tags?: Record<string, string>; location?: unknown };
  const p = body.properties ?? {};
  if (typeof p.tenantId !== 'string' || p.tenantId.toLowerCase() !== vault.tenantId.toLowerCase())
    return invalid(
      'BadRequest',
      "The property 'tenantId' is required and cannot change.",
      'properties.tenantId',
    );
  if (!p.sku) return invalid('BadRequest', "The property 'sku' is required.", 'properties.sku');
  if (typeof body.location === 'string' && body.location.toLowerCase() !== vault.location.toLowerCase())
    return invalid('BadRequest', 'A key vault cannot move to another location.', 'location');
  const defaults: Props = {
    accessPolicies: [],
    enabledForDeployment: false,
    enabledForDiskEncryption: false,
    enabledForTemplateDeployment: false,
    enableRbacAuthorization: false,
    publicNetworkAccess: 'Enabled',
    networkAcls: { bypass: 'AzureServices', defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [] },
  };
  return applyVaultPatch(vault, { properties: { ...defaults, ...p }, tags: body.tags ?? {} }, nowMs);
}
