import { useQueryClient } from '@tanstack/react-query';
import { servicePrincipalsCreate } from '../../arm/operations/graph';
import { roleAssignmentsCreate } from '../../arm/operations/role-assignments';
import { vaultsUpdateAccessPolicy } from '../../arm/operations/vaults';
import { parseResourceId } from '../../arm/resource-id';
import { useSession } from '../../auth/session';
import { botServiceCmekApp } from '../../domain/bot-service-principal';
import { cmekKeyPermissions, cmekRoleDefinitionId, cmekRoleName } from '../../domain/cmek';
import { cmekPrincipalQuery, genuineCmekPrincipalId } from '../cmek-principal';
import { vaultQuery } from '../resources';
import { useArmMutation } from '../use-arm-mutation';

export type CmekGrant = 'access-policy' | 'role-assignment';

const name = botServiceCmekApp.displayName;

/**
 * Gives Microsoft's Bot Service CMEK Prod what Azure Bot Service needs on a vault: Get, Wrap Key and Unwrap Key by
 * access policy, or the Key Vault Crypto Service Encryption User role on an RBAC vault. The principal is looked up
 * inside, by application id and owning tenant: callers cannot name one, so no lookalike can be granted anything.
 */
export function useGrantCmekAccess(vaultId: string) {
  const session = useSession();
  const queryClient = useQueryClient();
  const id = parseResourceId(vaultId);
  const vaultName = id?.name ?? 'the key vault';
  return useArmMutation({
    mutationFn: async (grant: CmekGrant) => {
      const principalId = await genuineCmekPrincipalId(queryClient, session.cloud, session.account.tenantId);
      if (grant === 'role-assignment')
        return roleAssignmentsCreate(
          vaultId,
          cmekRoleDefinitionId(id?.subscriptionId ?? ''),
          principalId,
          'ServicePrincipal',
        );
      const vault = await queryClient.fetchQuery({ ...vaultQuery(vaultId), staleTime: 0 });
      return vaultsUpdateAccessPolicy(vaultId, 'add', [
        {
          tenantId: vault.properties.tenantId,
          objectId: principalId,
          permissions: { keys: [...cmekKeyPermissions] },
        },
      ]);
    },
    describe: (grant) => ({
      resourceId: vaultId,
      running:
        grant === 'role-assignment'
          ? `Assigning ${cmekRoleName} to ${name} on ${vaultName}`
          : `Giving ${name} access to keys of ${vaultName}`,
      done:
        grant === 'role-assignment'
          ? `Assigned ${cmekRoleName} to ${name} on ${vaultName}`
          : `${name} may get, wrap and unwrap keys of ${vaultName}`,
      doneMessage: `${name} can now use keys of this vault.`,
      failed:
        grant === 'role-assignment'
          ? `Could not assign ${cmekRoleName} on ${vaultName}`
          : `Could not add the access policy on ${vaultName}`,
    }),
    invalidates: () => [vaultId],
  });
}

/** Creates Microsoft's Bot Service CMEK Prod service principal in a tenant that has none (Graph). */
export function useCreateCmekPrincipal(contextId: string) {
  const session = useSession();
  const queryClient = useQueryClient();
  return useArmMutation({
    mutationFn: async () => {
      const app = botServiceCmekApp.byCloud[session.cloud.name];
      if (!app) throw new Error(`Keyguard does not know ${name}’s application id in this cloud.`);
      return servicePrincipalsCreate(app.appId);
    },
    describe: () => ({
      resourceId: contextId,
      running: `Creating the ${name} service principal`,
      done: `Created the ${name} service principal`,
      doneMessage: 'It can now be given access to the key vault.',
      failed: `Could not create the ${name} service principal`,
    }),
    invalidates: () => [],
    onSuccess: () =>
      void queryClient.invalidateQueries({
        queryKey: cmekPrincipalQuery(session.cloud, session.account.tenantId).queryKey,
      }),
  });
}
