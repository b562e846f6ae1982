import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { vaultsUpdateAccessPolicy } from '../../arm/operations/vaults';
import { serverNow } from '../../arm/server-clock';
import type { AccessPolicyEntry, Vault } from '../../arm/types/key-vault';
import { useSession } from '../../auth/session';
import {
  cmekLookupState,
  holderOf,
  lostCmekPermissions,
  removalsThatCount,
  type AccessRemoval,
} from '../../domain/keys/access-guard';
import { checkGuard } from '../../domain/keys/key-guard';
import { useBlade } from '../../portal/blade/blade-context';
import { directoryObjectsQuery } from '../../queries/directory';
import { useArmMutation } from '../../queries/use-arm-mutation';
import { useVaultKeyDependents } from '../shared/use-vault-key-dependents';
import { usePrincipalTrust } from '../shared/use-principal-trust';
import type { PolicyRow } from './policy-rows';

export type PolicyChange =
  | { kind: 'add'; entry: AccessPolicyEntry }
  | { kind: 'delete'; rows: PolicyRow[] }
  | { kind: 'replace'; before: AccessPolicyEntry; after: AccessPolicyEntry };

/** A change held by the guard, with the entries it takes Bot Service's permissions from (or may). */
export interface HeldChange {
  change: PolicyChange;
  removals: AccessRemoval[];
}

/**
 * Creating, editing and deleting access policies, with the key guard in front of each change that takes Get, Wrap Key
 * or Unwrap Key from an entry that is, or may be, Microsoft's Bot Service CMEK Prod while bots use the vault's keys
 * (or used them this week). Only an entry known to be someone else (a user, a group, another application, a
 * lookalike) passes without it: a look-up that failed or has not answered counts as Bot Service's own.
 */
export function useAccessPolicyChanges(vault: Vault | undefined, onDone: (change: PolicyChange) => void) {
  const blade = useBlade();
  const session = useSession();
  const { lookup } = usePrincipalTrust();
  const users = useVaultKeyDependents(vault);
  const ids = useMemo(
    () => [...new Set((vault?.properties.accessPolicies ?? []).map((e) => e.objectId))],
    [vault],
  );
  const principals = useQuery({ ...directoryObjectsQuery(ids), enabled: ids.length > 0 });
  const usingBots = users.usingBots;
  const verdict = checkGuard(
    { kind: 'revoke-access', vaultName: vault?.name ?? blade.resourceName },
    users.uses,
    users.unknownForGuard,
    serverNow(),
  );
  const [confirmingDelete, setConfirmingDelete] = useState<PolicyRow[]>();
  const [breakWarning, setBreakWarning] = useState<HeldChange>();
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

  const state = cmekLookupState(lookup);
  const removal = (entry: AccessPolicyEntry, after: AccessPolicyEntry | undefined): AccessRemoval => {
    const facts = principals.data?.find((x) => x.id.toLowerCase() === entry.objectId.toLowerCase());
    return {
      who: facts?.displayName ?? entry.objectId,
      holder: holderOf({ objectId: entry.objectId, tenantId: entry.tenantId, facts }, state, {
        cloud: session.cloud.name,
        tenantId: session.account.tenantId,
      }),
      lost: lostCmekPermissions(entry, after),
    };
  };
  const removalsOf = (p: PolicyChange): AccessRemoval[] =>
    p.kind === 'delete'
      ? p.rows.map((r) => removal(r.entry, undefined))
      : p.kind === 'replace'
        ? [removal(p.before, p.after)]
        : [];

  /** Deletions are confirmed; a change that may stop bots goes through the revoke warning first. */
  const request = (p: PolicyChange) => {
    const counting = removalsThatCount(removalsOf(p));
    if (counting.length > 0 && (verdict.impacts.length > 0 || verdict.unknown.length > 0))
      setBreakWarning({ change: p, removals: counting });
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
      if (breakWarning) mutation.mutate(breakWarning.change);
      setBreakWarning(undefined);
    },
    cancelBreak: () => setBreakWarning(undefined),
  };
}
