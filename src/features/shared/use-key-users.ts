import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { serverNow } from '../../arm/server-clock';
import type { Vault } from '../../arm/types/key-vault';
import { describeError } from '../../domain/error-wording';
import { keyUsesOf, type BotKeyState, type KeyUse } from '../../domain/keys/key-uses';
import { useBotsUsingVault, type BotsUsingVault } from '../../queries/bots-using-vault';
import { botChangesQueryOptions, botKeysQueryOptions } from '../../queries/key-vault';

export interface KeyUsers {
  /** Bots that use a key of the vault now, or left one within the week. */
  uses: KeyUse[];
  /** Whose use could not be checked, in words (the guard asks for the name then too). */
  unknown: string[];
  usingBots: BotsUsingVault;
  loading: boolean;
  retry(): void;
}

/**
 * Who needs a vault's keys, for the guard: the bots that use one now (every subscription, each listed; one that
 * cannot be is named), and those that moved off one within the last seven days (Resource Graph's change records).
 */
export function useKeyUsers(vault: Vault | undefined): KeyUsers {
  const usingBots = useBotsUsingVault(vault);
  const enabled = vault !== undefined;
  const changes = useQuery({ ...botChangesQueryOptions(), enabled });
  // Needed only to name the key of a bot whose CMK was turned off this week (the change record does not carry it).
  const botKeys = useQuery({ ...botKeysQueryOptions(), enabled });
  const uses = useMemo(() => {
    const current: BotKeyState[] = usingBots.bots.map((b) => ({
      id: b.id,
      name: b.name,
      cmekEnabled: true,
      keyUrl: b.properties.cmekKeyVaultUrl,
    }));
    const others: BotKeyState[] = (botKeys.data ?? [])
      .filter((r) => !current.some((c) => c.id.toLowerCase() === r.id.toLowerCase()))
      .map((r) => ({ id: r.id, name: r.name, cmekEnabled: false, keyUrl: r.cmekKeyVaultUrl }));
    return keyUsesOf([...current, ...others], changes.data ?? [], serverNow());
  }, [usingBots.bots, botKeys.data, changes.data]);
  const unknown = [
    ...usingBots.unchecked.map((s) => `The bots of ${s} could not be listed.`),
    ...(changes.error
      ? [`Which bots moved off a key in the last week is not known: ${describeError(changes.error).message}`]
      : []),
  ];
  return {
    uses,
    unknown,
    usingBots,
    loading: usingBots.loading || changes.isLoading,
    retry: () => {
      usingBots.retry();
      void changes.refetch();
      void botKeys.refetch();
    },
  };
}
