import { useQueryClient } from '@tanstack/react-query';
import { roleAssignmentsCreate } from '../../arm/operations/role-assignments';
import { vaultsUpdate, vaultsUpdateAccessPolicy } from '../../arm/operations/vaults';
import { parseResourceId } from '../../arm/resource-id';
import { useArmMutation } from '../use-arm-mutation';
import { vaultQuery } from '../resources';

/** Key Vault Crypto Officer: every key operation on an RBAC vault (built-in role, the same id everywhere). */
const cryptoOfficerGuid = '14b46e9e-c2b7-41b4-b07b-48a6ebf60603';

export type SelfFix =
  | { kind: 'firewall-address'; address: string }
  | { kind: 'access-policy'; permission: string }
  | { kind: 'rbac-role' };

/**
 * What lets the signed-in admin make a key change Key Vault refused: their own address in the firewall, the missing
 * key permission in their own access policy, or Key Vault Crypto Officer for themselves on an RBAC vault. Only ever
 * for the admin, on this vault; each widens access and says so where it is offered.
 */
export function useSelfAccessFixes(vaultId: string, me: { objectId?: string; tenantId: string }) {
  const queryClient = useQueryClient();
  const name = parseResourceId(vaultId)?.name ?? 'the key vault';
  return useArmMutation({
    mutationFn: async (fix: SelfFix): Promise<unknown> => {
      if (fix.kind === 'firewall-address') {
        const vault = await queryClient.fetchQuery({ ...vaultQuery(vaultId), staleTime: 0 });
        const acls = vault.properties.networkAcls ?? {};
        const rules = acls.ipRules ?? [];
        if (rules.some((r) => r.value === fix.address || r.value === `${fix.address}/32`)) return vault;
        return vaultsUpdate(vaultId, {
          properties: { networkAcls: { ...acls, ipRules: [...rules, { value: fix.address }] } },
        });
      }
      // Security: the id must be the admin's in this vault's directory; a home directory's id names someone else.
      if (!me.objectId)
        throw new Error(
          `Your object id in directory ${me.tenantId} is not known to this session: sign in again to that directory.`,
        );
      if (fix.kind === 'access-policy') {
        const vault = await queryClient.fetchQuery({ ...vaultQuery(vaultId), staleTime: 0 });
        // 'add' merges this permission into the admin's own entry; other entries stay as they are.
        return vaultsUpdateAccessPolicy(vaultId, 'add', [
          {
            tenantId: vault.properties.tenantId,
            objectId: me.objectId,
            permissions: { keys: [fix.permission] },
          },
        ]);
      }
      const sub = parseResourceId(vaultId)?.subscriptionId ?? '';
      return roleAssignmentsCreate(
        vaultId,
        `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${cryptoOfficerGuid}`,
        me.objectId,
        'User',
      );
    },
    describe: (fix) => ({
      resourceId: vaultId,
      running:
        fix.kind === 'firewall-address'
          ? `Allowing ${fix.address} through the firewall of ${name}`
          : fix.kind === 'access-policy'
            ? `Giving you the key permission ${fix.permission} on ${name}`
            : `Assigning you Key Vault Crypto Officer on ${name}`,
      done:
        fix.kind === 'firewall-address'
          ? `${fix.address} may reach ${name}`
          : fix.kind === 'access-policy'
            ? `You have the key permission ${fix.permission} on ${name}`
            : `You are Key Vault Crypto Officer on ${name}`,
      doneMessage:
        fix.kind === 'firewall-address'
          ? undefined
          : `Granted to object id ${me.objectId ?? '?'} in directory ${me.tenantId}.`,
      failed: `Could not change the access to ${name}`,
    }),
    invalidates: () => [vaultId],
  });
}
