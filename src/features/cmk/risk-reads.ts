import type { QueryClient } from '@tanstack/react-query';
import type { CmkBotRow, CmkVaultRow } from '../../arm/types/cmk';
import { versionedKeyUrlOf, type VersionedKeyUrl } from '../../domain/key-url';
import { diagnosticSettingsQuery } from '../../queries/diagnostics';
import { oneOfMany } from '../../queries/cmk';
import { keyVersionsQuery, providerQuery, roleAssignmentsQuery, vaultQuery } from '../../queries/resources';
import { hostOf, isBare, lower } from '../../domain/cmk/key-facts';

export interface RiskReadTargets {
  /** The vaults behind the keys, once each. */
  vaults: CmkVaultRow[];
  /** Their subscriptions (lower case): Microsoft.BotService's registration is read once per subscription. */
  subscriptions: string[];
  /** Each key once (its versions carry every version's attributes), named `{vault}/{key}` in lower case. */
  keys: { name: string; vaultId: string; keyName: string }[];
}

/** What must be read from ARM, beyond Resource Graph, to judge these keys: one read per vault, subscription and key. */
export function riskReadTargets(
  keys: VersionedKeyUrl[],
  vaultOf: (k: VersionedKeyUrl) => CmkVaultRow | undefined,
): RiskReadTargets {
  const vaults = new Map<string, CmkVaultRow>();
  const perKey = new Map<string, RiskReadTargets['keys'][number]>();
  for (const k of keys) {
    const v = vaultOf(k);
    if (!v) continue;
    vaults.set(lower(v.id), v);
    const name = `${lower(k.vaultName)}/${lower(k.keyName)}`;
    if (!perKey.has(name)) perKey.set(name, { name, vaultId: v.id, keyName: k.keyName });
  }
  const used = [...vaults.values()];
  return {
    vaults: used,
    subscriptions: [...new Set(used.map((v) => lower(v.subscriptionId)))],
    keys: [...perKey.values()],
  };
}

/** A vault's row by the host of a key URL (a parsed key's vaultUrl is already `https://{lower-case host}`). */
export function vaultsByHost(vaults: CmkVaultRow[]): (k: VersionedKeyUrl) => CmkVaultRow | undefined {
  const byHost = new Map(vaults.map((v) => [hostOf(v.properties.vaultUri), v]));
  return (k) => byHost.get(k.vaultUrl.slice('https://'.length));
}

/** Each bot's key by bot id, each distinct URL parsed once: thousands of bots share a few hundred keys. */
export function keysOfBots(bots: CmkBotRow[]): Map<string, VersionedKeyUrl | undefined> {
  const parsed = new Map<string, VersionedKeyUrl | undefined>();
  const parse = (raw: string) => {
    if (!parsed.has(raw)) parsed.set(raw, versionedKeyUrlOf(raw));
    return parsed.get(raw);
  };
  return new Map(
    bots.map((b) => [b.id, b.isCmekEnabled && b.cmekKeyVaultUrl ? parse(b.cmekKeyVaultUrl) : undefined]),
  );
}

/**
 * The queries behind the targets, each named by its key in the page's answers. The role assignments are not here:
 * which vaults need them depends on the vaults' own answers (`roleReads`).
 */
export function riskReads(t: RiskReadTargets) {
  return {
    providers: t.subscriptions.map((sub) => ({
      key: sub,
      options: providerQuery(sub, 'Microsoft.BotService'),
    })),
    // Resource Graph's access policies are unconfirmed: a vault whose row lacks them is read from ARM.
    armVaults: t.vaults.filter(isBare).map((v) => ({ key: lower(v.id), options: vaultQuery(v.id) })),
    diagnostics: t.vaults.map((v) => ({ key: lower(v.id), options: diagnosticSettingsQuery(v.id) })),
    keyLists: t.keys.map((k) => ({ key: k.name, options: keyVersionsQuery(k.vaultId, k.keyName) })),
  };
}

/** The role assignments of RBAC vaults (Key Vault Crypto Service Encryption User instead of an access policy). */
export const roleReads = (rbacVaults: CmkVaultRow[]) =>
  rbacVaults.map((v) => ({ key: lower(v.id), options: roleAssignmentsQuery(v.id) }));

/**
 * Starts the page's reads for the bots' current keys as soon as the bots and vaults are listed, before the page's first
 * render (which, at tenant scale, takes a fifth of a second): the page's own queries, same keys and same queue, then
 * find them answered or in flight. The keys bots left this week come with the page, once the change records are read.
 */
export function startRiskReads(client: QueryClient, bots: CmkBotRow[], vaults: CmkVaultRow[]): void {
  const keys = [...keysOfBots(bots).values()].filter((k) => k !== undefined);
  const t = riskReadTargets(keys, vaultsByHost(vaults));
  const reads = riskReads(t);
  // In the order the page asks for them: the queue answers first come, first served.
  for (const r of reads.providers) void client.prefetchQuery(oneOfMany(r.options));
  for (const r of reads.armVaults) void client.prefetchQuery(oneOfMany(r.options));
  for (const r of roleReads(t.vaults.filter((v) => v.properties.enableRbacAuthorization === true)))
    void client.prefetchQuery(oneOfMany(r.options));
  for (const r of reads.diagnostics) void client.prefetchQuery(oneOfMany(r.options));
  for (const r of reads.keyLists) void client.prefetchQuery(oneOfMany(r.options));
}
