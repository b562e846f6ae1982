import type { Vault } from '../../arm/types/key-vault';
import { errorOf, unknown, valueOf, type ReadinessCheck, type ReadinessInput } from './types';
import { firewallKeepsBotServiceOut, firewallRestricted } from '../vault-firewall';

type BladeLink = (blade: string, label: string) => ReadinessCheck['blade'];

const labels = {
  tenant: 'Key vault in the bot’s Microsoft Entra tenant',
  softDelete: 'Soft delete enabled',
  purge: 'Purge protection enabled',
  provider: 'Microsoft.BotService registered on the key vault’s subscription',
  firewall: 'Firewall lets trusted Microsoft services through',
};

export const vaultCheckLabels = labels;

export function tenantCheck(i: ReadinessInput, vault: Vault): ReadinessCheck {
  const vaultTenant = vault.properties.tenantId;
  if (!i.botTenantId)
    return unknown('tenant', labels.tenant, 'The tenant of the bot’s subscription is not known.');
  return vaultTenant.toLowerCase() === i.botTenantId.toLowerCase()
    ? { id: 'tenant', label: labels.tenant, state: 'passed', reason: `Both are in tenant ${vaultTenant}.` }
    : {
        id: 'tenant',
        label: labels.tenant,
        state: 'failed',
        reason: `The vault is in tenant ${vaultTenant}, the bot’s subscription in ${i.botTenantId}. Azure Bot Service needs both in one tenant; use a key vault of the bot’s tenant.`,
      };
}

export function softDeleteCheck(vault: Vault, vaultBlade: BladeLink): ReadinessCheck {
  const p = vault.properties;
  return p.enableSoftDelete !== false
    ? {
        id: 'soft-delete',
        label: labels.softDelete,
        state: 'passed',
        reason: `Deleted keys stay recoverable for ${p.softDeleteRetentionInDays ?? 90} days.`,
      }
    : {
        id: 'soft-delete',
        label: labels.softDelete,
        state: 'failed',
        reason: 'Soft delete is off on this vault.',
        blade: vaultBlade('properties', 'Properties'),
      };
}

export function purgeProtectionCheck(vault: Vault, vaultBlade: BladeLink): ReadinessCheck {
  const p = vault.properties;
  if (p.enablePurgeProtection)
    return {
      id: 'purge-protection',
      label: labels.purge,
      state: 'passed',
      reason: 'Purge protection is on.',
    };
  return {
    id: 'purge-protection',
    label: labels.purge,
    state: 'failed',
    reason:
      p.enableSoftDelete === false
        ? 'Purge protection is off, and needs soft delete first.'
        : 'Purge protection is off. Turning it on is irreversible.',
    fix: p.enableSoftDelete === false ? undefined : 'purge-protection',
    blade: vaultBlade('properties', 'Properties'),
  };
}

export function providerCheck(i: ReadinessInput, vaultSubscriptionId: string | undefined): ReadinessCheck {
  const provider = valueOf(i.provider);
  if (!provider) return unknown('provider', labels.provider, errorOf(i.provider) ?? 'Unknown.');
  if (provider.registrationState === 'Registered')
    return { id: 'provider', label: labels.provider, state: 'passed', reason: 'Registered.' };
  return {
    id: 'provider',
    label: labels.provider,
    state: 'failed',
    reason: `The vault’s subscription is ${provider.registrationState ?? 'not registered'} for Microsoft.BotService.`,
    fix: provider.registrationState === 'Registering' ? undefined : 'register-provider',
    blade: vaultSubscriptionId
      ? {
          resourceId: `/subscriptions/${vaultSubscriptionId}`,
          blade: 'resourceproviders',
          label: 'Resource providers',
        }
      : undefined,
  };
}

export function firewallCheck(vault: Vault, vaultBlade: BladeLink): ReadinessCheck {
  if (!firewallRestricted(vault.properties))
    return {
      id: 'firewall',
      label: labels.firewall,
      state: 'passed',
      reason: 'Public access is allowed from all networks.',
    };
  if (!firewallKeepsBotServiceOut(vault.properties))
    return {
      id: 'firewall',
      label: labels.firewall,
      state: 'passed',
      reason: 'Access is limited, and trusted Microsoft services may bypass the firewall.',
    };
  return {
    id: 'firewall',
    label: labels.firewall,
    state: 'failed',
    reason:
      'Access is limited and trusted Microsoft services may not bypass the firewall, so Azure Bot Service cannot reach the key.',
    fix: 'firewall-bypass',
    blade: vaultBlade('networking', 'Networking'),
  };
}
