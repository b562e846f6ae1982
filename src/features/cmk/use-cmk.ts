import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { serverNow } from '../../arm/server-clock';
import type { CmkVaultRow } from '../../arm/types/cmk';
import { useSession } from '../../auth/session';
import { describeError } from '../../domain/error-wording';
import { grantableCmekObjectId, type ServicePrincipalFacts } from '../../domain/bot-service-principal';
import { cmekGranteeIds } from '../../domain/readiness/permission-check';
import { assessCmk } from '../../domain/cmk/assess';
import { subscriptionById } from '../../domain/subscription-by-id';
import type { CmkRow } from '../../domain/cmk/posture';
import type { Read } from '../../domain/readiness/types';
import type { Vault } from '../../arm/types/key-vault';
import { cmekPrincipalQuery } from '../../queries/cmek-principal';
import { directoryObjectsQuery } from '../../queries/directory';
import { cmkBotsFirstPageOptions, cmkBotsQueryOptions, cmkVaultsQueryOptions } from '../../queries/cmk';
import { useKeyDependents, type KeyDependents } from '../../queries/key-dependents';
import { subscriptionsQuery } from '../../queries/resources';
import { useSubscriptionScope } from '../../queries/subscription-scope';
import { read } from '../shared/read-of';
import { useReads, type Reads } from './use-reads';
import type { Key } from '../../arm/types/key-vault';
import { lower } from '../../domain/cmk/key-facts';
import { keysOfBots, riskReads, riskReadTargets, roleReads, vaultsByHost } from './risk-reads';
import { useThrottled } from './use-throttled';

export interface Cmk {
  rows: CmkRow[];
  /** Each key's versions as read for the risks, by `{vault}/{key}` in lower case. */
  keyLists: Reads<Key[]>;
  /** The time the risks were judged at (it moves with the answers, not with every render). */
  nowMs: number;
  /** The bots are listed (risks may still be filling in). */
  listed: boolean;
  /** The first page of bots shown while the others come. */
  preview?: { shown: number; total: number };
  /** Reads behind the risk column still running. */
  checking: number;
  error: unknown;
  /** Which bots depend on which key, across the tenant (shared with the Keys blades and the guard). */
  keyDependents: KeyDependents;
  /** The subscriptions that hold the bots listed. */
  botSubscriptions: string[];
  /** A subscription's display name by id (its id when not known). */
  subscriptionName(id: string): string;
  /** Microsoft's Bot Service CMEK Prod in this tenant, for the fixes' commands. */
  principalObjectId?: string;
  retry(): void;
  /** Reads everything again (after a fix made elsewhere). */
  refresh(): void;
}

/**
 * Every bot's customer-managed-key posture in the selected subscriptions: the bots and vaults from Resource Graph,
 * then what it cannot answer (key attributes, provider registration, diagnostic settings, roles) a few at a time, each
 * read once for all the bots that share it. Each bot is judged by the same rules as its own readiness blade.
 */
export function useCmk(): Cmk {
  const session = useSession();
  const subs = useQuery(subscriptionsQuery());
  const { scope } = useSubscriptionScope();
  const bots = useQuery({ ...cmkBotsQueryOptions(scope ?? []), enabled: scope !== undefined });
  // While the other pages come, the first is shown; every count and check waits for the whole list.
  const preview = useQuery({ ...cmkBotsFirstPageOptions(scope ?? []), enabled: scope !== undefined });
  const botRows = bots.data ?? (bots.isFetching ? preview.data?.rows : undefined);
  // A bot's vault may live in a subscription the filter hides: vaults are read across the tenant.
  const vaults = useQuery(cmkVaultsQueryOptions('tenant'));
  const principal = useQuery(cmekPrincipalQuery(session.cloud, session.account.tenantId));
  const cloud = session.cloud.name;

  const map = useKeyDependents();
  const uses = map.uses;
  // Each bot's key parsed once per answer, not once per row rebuild.
  const keys = useMemo(() => keysOfBots(botRows ?? []), [botRows]);
  const vaultOf = useMemo(() => vaultsByHost(vaults.data ?? []), [vaults.data]);
  // The same reads the page's start-up began (risk-reads.ts), and the keys bots left this week.
  const targets = useMemo(
    () =>
      riskReadTargets(
        uses.map((u) => u.key),
        vaultOf,
      ),
    [uses, vaultOf],
  );
  const usedVaults = targets.vaults;
  const reads = useMemo(() => riskReads(targets), [targets]);
  const providers = useReads(reads.providers);
  const armVaults = useReads(reads.armVaults);
  const vaultFacts = (v: CmkVaultRow): Vault => {
    const fromArm = armVaults.get(lower(v.id));
    return fromArm && 'value' in fromArm ? fromArm.value : v;
  };
  // The permission model as the vault itself says, where it was read (Resource Graph's row may lack or lag it).
  const roles = useReads(
    roleReads(usedVaults.filter((v) => vaultFacts(v).properties.enableRbacAuthorization === true)),
  );
  const diagnostics = useReads(reads.diagnostics);
  const keyLists = useReads(reads.keyLists);

  const principalObjectId = grantableCmekObjectId(principal.data);
  const granteeIds = [
    ...new Set(
      usedVaults.flatMap((v) => {
        const r = roles.get(lower(v.id));
        return cmekGranteeIds(vaultFacts(v), r && 'value' in r ? r.value : undefined, principalObjectId);
      }),
    ),
  ].sort();
  const grantees = useQuery({ ...directoryObjectsQuery(granteeIds), enabled: granteeIds.length > 0 });

  const live = useMemo(
    () => ({
      providers,
      armVaults,
      roles,
      diagnostics,
      keyLists,
      principalRead: read(principal, true, ''),
      granteesRead: granteeIds.length ? read(grantees, true, '') : noneNeeded,
      // The time the rules judge expiry by moves with the answers, not with every render.
      nowMs: serverNow(),
    }),
    // The reads objects are new only when one of their answers is.
    [
      providers,
      armVaults,
      roles,
      diagnostics,
      keyLists,
      principal.data,
      principal.error,
      grantees.data,
      grantees.error,
      granteeIds.length,
    ],
  );
  const readsRunning =
    providers.running + armVaults.running + roles.running + diagnostics.running + keyLists.running;
  // Held back while answers pour in; the last one passes at once (holding it only delayed the finished table).
  // 400 ms, not 200: each pass re-judges every bot on the main thread, which also relays the demo's answers
  // (interleaved A/B on `large`, 10 runs: every risk in 1,925 -> 1,728 ms, with cmk-fired-alerts' parse below).
  const answers = useThrottled(live, readsRunning > 0 ? 400 : 0);
  const rows = useMemo(
    () =>
      assessCmk({
        cloud,
        bots: botRows ?? [],
        keys,
        vaultOf,
        vaultsListed: vaults.error
          ? { error: describeError(vaults.error).message }
          : vaults.data
            ? 'listed'
            : 'pending',
        subscriptions: subs.data ?? [],
        uses,
        historyError: map.changesError ? describeError(map.changesError).message : undefined,
        answers,
      }),
    [botRows, keys, subs.data, uses, vaults.data, vaults.error, map.changesError, vaultOf, answers, cloud],
  );
  // Stable while the names are: the bulk plans are worked out again only when it changes.
  const subscriptionName = useCallback(
    (id: string) => subscriptionById(subs.data, id)?.displayName ?? id,
    [subs.data],
  );
  const botSubscriptions = useMemo(
    () => [...new Set((bots.data ?? []).map((b) => lower(b.subscriptionId)))].sort(),
    [bots.data],
  );
  const checking = readsRunning + (answers !== live ? 1 : 0);
  return {
    rows,
    keyLists,
    nowMs: answers.nowMs,
    keyDependents: map,
    botSubscriptions,
    subscriptionName,
    listed: bots.isSuccess && subs.isSuccess,
    preview: !bots.data && botRows ? { shown: botRows.length, total: preview.data?.total ?? 0 } : undefined,
    principalObjectId,
    checking:
      checking +
      [bots, vaults, principal].filter((q) => q.isFetching).length +
      (map.fetching ? 1 : 0) +
      (granteeIds.length && grantees.isFetching ? 1 : 0),
    error: bots.error ?? subs.error,
    retry: () => {
      for (const q of [subs, bots, vaults, principal, grantees]) if (q.isError) void q.refetch();
      if (map.changesError || map.botsError) map.retry();
      for (const r of [providers, armVaults, roles, diagnostics, keyLists]) r.refetchFailed();
    },
    refresh: () => {
      for (const q of [subs, bots, vaults, principal]) void q.refetch();
      map.retry();
      if (granteeIds.length) void grantees.refetch();
      for (const r of [providers, armVaults, roles, diagnostics, keyLists]) r.refetchAll();
    },
  };
}

const noneNeeded: Read<ServicePrincipalFacts[]> = { value: [] };
