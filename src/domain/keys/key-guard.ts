import { dateTimeText } from '../time-text';
import { dependentsOf, weekEndsAt, type KeyDependent } from './key-dependents';

const week = 7 * 24 * 60 * 60 * 1000;

/** What an admin is about to do that could leave a key version unusable for a bot. */
export type GuardAction =
  | { kind: 'disable'; vaultName: string; keyName: string; version: string }
  | { kind: 'expire'; vaultName: string; keyName: string; version: string; expiresAt: number }
  | { kind: 'delete'; vaultName: string; keyName: string }
  | { kind: 'revoke-access'; vaultName: string }
  | { kind: 'close-firewall'; vaultName: string };

interface Impact {
  use: KeyDependent;
  /** Plain words: what happens to this bot. */
  what: string;
}

export interface Verdict {
  impacts: Impact[];
  /** Whose use of the key could not be checked (a subscription not listed, change records not read). */
  unknown: string[];
  /** What to do instead, in order. */
  safePath: string[];
  /** The word to type to go ahead anyway (the key's or vault's name), when anything is at stake. */
  confirmWord?: string;
}

const stops =
  'It stops: it can no longer send or receive messages, and the Azure Bot Service team cannot recover a bot without its key.';

function targetOf(a: GuardAction) {
  return 'keyName' in a
    ? { vaultName: a.vaultName, keyName: a.keyName, version: 'version' in a ? a.version : undefined }
    : { vaultName: a.vaultName };
}

/**
 * The one rule for every action that can make a key unusable to a bot (disable, expire, delete, revoke access, close
 * the firewall): which bots use the key now or used it within the last seven days, what happens to each, and the safe
 * path. An expiry further away than the week affects nobody now.
 */
export function checkGuard(
  action: GuardAction,
  uses: KeyDependent[],
  unknown: string[],
  nowMs: number,
): Verdict {
  const impacts: Impact[] = [];
  for (const use of dependentsOf(uses, targetOf(action))) {
    const until = weekEndsAt(use);
    if (action.kind === 'expire') {
      const limit = use.current ? nowMs + week : (until ?? nowMs);
      if (action.expiresAt > limit) continue;
    }
    if (!use.current && until !== undefined && until <= nowMs) continue;
    const how = use.current
      ? `${use.botName} uses ${use.key.keyName} version ${use.key.version} now.`
      : `${use.botName} moved off ${use.key.keyName} version ${use.key.version} on ${dateTimeText(use.leftAt!)} and may need it until ${dateTimeText(until!)} while its data is re-encrypted.`;
    impacts.push({ use, what: `${how} ${stops}` });
  }
  const waits = impacts.map((i) => weekEndsAt(i.use)).filter((t): t is number => t !== undefined);
  const lastWeekEnd = waits.length ? Math.max(...waits) : undefined;
  const safePath: string[] = [];
  if (impacts.some((i) => i.use.current))
    safePath.push(
      action.kind === 'revoke-access' || action.kind === 'close-firewall'
        ? 'Turn customer-managed keys off on these bots first (their Encryption blade) and wait until they report Microsoft-managed keys.'
        : 'Move these bots to another key or version first (their Encryption blade), then keep this one for a week.',
    );
  if (lastWeekEnd !== undefined)
    safePath.push(`Wait until ${dateTimeText(lastWeekEnd)}, when the week after the change ends.`);
  const word = 'keyName' in action ? action.keyName : action.vaultName;
  return {
    impacts,
    unknown,
    safePath,
    confirmWord: impacts.length || unknown.length ? word : undefined,
  };
}
