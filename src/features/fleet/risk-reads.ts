import type { QueryClient } from '@tanstack/react-query';
import type { FleetBotRow, FleetVaultRow } from '../../arm/types/fleet';
import { versionedKeyUrlOf, type VersionedKeyUrl } from '../../domain/key-url';
import { diagnosticSettingsQuery } from '../../queries/diagnostics';
import { oneOfMany } from '../../queries/fleet';
import { keyVersionsQuery, providerQuery, roleAssignmentsQuery, vaultQuery } from '../../queries/resources';
import { hostOf, isBare, lower } from './fleet-facts';

export interface RiskReadTargets {
  /** The vaults behind the keys, once each. */
  vaults: FleetVaultRow[];
  /** Their subscriptions (lower case): Microsoft.BotService's registration is read once per subscription. */
  subscriptions: string[];
  /** Each key once (its versions carry every version's attributes), named `{vault}/{key}` in lower case. */
  keys: { name: string; vaultId: string; keyName: string }[];
}

/** What must be read from ARM, beyond Resource Graph, to judge these keys: one read per vault, subscription and key. */
export function riskReadTargets(
  keys: VersionedKeyUrl[],
  vaultOf: (k: VersionedKeyUrl) => FleetVaultRow | undefined,
): RiskReadTargets {
  const vaults = new Map<string, FleetVaultRow>();
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
export function vaultsByHost(vaults: FleetVaultRow[]): (k: VersionedKeyUrl) => FleetVaultRow | undefined {
  const byHost = new Map(vaults.map((v) => [hostOf(v.properties.vaultUri), v]));
  return (k) => byHost.get(k.vaultUrl.slice('https://'.length));
}

/**
 * Starts the page's reads for the bots' current keys as soon as the bots and vaults are listed, before the page's first
 * render (which, at tenant scale, takes a fifth of a second): the page's own queries, same keys and same queue, then
 * find them answered or in flight. The keys bots left this week come with the page, once the change records are read.
 */
export function startRiskReads(client: QueryClient, bots: FleetBotRow[], vaults: FleetVaultRow[]): void {
  const parsed = new Map<string, VersionedKeyUrl | undefined>();
  for (const b of bots)
    if (b.isCmekEnabled && b.cmekKeyVaultUrl && !parsed.has(b.cmekKeyVaultUrl))
      parsed.set(b.cmekKeyVaultUrl, versionedKeyUrlOf(b.cmekKeyVaultUrl));
  const keys = [...parsed.values()].filter((k) => k !== undefined);
  const t = riskReadTargets(keys, vaultsByHost(vaults));
  // In the order the page asks for them: the queue answers first come, first served.
  for (const s of t.subscriptions)
    void client.prefetchQuery(oneOfMany(providerQuery(s, 'Microsoft.BotService')));
  for (const v of t.vaults.filter(isBare)) void client.prefetchQuery(oneOfMany(vaultQuery(v.id)));
  for (const v of t.vaults.filter((x) => x.properties.enableRbacAuthorization === true))
    void client.prefetchQuery(oneOfMany(roleAssignmentsQuery(v.id)));
  for (const v of t.vaults) void client.prefetchQuery(oneOfMany(diagnosticSettingsQuery(v.id)));
  for (const k of t.keys) void client.prefetchQuery(oneOfMany(keyVersionsQuery(k.vaultId, k.keyName)));
}
