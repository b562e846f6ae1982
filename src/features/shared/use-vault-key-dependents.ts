import { useMemo } from 'react';
import { serverNow } from '../../arm/server-clock';
import type { Vault } from '../../arm/types/key-vault';
import { describeError } from '../../domain/error-wording';
import { keyDependentsOf, type BotKeyState, type KeyDependent } from '../../domain/keys/key-dependents';
import { useBotsUsingVault, type BotsUsingVault } from '../../queries/bots-using-vault';
import { useKeyDependents } from '../../queries/key-dependents';

export interface VaultKeyDependents {
  /** Bots that use a key of the vault now, or left one within the week. */
  uses: KeyDependent[];
  /** Whose use could not be checked, in words. */
  unknown: string[];
  /** What the guard counts as unknown: the above, and the lists while they are still being read. */
  unknownForGuard: string[];
  usingBots: BotsUsingVault;
  loading: boolean;
  retry(): void;
}

/**
 * Who needs a vault's keys, for the Keys blades and the guard: the tenant's key dependents (useKeyDependents, the same the
 * Customer-managed keys page reads), with each subscription's bots listed from ARM on top. Resource Graph can lag
 * behind ARM by minutes, and a bot moved onto a key a moment ago must not be missed by a guard.
 */
export function useVaultKeyDependents(vault: Vault | undefined): VaultKeyDependents {
  const usingBots = useBotsUsingVault(vault);
  const map = useKeyDependents(vault !== undefined);
  const uses = useMemo(() => {
    const fresh: BotKeyState[] = usingBots.bots.map((b) => ({
      id: b.id,
      name: b.name,
      cmekEnabled: true,
      keyUrl: b.properties.cmekKeyVaultUrl,
    }));
    const fromGraph: BotKeyState[] = (map.bots ?? [])
      .filter((r) => !fresh.some((c) => c.id.toLowerCase() === r.id.toLowerCase()))
      .map((r) => ({
        id: r.id,
        name: r.name,
        cmekEnabled: r.isCmekEnabled === true,
        keyUrl: r.cmekKeyVaultUrl,
      }));
    return keyDependentsOf([...fresh, ...fromGraph], map.changes ?? [], serverNow());
  }, [usingBots.bots, map.bots, map.changes]);
  const loading = usingBots.loading || map.loading;
  const unknown = [
    ...usingBots.unchecked.map((s) => `The bots of ${s} could not be listed.`),
    ...(map.botsError
      ? [
          `Bots whose customer-managed keys were turned off this week may be missing: ${describeError(map.botsError).message}`,
        ]
      : []),
    ...(map.changesError
      ? [
          `Which bots moved off a key in the last week is not known: ${describeError(map.changesError).message}`,
        ]
      : []),
  ];
  return {
    uses,
    unknown,
    // A guard asked while the lists are still being read does not pass: it counts them as unknown.
    unknownForGuard: loading
      ? ['Which bots use this vault’s keys is still being read.', ...unknown]
      : unknown,
    usingBots,
    loading,
    retry: () => {
      usingBots.retry();
      map.retry();
    },
  };
}
