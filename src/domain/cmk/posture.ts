import { unversionedKeyWarning } from '../bot-encryption';
import type { Coverage } from '../alerts/coverage';
import { keyUrlOf } from '../key-url';
import type { CmkBotRow } from '../../arm/types/cmk';
import type { Key } from '../../arm/types/key-vault';
import { phaseOf } from '../encryption-status';
import type { VersionedKeyUrl } from '../key-url';
import { keyProblems } from '../key-usability';
import { weekEndsAt, type KeyDependent } from '../keys/key-dependents';
import type { FixId, Read, ReadinessCheck } from '../readiness/types';
import { dateTimeText } from '../time-text';

export type RiskLevel = 'error' | 'warning' | 'unknown';

/** One problem found for a bot, with where it is fixed. */
export interface Risk {
  id: string;
  level: RiskLevel;
  title: string;
  reason: string;
  fix?: FixId;
  blade?: ReadinessCheck['blade'];
}

/**
 * - `microsoft`: Microsoft-managed keys (nothing of the customer's to break).
 * - `at-risk`: on a customer-managed key with at least one failure or warning.
 * - `unknown`: on a customer-managed key, nothing wrong found, but something could not be checked.
 * - `healthy`: on a customer-managed key, every check passed.
 */
type Posture = 'microsoft' | 'at-risk' | 'unknown' | 'healthy';

export interface CmkRow {
  id: string;
  name: string;
  subscriptionId: string;
  subscriptionName: string;
  cmek: boolean;
  key?: VersionedKeyUrl;
  /** The key's newest usable version when it is newer than the bot's (a rotation not followed). */
  newer?: VersionedKeyUrl;
  vaultId?: string;
  /** Azure's `cmekEncryptionStatus`, verbatim. */
  status: string;
  /** Worst first. */
  risks: Risk[];
  /** Its compliance with Azure's Bot Service CMK policy, in words (undefined: not known yet). */
  policy?: string;
  /** Who is told when its key fails (undefined: not known yet, or no customer-managed key). */
  alerts?: Coverage;
  posture: Posture;
}

/** What is known about the key a bot left within the week (it may still need it for decryption). */
interface LeftKey {
  use: KeyDependent;
  read: Read<Key>;
}

export interface PostureInput {
  bot: CmkBotRow;
  /** The bot's Key URL, parsed (undefined when CMK is off or the URL is not a versioned key identifier). */
  key: VersionedKeyUrl | undefined;
  newer?: VersionedKeyUrl;
  subscriptionName: string;
  vaultId?: string;
  /** The readiness checks of the bot's key and vault (`evaluateReadiness`, shared by the bots on one key). */
  checks?: ReadinessCheck[];
  left: LeftKey[];
  /** Why the week's change records could not be read, when they could not (the keys left are then unknown). */
  historyError?: string;
  nowMs: number;
}

const order: Record<RiskLevel, number> = { error: 0, warning: 1, unknown: 2 };

function worstFirst(risks: Risk[]): Risk[] {
  return [...risks].sort((a, b) => order[a.level] - order[b.level]);
}

function fromCheck(c: ReadinessCheck): Risk | undefined {
  if (c.state === 'passed') return undefined;
  return {
    id: c.id,
    level: c.state === 'failed' ? 'error' : c.state,
    title: c.label,
    reason: c.reason,
    fix: c.fix,
    blade: c.blade,
  };
}

/** A key the bot moved off this week that is no longer usable, or will not be for the whole week. */
function leftKeyRisk({ use, read }: LeftKey, nowMs: number): Risk | undefined {
  const until = weekEndsAt(use);
  if (until === undefined || until <= nowMs || !read) return undefined;
  const what = `${use.key.keyName} version ${use.key.version.slice(0, 8)}…`;
  const week = `the bot may need it until ${dateTimeText(until)}`;
  if ('error' in read)
    return read.notFound
      ? {
          id: 'left-key',
          level: 'error',
          title: 'The key it left this week is gone',
          reason: `${what} was not found: ${week}.`,
        }
      : {
          id: 'left-key',
          level: 'unknown',
          title: 'The key it left this week',
          reason: `${what} could not be read: ${read.error}`,
        };
  const attrs = read.value.properties.attributes ?? {};
  const problem = keyProblems(read.value, nowMs).find((p) => p.kind === 'disabled' || p.kind === 'expired');
  if (problem?.kind === 'disabled')
    return {
      id: 'left-key',
      level: 'error',
      title: 'The key it left this week is unusable',
      reason: `${what} is disabled; ${week}.`,
    };
  // Key Vault still unwraps with an expired version; what Azure Bot Service does then is not documented.
  if (problem?.kind === 'expired')
    return {
      id: 'left-key',
      level: 'warning',
      title: 'The key it left this week has expired',
      reason: `${what} expired on ${dateTimeText(problem.atSec * 1000)}: Key Vault still unwraps with it, but Azure Bot Service’s behaviour after expiry is not documented; ${week}.`,
    };
  if (attrs.exp !== undefined && attrs.exp * 1000 < until)
    return {
      id: 'left-key',
      level: 'warning',
      title: 'The key it left this week expires too soon',
      reason: `${what} expires on ${dateTimeText(attrs.exp * 1000)}; ${week}.`,
    };
  return undefined;
}

/**
 * A bot's posture: the readiness checks of its key (the same rules as its own CMK readiness blade), what Azure reports
 * about its encryption, and the keys it left within the week. Nothing is assumed fine that was not read.
 */
export function cmkRow(i: PostureInput): CmkRow {
  const cmek = i.bot.isCmekEnabled === true;
  const key = cmek ? i.key : undefined;
  const base = {
    id: i.bot.id,
    name: i.bot.name,
    subscriptionId: i.bot.subscriptionId,
    subscriptionName: i.subscriptionName,
    cmek,
    key,
    newer: key ? i.newer : undefined,
    vaultId: i.vaultId,
    status: i.bot.cmekEncryptionStatus,
  };
  const risks: Risk[] = [];
  if (cmek && !key)
    risks.push(
      keyUrlOf(i.bot.cmekKeyVaultUrl)
        ? {
            id: 'key-url',
            level: 'warning',
            title: 'Key URL without a version',
            reason: `“${i.bot.cmekKeyVaultUrl}” has no version. ${unversionedKeyWarning}`,
          }
        : {
            id: 'key-url',
            level: 'error',
            title: 'Key URL',
            reason: `Customer-managed keys are on, but “${i.bot.cmekKeyVaultUrl}” is not a key identifier.`,
          },
    );
  if (phaseOf(i.bot.cmekEncryptionStatus, cmek) === 'failed')
    risks.push({
      id: 'status',
      level: 'error',
      title: 'Azure reports a problem',
      reason: `Azure Bot Service reports “${i.bot.cmekEncryptionStatus}” for its encryption.`,
    });
  if (key && i.checks)
    for (const c of i.checks) {
      const r = fromCheck(c);
      if (r) risks.push(r);
    }
  for (const l of i.left) {
    const r = leftKeyRisk(l, i.nowMs);
    if (r) risks.push(r);
  }
  if (cmek && i.historyError)
    risks.push({
      id: 'left-key',
      level: 'unknown',
      title: 'Keys it left this week',
      reason: `Which keys this bot moved off in the last week could not be read: ${i.historyError}`,
    });
  const sorted = worstFirst(risks);
  // CMK off with nothing wrong: Microsoft's keys. Turned off this week, it may still need the key it had while its
  // data is decrypted, so what threatens that key is still shown.
  if (!cmek && sorted.every((r) => r.level === 'unknown'))
    return { ...base, risks: [], posture: 'microsoft' };
  const posture = sorted.some((r) => r.level !== 'unknown')
    ? 'at-risk'
    : sorted.length
      ? 'unknown'
      : 'healthy';
  return { ...base, risks: sorted, posture };
}
