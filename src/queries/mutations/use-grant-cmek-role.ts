import { roleAssignmentsCreate, roleDefinitionsList } from '../../arm/operations/role-assignments';
import { cmekRoleName } from '../../domain/cmek';
import { useArmMutation } from '../use-arm-mutation';

/** Gives "Bot Service CMEK Prod" the "Key Vault Crypto Service Encryption User" role on an RBAC-mode vault. */
export function useGrantCmekRole(vaultId: string, vaultName: string) {
  return useArmMutation({
    mutationFn: async ({ principalId }: { principalId: string }, signal) => {
      const [definition] = await roleDefinitionsList(vaultId, cmekRoleName, signal);
      if (!definition)
        throw new Error(`The role "${cmekRoleName}" was not found at the scope of ${vaultName}.`);
      return roleAssignmentsCreate(vaultId, definition.id, principalId, 'ServicePrincipal', signal);
    },
    describe: () => ({
      resourceId: vaultId,
      running: `Assigning ${cmekRoleName} on ${vaultName}`,
      done: `Assigned ${cmekRoleName} on ${vaultName}`,
      doneMessage: 'Bot Service CMEK Prod can now use keys of this vault.',
      failed: `Could not assign ${cmekRoleName} on ${vaultName}`,
    }),
    invalidates: () => [vaultId],
  });
}
