import { assumptions } from '../store/assumptions';
import type { TwinAuditRow, TwinBot, TwinVault } from '../store/model';
import type { World } from '../store/world';
import { keysInUse } from './bot-cmek';
import { botTenantOf, evaluateBotKeyAccess } from './bot-key-access';

const hour = assumptions.keyUse.unwrapEveryMs;
const day = 24 * 60 * 60 * 1000;

interface Sink {
  workspaceId: string;
  table: TwinAuditRow['table'];
}

/** Where each vault's AuditEvent log goes: the workspaces of its diagnostic settings, by lower-cased vault id. */
function auditSinks(world: World): Map<string, Sink[]> {
  const sinks = new Map<string, Sink[]>();
  for (const s of world.diagnosticSettings.values()) {
    const p = s.properties;
    const audit = (p.logs ?? []).some(
      (l) =>
        l.enabled &&
        (l.category === 'AuditEvent' || ['audit', 'alllogs'].includes((l.categoryGroup ?? '').toLowerCase())),
    );
    if (!audit || !p.workspaceId || !world.workspaces.get(p.workspaceId)) continue;
    const list = sinks.get(s.resourceId.toLowerCase()) ?? [];
    list.push({
      workspaceId: p.workspaceId,
      table:
        (p.logAnalyticsDestinationType ?? '').toLowerCase() === 'dedicated'
          ? 'AZKVAuditLogs'
          : 'AzureDiagnostics',
    });
    sinks.set(s.resourceId.toLowerCase(), list);
  }
  return sinks;
}

type Outcome = Pick<
  TwinAuditRow,
  'status' | 'signature' | 'addressAuthorized' | 'accessPolicyMatch' | 'rbacAuthorized'
>;

/** What Key Vault logs for Bot Service's call on this key, or nothing when the call never reaches the vault. */
function outcomeOf(
  world: World,
  botTenantId: string,
  keyUrl: string,
  vault: TwinVault,
  at: number,
  operation: TwinAuditRow['operation'],
): Outcome | undefined {
  const access = evaluateBotKeyAccess(
    world,
    botTenantId,
    keyUrl,
    at,
    operation === 'KeyWrap' ? 'wrap' : 'unwrap',
  );
  const rbac = vault.enableRbacAuthorization;
  const allowed = { addressAuthorized: true, accessPolicyMatch: !rbac, rbacAuthorized: rbac };
  if (access.ok) return { status: 200, signature: 'OK', ...allowed };
  switch (access.code) {
    case 'KeyVaultFirewallBlocked':
      return {
        status: 403,
        signature: 'Forbidden',
        addressAuthorized: false,
        accessPolicyMatch: false,
        rbacAuthorized: false,
      };
    case 'KeyVaultAccessForbidden':
      return {
        status: 403,
        signature: 'Forbidden',
        addressAuthorized: true,
        accessPolicyMatch: false,
        rbacAuthorized: false,
      };
    case 'KeyDisabled':
    case 'KeyExpired':
    case 'KeyNotYetValid':
    case 'KeyOperationNotPermitted':
    case 'KeyTypeNotSupported':
      return { status: 403, signature: 'Forbidden', ...allowed };
    case 'KeyNotFound':
      return { status: 404, signature: 'NotFound', ...allowed };
    default:
      return undefined;
  }
}

/**
 * What one catch-up has worked out already: bots on one key, in one tenant, at one time get one answer from Key Vault,
 * and at tenant scale thousands of bots share a few dozen keys.
 */
interface Memo {
  vaults: Map<string, TwinVault | undefined>;
  outcomes: Map<string, Outcome | undefined>;
}

const newMemo = (): Memo => ({ vaults: new Map(), outcomes: new Map() });

function logCalls(
  world: World,
  sinks: Map<string, Sink[]>,
  bot: TwinBot,
  keyUrl: string,
  operation: TwinAuditRow['operation'],
  at: number,
  calls: number,
  memo: Memo = newMemo(),
): void {
  if (!memo.vaults.has(keyUrl)) {
    let origin: string | undefined;
    try {
      origin = new URL(keyUrl).origin;
    } catch {
      origin = undefined;
    }
    memo.vaults.set(keyUrl, origin === undefined ? undefined : world.vaultByUri(origin));
  }
  const vault = memo.vaults.get(keyUrl);
  const targets = vault && sinks.get(vault.id.toLowerCase());
  if (!vault || !targets?.length) return;
  const tenant = botTenantOf(world, bot);
  const asked = `${tenant}|${keyUrl}|${at}|${operation}`;
  if (!memo.outcomes.has(asked))
    memo.outcomes.set(asked, outcomeOf(world, tenant, keyUrl, vault, at, operation));
  const outcome = memo.outcomes.get(asked);
  if (!outcome) return;
  const dayStart = Math.floor(at / day) * day;
  for (const sink of targets) {
    const row: TwinAuditRow = {
      workspaceId: sink.workspaceId,
      table: sink.table,
      vaultId: vault.id,
      day: dayStart,
      operation,
      keyId: keyUrl,
      appId: assumptions.cmekAppId,
      callerIp: assumptions.keyUse.botServiceCallerIp,
      ...outcome,
      calls: 0,
      last: 0,
    };
    const key = [sink.workspaceId, sink.table, vault.id, dayStart, operation, keyUrl, outcome.status].join(
      '|',
    );
    const existing = world.auditRows.get(key);
    world.auditRows.set(key, {
      ...row,
      calls: (existing?.calls ?? 0) + calls,
      last: Math.max(existing?.last ?? 0, at),
    });
  }
}

/** The wrap Azure Bot Service makes when a bot is given a key (turned on or rotated). */
export function logKeyWrap(world: World, bot: TwinBot, at: number): void {
  const sinks = auditSinks(world);
  if (bot.cmek.keyUrl) logCalls(world, sinks, bot, bot.cmek.keyUrl, 'KeyWrap', at, 1);
}

/**
 * Brings the audit log up to `now`: Bot Service unwraps each key in use once an hour. Called before every request,
 * so the state between two calls is the state the calls were made in; the time is cut at day boundaries and at the
 * end of a bot's encryption phase.
 */
export function catchUpKeyUse(world: World, now: number): void {
  const last = world.settings.keyUseLoggedUntil;
  if (now - last < hour) return;
  const end = last + Math.floor((now - last) / hour) * hour;
  const from = Math.max(last, end - (assumptions.keyUse.workspaceRetentionDays + 1) * day);
  world.settings.keyUseLoggedUntil = end;
  const sinks = auditSinks(world);
  if (sinks.size === 0) return;
  const memo = newMemo();
  // Bots in one tenant whose keys and phase are the same make the same calls: their hours are logged once, counted
  // for all of them (an audit row names the key, never the bot).
  const alike = new Map<string, { bot: TwinBot; count: number }>();
  for (const bot of world.bots.values()) {
    if (!bot.cmek.enabled && bot.cmek.phase === 'idle') continue;
    const c = bot.cmek;
    const sig = [botTenantOf(world, bot), c.enabled, c.phase, c.phaseEndsAt, c.keyUrl, c.previousKeyUrl].join(
      '|',
    );
    const group = alike.get(sig);
    if (group) group.count++;
    else alike.set(sig, { bot, count: 1 });
  }
  for (const { bot, count } of alike.values()) {
    const cuts = new Set<number>([from, end]);
    for (let d = Math.floor(from / day) * day + day; d < end; d += day) cuts.add(d);
    const phaseEnd = bot.cmek.phaseEndsAt;
    if (phaseEnd !== undefined && phaseEnd > from && phaseEnd < end) cuts.add(phaseEnd);
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      const calls = Math.round((b - a) / hour) * count;
      if (calls === 0) continue;
      for (const url of keysInUse(bot, a)) logCalls(world, sinks, bot, url, 'KeyUnwrap', b - 1, calls, memo);
    }
  }
}
