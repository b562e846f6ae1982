import { useState } from 'react';
import { vaultsUpdateAccessPolicy } from '../../arm/operations/vaults';
import type { AccessPolicyEntry, Vault } from '../../arm/types/key-vault';
import { removesCmekAccess } from '../../domain/cmek';
import { useBlade } from '../../portal/blade/blade-context';
import { serverNow } from '../../arm/server-clock';
import { checkGuard } from '../../domain/keys/key-guard';
import { useKeyUsers } from '../shared/use-key-users';
import { useArmMutation } from '../../queries/use-arm-mutation';
import { usePrincipalTrust } from '../shared/use-principal-trust';
import type { PolicyRow } from './policy-rows';

export type PolicyChange =
  | { kind: 'add'; entry: AccessPolicyEntry }
  | { kind: 'delete'; rows: PolicyRow[] }
  | { kind: 'replace'; before: AccessPolicyEntry; after: AccessPolicyEntry };

/**
 * Creating, editing and deleting access policies, with the key guard in front of each change that takes Get, Wrap Key
 * or Unwrap Key from Microsoft's Bot Service CMEK Prod while bots use the vault's keys, or used them this week (a
 * lookalike's access never counts, so changing it never warns).
 */
export function useAccessPolicyChanges(vault: Vault | undefined, onDone: (change: PolicyChange) => void) {
  const blade = useBlade();
  const { trustOf } = usePrincipalTrust();
  const users = useKeyUsers(vault);
  const usingBots = users.usingBots;
  const verdict = checkGuard(
    { kind: 'revoke-access', vaultName: vault?.name ?? blade.resourceName },
    users.uses,
    users.unknown,
    serverNow(),
  );
  const [confirmingDelete, setConfirmingDelete] = useState<PolicyRow[]>();
  const [breakWarning, setBreakWarning] = useState<PolicyChange>();
  const name = blade.resourceName;
  const mutation = useArmMutation({
    mutationFn: (p: PolicyChange) =>
      p.kind === 'add'
        ? vaultsUpdateAccessPolicy(blade.resourceId, 'add', [p.entry])
        : p.kind === 'delete'
          ? vaultsUpdateAccessPolicy(
              blade.resourceId,
              'remove',
              p.rows.map((r) => r.entry),
            )
          : vaultsUpdateAccessPolicy(blade.resourceId, 'replace', [p.after]),
    describe: (p) => ({
      resourceId: blade.resourceId,
      running:
        p.kind === 'add'
          ? `Creating an access policy on ${name}`
          : p.kind === 'delete'
            ? `Deleting access policies on ${name}`
            : `Updating an access policy on ${name}`,
      done:
        p.kind === 'add'
          ? `Created an access policy on ${name}`
          : p.kind === 'delete'
            ? `Deleted ${p.rows.length} access polic${p.rows.length === 1 ? 'y' : 'ies'} on ${name}`
            : `Updated the access policy on ${name}`,
      failed:
        p.kind === 'add'
          ? `Could not create the access policy on ${name}`
          : p.kind === 'delete'
            ? `Could not delete access policies on ${name}`
            : `Could not update the access policy on ${name}`,
    }),
    invalidates: () => [blade.resourceId],
    onSuccess: (_, change) => onDone(change),
  });

  const isGenuine = (e: AccessPolicyEntry) => trustOf({ id: e.objectId }) === 'genuine';
  const breaks = (p: PolicyChange) =>
    p.kind === 'delete'
      ? p.rows.some((r) => isGenuine(r.entry) && removesCmekAccess(r.entry, undefined))
      : p.kind === 'replace' && isGenuine(p.before) && removesCmekAccess(p.before, p.after);

  /** Deletions are confirmed; a change that breaks bots goes through the revoke warning first. */
  const request = (p: PolicyChange) => {
    if (breaks(p) && (verdict.impacts.length > 0 || verdict.unknown.length > 0)) setBreakWarning(p);
    else if (p.kind === 'delete') setConfirmingDelete(p.rows);
    else mutation.mutate(p);
  };
  return {
    request,
    mutation,
    usingBots,
    verdict,
    confirmingDelete,
    breakWarning,
    confirmDelete: () => {
      if (confirmingDelete) mutation.mutate({ kind: 'delete', rows: confirmingDelete });
      setConfirmingDelete(undefined);
    },
    cancelDelete: () => setConfirmingDelete(undefined),
    confirmBreak: () => {
      if (breakWarning) mutation.mutate(breakWarning);
      setBreakWarning(undefined);
    },
    cancelBreak: () => setBreakWarning(undefined),
  };
}
