import type { CloudName } from '../../arm/clouds';
import type { CmkBotRow, CmkVaultRow } from '../../arm/types/cmk';
import type { Key, Vault } from '../../arm/types/key-vault';
import type { DiagnosticSettingsResource } from '../../arm/types/monitor';
import type { Provider, RoleAssignment, Subscription } from '../../arm/types/resources';
import type { CmekPrincipalLookup, ServicePrincipalFacts } from '../bot-service-principal';
import type { VersionedKeyUrl } from '../key-url';
import type { KeyDependent } from '../keys/key-dependents';
import { evaluateReadiness } from '../readiness/evaluate';
import type { Read, ReadinessCheck, ReadinessInput } from '../readiness/types';
import { isBare, lower, perKeyFacts } from './key-facts';
import { cmkRow, type CmkRow } from './posture';

/**
 * Reads of one kind, each named by a key (a subscription, a vault id or `{vault}/{key}`, lower case).
 * @internal Exported for its unit tests.
 */
export interface ReadsByName<T> {
  get(name: string): Read<T>;
}

/**
 * What ARM and the directory answered beyond Resource Graph, and Azure's now that expiry is judged by.
 * @internal Exported for its unit tests.
 */
export interface CmkAnswers {
  /** Microsoft.BotService's registration, by subscription. */
  providers: ReadsByName<Provider>;
  /** Vaults whose Resource Graph row lacks their access policies, read from ARM, by vault id. */
  armVaults: ReadsByName<Vault>;
  /** RBAC vaults' role assignments, by vault id. */
  roles: ReadsByName<RoleAssignment[]>;
  diagnostics: ReadsByName<DiagnosticSettingsResource[]>;
  /** Each key's versions, by `{vault}/{key}`. */
  keyLists: ReadsByName<Key[]>;
  principalRead: Read<CmekPrincipalLookup>;
  granteesRead: Read<ServicePrincipalFacts[]>;
  nowMs: number;
}

export interface CmkAssessmentInput {
  cloud: CloudName;
  bots: readonly CmkBotRow[];
  /** Each bot's key by bot id (undefined: none, or not a versioned URL). */
  keys: ReadonlyMap<string, VersionedKeyUrl | undefined>;
  /** The vault a key lives in, from the vaults listed. */
  vaultOf(key: VersionedKeyUrl): CmkVaultRow | undefined;
  /** The vaults' listing: done, still running, or why it failed. */
  vaultsListed: 'listed' | 'pending' | { error: string };
  subscriptions: readonly Subscription[];
  /** Which bots used which key this week (the change records), and why they could not be read. */
  uses: readonly KeyDependent[];
  historyError?: string;
  answers: CmkAnswers;
}

/**
 * Every bot's posture row: the same readiness rules as its own blade, fed from the tenant-wide reads. Every fact behind
 * the checks belongs to the key and its vault, bar the bot's tenant, so bots that share both share one evaluation (at
 * tenant scale, thousands of bots on a few dozen keys).
 */
export function assessCmk(i: CmkAssessmentInput): CmkRow[] {
  const { providers, armVaults, roles, diagnostics, keyLists, principalRead, granteesRead, nowMs } =
    i.answers;
  const subscriptionNames = new Map(i.subscriptions.map((s) => [lower(s.subscriptionId), s.displayName]));
  const usesByBot = new Map<string, KeyDependent[]>();
  for (const u of i.uses) usesByBot.set(lower(u.botId), [...(usesByBot.get(lower(u.botId)) ?? []), u]);
  const checked = new Map<string, ReadinessCheck[]>();
  const checksOf = (tenantId: string, key: VersionedKeyUrl, input: () => ReadinessInput) => {
    const k = `${lower(tenantId)}|${lower(key.href)}`;
    let c = checked.get(k);
    if (!c) checked.set(k, (c = evaluateReadiness(input())));
    return c;
  };
  // Not yet listed, the list failed, or listed without it: only the last is "not visible to you".
  const unseen = (k: VersionedKeyUrl): Read<never> =>
    i.vaultsListed === 'pending'
      ? undefined
      : i.vaultsListed === 'listed'
        ? { error: `No key vault named “${k.vaultName}” is visible to you, so it could not be checked.` }
        : { error: `The key vaults could not be listed: ${i.vaultsListed.error}` };
  const factsOf = perKeyFacts(
    (k) =>
      i.vaultOf(k)
        ? { list: keyLists.get(`${lower(k.vaultName)}/${lower(k.keyName)}`) }
        : { unseen: unseen(k) },
    nowMs,
  );
  const readinessOf = (bot: CmkBotRow, key: VersionedKeyUrl, vault: CmkVaultRow | undefined) => {
    const vaultRead: Read<Vault> = vault
      ? isBare(vault)
        ? armVaults.get(lower(vault.id))
        : { value: vault }
      : unseen(key);
    const rbac = vaultRead && 'value' in vaultRead && vaultRead.value.properties.enableRbacAuthorization;
    return {
      cloud: i.cloud,
      botTenantId: bot.tenantId,
      vaultId: vault?.id,
      vault: vaultRead,
      provider: vault ? providers.get(lower(vault.subscriptionId)) : unseen(key),
      cmekPrincipal: principalRead,
      roleAssignments: vault && rbac ? roles.get(lower(vault.id)) : { value: [] },
      otherGrantees: granteesRead,
      keyVersion: factsOf(key).read,
      // Only bots with customer-managed keys on have a key here: they use it now.
      keyInUse: true,
      keyVersions: factsOf(key).list,
      diagnosticSettings: vault ? diagnostics.get(lower(vault.id)) : unseen(key),
      nowMs,
    };
  };
  return i.bots.map((bot) => {
    const key = i.keys.get(bot.id);
    const vault = key ? i.vaultOf(key) : undefined;
    const left = (usesByBot.get(lower(bot.id)) ?? []).filter((u) => !u.current);
    return cmkRow({
      bot,
      key,
      subscriptionName: subscriptionNames.get(lower(bot.subscriptionId)) ?? bot.subscriptionId,
      nowMs,
      left: left.map((use) => ({ use, read: factsOf(use.key).read })),
      historyError: i.historyError,
      newer: key && factsOf(key).newer,
      vaultId: vault?.id,
      checks: key && checksOf(bot.tenantId, key, () => readinessOf(bot, key, vault)),
    });
  });
}
