import { useQueryClient } from '@tanstack/react-query';
import { vaultsUpdate, vaultsUpdateAccessPolicy } from '../../arm/operations/vaults';
import type { Vault } from '../../arm/types/key-vault';
import { useSession } from '../../auth/session';
import { cmekKeyPermissions, cmekPrincipalName } from '../../domain/cmek';
import { cmekPrincipalQuery } from '../../domain/cmek-queries';
import type { FixId } from '../../domain/readiness';
import { useGrantCmekRole } from '../../queries/mutations/use-grant-cmek-role';
import { useProviderRegistration } from '../../queries/mutations/use-provider-registration';
import { vaultQuery } from '../../queries/resources';
import { useArmMutation } from '../../queries/use-arm-mutation';

type VaultFix = 'purge-protection' | 'access-policy' | 'firewall-bypass';

/** The one-click fixes Azure allows, each run as a notification; the readiness queries refresh afterwards. */
export function useReadinessFixes(vaultId: string | undefined) {
  const session = useSession();
  const queryClient = useQueryClient();
  const name = vaultId?.split('/').pop() ?? 'the key vault';
  const sub = vaultId?.split('/')[2] ?? '';
  const registration = useProviderRegistration(sub);
  const role = useGrantCmekRole(vaultId ?? '', name);
  const vaultFix = useArmMutation({
    mutationFn: async (fix: VaultFix, signal) => {
      if (!vaultId) throw new Error('The key vault is not known.');
      if (fix === 'purge-protection')
        return vaultsUpdate(vaultId, { properties: { enablePurgeProtection: true } }, signal);
      if (fix === 'firewall-bypass') {
        // Keep every other firewall setting exactly as Azure has it now.
        const vault: Vault = await queryClient.fetchQuery({ ...vaultQuery(vaultId), staleTime: 0 });
        return vaultsUpdate(
          vaultId,
          { properties: { networkAcls: { ...vault.properties.networkAcls, bypass: 'AzureServices' } } },
          signal,
        );
      }
      const [sp] = await queryClient.fetchQuery(cmekPrincipalQuery(session.account.tenantId));
      if (!sp) throw new Error(`${cmekPrincipalName} does not exist in this directory yet.`);
      const vault: Vault = await queryClient.fetchQuery({ ...vaultQuery(vaultId), staleTime: 0 });
      await vaultsUpdateAccessPolicy(
        vaultId,
        'add',
        [
          {
            tenantId: vault.properties.tenantId,
            objectId: sp.id,
            permissions: { keys: [...cmekKeyPermissions] },
          },
        ],
        signal,
      );
      return vault;
    },
    describe: (fix) => ({
      resourceId: vaultId ?? '',
      running: {
        'purge-protection': `Turning on purge protection on ${name}`,
        'firewall-bypass': `Allowing trusted Microsoft services on ${name}`,
        'access-policy': `Giving ${cmekPrincipalName} access to keys of ${name}`,
      }[fix],
      done: {
        'purge-protection': `Purge protection is on for ${name}`,
        'firewall-bypass': `Trusted Microsoft services may bypass the firewall of ${name}`,
        'access-policy': `${cmekPrincipalName} may get, wrap and unwrap keys of ${name}`,
      }[fix],
      failed: {
        'purge-protection': `Could not turn on purge protection on ${name}`,
        'firewall-bypass': `Could not change the firewall of ${name}`,
        'access-policy': `Could not add the access policy on ${name}`,
      }[fix],
    }),
    invalidates: () => (vaultId ? [vaultId] : []),
  });

  const run = async (fix: FixId) => {
    if (fix === 'register-provider')
      return registration.mutateAsync({ namespace: 'Microsoft.BotService', register: true });
    if (fix === 'role-assignment') {
      const [sp] = await queryClient.fetchQuery(cmekPrincipalQuery(session.account.tenantId));
      if (!sp) throw new Error(`${cmekPrincipalName} does not exist in this directory yet.`);
      return role.mutateAsync({ principalId: sp.id });
    }
    return vaultFix.mutateAsync(fix);
  };
  return { run, busy: registration.isPending || role.isPending || vaultFix.isPending };
}
