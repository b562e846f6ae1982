import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { vaultsUpdate } from '../../arm/operations/vaults';
import { serverNow } from '../../arm/server-clock';
import type { Vault } from '../../arm/types/key-vault';
import { checkGuard } from '../../domain/keys/key-guard';
import { useBlade } from '../../portal/blade/blade-context';
import { vaultQuery } from '../../queries/resources';
import { useArmMutation } from '../../queries/use-arm-mutation';
import { writeIfUnchanged } from '../../queries/write-if-unchanged';
import { useVaultKeyDependents } from '../shared/use-vault-key-dependents';
import {
  blocksBotService,
  networkingFormFromVault,
  networkingPatch,
  type NetworkingForm,
} from './networking-form';
import { settingsSaveKey } from '../../portal/form/use-settings-form';

interface SaveRequest {
  form: NetworkingForm;
  from: NetworkingForm;
  fix?: boolean;
}

/**
 * Saving the firewall, with the key guard in front of a change that shuts Azure Bot Service out while bots use the
 * vault's keys (or used them this week), and nothing written when a colleague changed the networking meanwhile.
 */
export function useNetworkingSave(
  vault: Vault | undefined,
  onSaved: (saved: Vault, sent: NetworkingForm) => void,
) {
  const blade = useBlade();
  const queryClient = useQueryClient();
  const users = useVaultKeyDependents(vault);
  const [guarding, setGuarding] = useState<SaveRequest>();
  const save = useArmMutation({
    mutationKey: settingsSaveKey(blade.resourceId),
    mutationFn: ({ form, from }: SaveRequest) =>
      writeIfUnchanged({
        queryClient,
        query: vaultQuery(blade.resourceId),
        toForm: networkingFormFromVault,
        base: from,
        what: `the networking of ${blade.resourceName}`,
        write: () => vaultsUpdate(blade.resourceId, networkingPatch(form)),
      }),
    describe: ({ fix }) => ({
      resourceId: blade.resourceId,
      running: fix
        ? `Allowing trusted Microsoft services on ${blade.resourceName}`
        : `Saving networking of ${blade.resourceName}`,
      done: `Saved networking of ${blade.resourceName}`,
      failed: `Could not save networking of ${blade.resourceName}`,
    }),
    invalidates: () => [blade.resourceId],
    onSuccess: (saved, r) => {
      queryClient.setQueryData(vaultQuery(blade.resourceId).queryKey, saved);
      // A fix is offered only while the form is unedited: the user's form then was the one it started from.
      onSaved(saved, r.fix ? r.from : r.form);
    },
  });
  const verdict = checkGuard(
    { kind: 'close-firewall', vaultName: vault?.name ?? blade.resourceName },
    users.uses,
    users.unknownForGuard,
    serverNow(),
  );
  return {
    save,
    verdict,
    guarding: guarding !== undefined,
    request: (r: SaveRequest) => {
      save.reset();
      const shutsOut = blocksBotService(r.form) && !blocksBotService(r.from);
      if (shutsOut && (verdict.impacts.length > 0 || verdict.unknown.length > 0)) setGuarding(r);
      else save.mutate(r);
    },
    confirmGuard: () => {
      if (guarding) save.mutate(guarding);
      setGuarding(undefined);
    },
    cancelGuard: () => setGuarding(undefined),
  };
}
