import { useQueryClient } from '@tanstack/react-query';
import { vaultsUpdate } from '../../arm/operations/vaults';
import { parseResourceId } from '../../arm/resource-id';
import type { FixId } from '../../domain/readiness/types';
import { useCreateCmekPrincipal, useGrantCmekAccess } from '../../queries/mutations/use-grant-cmek-access';
import { useProviderRegistration } from '../../queries/mutations/use-provider-registration';
import { vaultQuery } from '../../queries/resources';
import { useArmMutation } from '../../queries/use-arm-mutation';

type VaultFix = 'purge-protection' | 'firewall-bypass';

/** The one-click fixes Azure allows, each run as a notification; the readiness queries refresh afterwards. */
export function useReadinessFixes(vaultId: string | undefined) {
  const queryClient = useQueryClient();
  const id = vaultId ? parseResourceId(vaultId) : undefined;
  const name = id?.name ?? 'the key vault';
  const registration = useProviderRegistration(id?.subscriptionId ?? '');
  const grant = useGrantCmekAccess(vaultId ?? '');
  const createPrincipal = useCreateCmekPrincipal(vaultId ?? '');
  const vaultFix = useArmMutation({
    mutationFn: async (fix: VaultFix) => {
      if (!vaultId) throw new Error('The key vault is not known.');
      if (fix === 'purge-protection')
        return vaultsUpdate(vaultId, { properties: { enablePurgeProtection: true } });
      // Keep every other firewall setting exactly as Azure has it now.
      const vault = await queryClient.fetchQuery({ ...vaultQuery(vaultId), staleTime: 0 });
      return vaultsUpdate(vaultId, {
        properties: { networkAcls: { ...vault.properties.networkAcls, bypass: 'AzureServices' } },
      });
    },
    describe: (fix) => ({
      resourceId: vaultId ?? '',
      running:
        fix === 'purge-protection'
          ? `Turning on purge protection on ${name}`
          : `Allowing trusted Microsoft services on ${name}`,
      done:
        fix === 'purge-protection'
          ? `Purge protection is on for ${name}`
          : `Trusted Microsoft services may bypass the firewall of ${name}`,
      failed:
        fix === 'purge-protection'
          ? `Could not turn on purge protection on ${name}`
          : `Could not change the firewall of ${name}`,
    }),
    invalidates: () => (vaultId ? [vaultId] : []),
  });

  const run = async (fix: FixId): Promise<unknown> => {
    if (!vaultId) throw new Error('The key vault is not known.');
    switch (fix) {
      case 'register-provider':
        return registration.mutateAsync({ namespace: 'Microsoft.BotService', register: true });
      case 'create-principal':
        return createPrincipal.mutateAsync();
      case 'access-policy':
      case 'role-assignment':
        return grant.mutateAsync(fix);
      case 'purge-protection':
      case 'firewall-bypass':
        return vaultFix.mutateAsync(fix);
      case 'audit-trail':
        throw new Error('The audit trail needs a workspace chosen: it is set up in its own dialog.');
    }
  };
  return {
    run,
    busy: registration.isPending || grant.isPending || createPrincipal.isPending || vaultFix.isPending,
  };
}
