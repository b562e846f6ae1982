import type { AccessPolicyEntry } from '../../arm/types/key-vault';
import { badRequest, echo } from './errors';
import type { TwinVault } from '../store/model';
import { validateAccessPolicies } from './access-policies';
import { isPrivateOrReserved, parseIpv4Rule } from './network';

type Props = Record<string, unknown>;

const maxIpRules = 1000;
const maxVnetRules = 200;

function validateNetworkAcls(raw: unknown): TwinVault['networkAcls'] | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || typeof raw !== 'object')
    badRequest('BadRequest', 'The property networkAcls is invalid.', 'properties.networkAcls');
  const n = raw as Props;
  const bypass = n.bypass ?? 'AzureServices';
  const defaultAction = n.defaultAction ?? 'Allow';
  if (bypass !== 'AzureServices' && bypass !== 'None')
    badRequest(
      'BadRequest',
      `The value '${echo(bypass)}' of networkAcls.bypass is invalid.`,
      'properties.networkAcls.bypass',
    );
  if (defaultAction !== 'Allow' && defaultAction !== 'Deny')
    badRequest(
      'BadRequest',
      `The value '${echo(defaultAction)}' of networkAcls.defaultAction is invalid.`,
      'properties.networkAcls.defaultAction',
    );
  const ipRules = Array.isArray(n.ipRules) ? (n.ipRules as { value?: unknown }[]) : [];
  const vnetRules = Array.isArray(n.virtualNetworkRules) ? (n.virtualNetworkRules as { id?: unknown }[]) : [];
  if (ipRules.length > maxIpRules)
    badRequest(
      'BadRequest',
      `A key vault can have at most ${maxIpRules} IP rules.`,
      'properties.networkAcls.ipRules',
    );
  if (vnetRules.length > maxVnetRules)
    badRequest(
      'BadRequest',
      `A key vault can have at most ${maxVnetRules} virtual network rules.`,
      'properties.networkAcls.virtualNetworkRules',
    );
  const seen = new Set<string>();
  for (const rule of ipRules) {
    const value = typeof rule?.value === 'string' ? rule.value : '';
    const parsed = parseIpv4Rule(value);
    if (!parsed)
      badRequest(
        'BadRequest',
        `'${value}' is not a valid IPv4 address or CIDR range.`,
        'properties.networkAcls.ipRules',
      );
    else if (isPrivateOrReserved(parsed.octets))
      badRequest(
        'BadRequest',
        `'${value}' is a private or reserved range; only public IP ranges can be allowed.`,
        'properties.networkAcls.ipRules',
      );
    if (seen.has(value))
      badRequest('BadRequest', `The IP rule '${value}' is listed twice.`, 'properties.networkAcls.ipRules');
    seen.add(value);
  }
  for (const rule of vnetRules) {
    if (
      typeof rule?.id !== 'string' ||
      !/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i.test(
        rule.id,
      )
    ) {
      badRequest(
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
  } as TwinVault['networkAcls'];
}

/** Vaults_Update (PATCH): merges the given properties into the vault, with Key Vault's one-way switches. */
export function applyVaultPatch(vault: TwinVault, raw: unknown, nowMs: number): TwinVault {
  if (raw === null || typeof raw !== 'object') badRequest('BadRequest', 'The request body is invalid.');
  const body = raw as { properties?: Props; tags?: Record<string, string> };
  const p = body.properties ?? {};
  const next: TwinVault = { ...vault, modifiedAt: nowMs };

  if ('enablePurgeProtection' in p) {
    if (p.enablePurgeProtection === false) {
      badRequest(
        'BadRequest',
        'The property "enablePurgeProtection" cannot be set to false. Enabling the purge protection for a vault is an irreversible action.',
        'properties.enablePurgeProtection',
      );
    }
    if (p.enablePurgeProtection === true) next.enablePurgeProtection = true;
  }
  if ('enableSoftDelete' in p) {
    if (p.enableSoftDelete === false && vault.enableSoftDelete) {
      badRequest(
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
      badRequest(
        'BadRequest',
        'The property "softDeleteRetentionInDays" must be between 7 and 90.',
        'properties.softDeleteRetentionInDays',
      );
    }
    if (vault.enableSoftDelete) {
      badRequest(
        'BadRequest',
        'The retention period of a vault with soft delete cannot be changed.',
        'properties.softDeleteRetentionInDays',
      );
    }
    next.softDeleteRetentionInDays = days as number;
  }
  if (next.enablePurgeProtection && !next.enableSoftDelete) {
    badRequest(
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
        badRequest('BadRequest', `The property "${flag}" must be true or false.`, `properties.${flag}`);
      next[flag] = p[flag] as boolean;
    }
  }
  if ('publicNetworkAccess' in p) {
    const v = String(p.publicNetworkAccess).toLowerCase();
    if (v !== 'enabled' && v !== 'disabled')
      badRequest(
        'BadRequest',
        'The property "publicNetworkAccess" must be Enabled or Disabled.',
        'properties.publicNetworkAccess',
      );
    next.publicNetworkAccess = v === 'enabled' ? 'Enabled' : 'Disabled';
  }
  const acls = validateNetworkAcls(p.networkAcls);
  if (acls) next.networkAcls = acls;
  if ('accessPolicies' in p) {
    const policies = p.accessPolicies as AccessPolicyEntry[];
    validateAccessPolicies(vault, policies, 1024);
    next.accessPolicies = policies.map((e) => structuredClone(e));
  }
  if ('sku' in p) {
    const sku = p.sku as { name?: string } | undefined;
    if (sku?.name !== 'standard' && sku?.name !== 'premium')
      badRequest('BadRequest', 'The sku name must be standard or premium.', 'properties.sku.name');
    next.sku = sku!.name as TwinVault['sku'];
  }
  if (body.tags && typeof body.tags === 'object') next.tags = { ...body.tags };
  return next;
}

/**
 * Vaults_CreateOrUpdate on an existing vault (a template deployment): the body replaces the vault. Whatever it leaves
 * out goes back to its default, access policies and firewall rules included; the one-way switches stay one-way.
 */
export function applyVaultPut(vault: TwinVault, raw: unknown, nowMs: number): TwinVault {
  if (raw === null || typeof raw !== 'object') badRequest('BadRequest', 'The request body is invalid.');
  const body = raw as { properties?: Props; tags?: Record<string, string>; location?: unknown };
  const p = body.properties ?? {};
  if (typeof p.tenantId !== 'string' || p.tenantId.toLowerCase() !== vault.tenantId.toLowerCase())
    badRequest('BadRequest', "The property 'tenantId' is required and cannot change.", 'properties.tenantId');
  if (!p.sku) badRequest('BadRequest', "The property 'sku' is required.", 'properties.sku');
  if (typeof body.location === 'string' && body.location.toLowerCase() !== vault.location.toLowerCase())
    badRequest('BadRequest', 'A key vault cannot move to another location.', 'location');
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
