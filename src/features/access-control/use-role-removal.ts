import { useState } from 'react';
import { roleAssignmentsDeleteById } from '../../arm/operations/role-assignments';
import { serverNow } from '../../arm/server-clock';
import type { DirectoryPrincipal } from '../../arm/types/graph';
import type { Vault } from '../../arm/types/key-vault';
import type { RoleAssignment } from '../../arm/types/resources';
import { useSession } from '../../auth/session';
import {
  cmekLookupState,
  holderOf,
  removalsThatCount,
  roleMayGiveKeyUse,
  type AccessRemoval,
} from '../../domain/keys/access-guard';
import { checkGuard } from '../../domain/keys/key-guard';
import { useBlade } from '../../portal/blade/blade-context';
import { useArmMutation } from '../../queries/use-arm-mutation';
import { useVaultKeyDependents } from '../shared/use-vault-key-dependents';
import { usePrincipalTrust } from '../shared/use-principal-trust';

export interface RoleRemoval {
  assignment: RoleAssignment;
  roleName: string;
  principal?: DirectoryPrincipal;
}

/**
 * Removing a role assignment made on a key vault. On an RBAC vault whose keys bots use, taking a role that can give
 * Get, Wrap Key or Unwrap Key from a principal that is, or may be, Bot Service CMEK Prod goes through the key guard:
 * the same rule as an access policy (a role Keyguard does not know is taken as one that gives them).
 */
export function useRoleRemoval(vault: Vault | undefined) {
  const blade = useBlade();
  const session = useSession();
  const { lookup } = usePrincipalTrust();
  const users = useVaultKeyDependents(vault);
  const [confirming, setConfirming] = useState<{ removal: RoleRemoval; guarded: AccessRemoval[] }>();
  const verdict = checkGuard(
    { kind: 'revoke-access', vaultName: vault?.name ?? blade.resourceName },
    users.uses,
    users.unknownForGuard,
    serverNow(),
  );
  const mutation = useArmMutation({
    mutationFn: (r: RoleRemoval) => roleAssignmentsDeleteById(r.assignment.id),
    describe: (r) => ({
      resourceId: blade.resourceId,
      running: `Removing ${r.roleName} from ${r.principal?.displayName ?? r.assignment.properties.principalId}`,
      done: `Removed ${r.roleName} from ${r.principal?.displayName ?? r.assignment.properties.principalId}`,
      failed: `Could not remove ${r.roleName}`,
    }),
    invalidates: () => [blade.resourceId],
  });

  const removalOf = (r: RoleRemoval): AccessRemoval => ({
    who: r.principal?.displayName ?? r.assignment.properties.principalId,
    holder: holderOf(
      { objectId: r.assignment.properties.principalId, facts: r.principal },
      cmekLookupState(lookup),
      { cloud: session.cloud.name, tenantId: session.account.tenantId },
    ),
    // Access policies, not roles, give data access on a vault in the access-policy model.
    lost:
      vault?.properties.enableRbacAuthorization === true &&
      roleMayGiveKeyUse(r.assignment.properties.roleDefinitionId)
        ? [r.roleName]
        : [],
  });

  return {
    mutation,
    verdict,
    confirming,
    /** Always confirmed; through the guard when a bot may need what the role gives. */
    request: (r: RoleRemoval) => {
      mutation.reset();
      const counting = removalsThatCount([removalOf(r)]);
      const atStake = verdict.impacts.length > 0 || verdict.unknown.length > 0;
      setConfirming({ removal: r, guarded: counting.length > 0 && atStake ? counting : [] });
    },
    confirm: () => {
      if (confirming) mutation.mutate(confirming.removal);
      setConfirming(undefined);
    },
    cancel: () => setConfirming(undefined),
  };
}
