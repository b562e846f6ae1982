import { versionedKeyUrlOf, type VersionedKeyUrl } from '../key-url';
import type { ActivityOperation } from './activity';
import { changeOf, type ResourceChange } from './changes';

const day = 24 * 60 * 60 * 1000;
/** The seed doc: keep the replaced key at least a week after a rotation. */
export const keepReplacedKeyMs = 7 * day;

type KeyChangeKind = 'enable' | 'rotate' | 'disable';

export interface KeyChange {
  kind: KeyChangeKind;
  at: number;
  /** The key in use after the change (none when CMK was turned off). */
  key?: VersionedKeyUrl;
  /** The key in use before it (a rotation's replaced key). */
  previousKey?: VersionedKeyUrl;
  changedBy?: string;
  clientType?: string;
  correlationId?: string;
}

/** A key this bot used in the window: since when (undefined: before the window began), until when (undefined: now). */
interface KeyPeriod {
  key: VersionedKeyUrl;
  since?: KeyChange;
  until?: KeyChange;
}

export type KeyHistory =
  | { source: 'changes'; changes: KeyChange[]; periods: KeyPeriod[]; lastChange?: KeyChange }
  | { source: 'activity-log'; lastWrite?: { at: number; by?: string }; why: string }
  | { source: 'none'; why: string };

const urlOf = (text: string | undefined) => (text ? versionedKeyUrlOf(text) : undefined);
const bool = (text: string | undefined) => text?.toLowerCase() === 'true';

/** What one change record did to the bot's key, if anything. */
function keyChangeOf(c: ResourceChange): KeyChange | undefined {
  const url = changeOf(c, 'properties.cmekKeyVaultUrl');
  const enabled = changeOf(c, 'properties.isCmekEnabled');
  if (!url && !enabled) return undefined;
  const base = { at: c.at, changedBy: c.changedBy, clientType: c.clientType, correlationId: c.correlationId };
  if (enabled && !bool(enabled.before) && bool(enabled.after))
    return { ...base, kind: 'enable', key: urlOf(url?.after) };
  if (enabled && bool(enabled.before) && !bool(enabled.after))
    return { ...base, kind: 'disable', previousKey: urlOf(url?.before) };
  if (url && urlOf(url.after) && url.before !== url.after)
    return { ...base, kind: 'rotate', key: urlOf(url.after), previousKey: urlOf(url.before) };
  return undefined;
}

/**
 * The bot's keys over the last 14 days, from Resource Graph's change records (whoever made the change, from wherever).
 * `currentKey` is the key the bot reports now (undefined when CMK is off); a key in use since before the window has no
 * start.
 */
export function keyHistoryFromChanges(
  changes: ResourceChange[],
  currentKey: VersionedKeyUrl | undefined,
): KeyHistory {
  const keyChanges = changes
    .map(keyChangeOf)
    .filter((c): c is KeyChange => c !== undefined)
    .sort((a, b) => b.at - a.at);
  const periods: KeyPeriod[] = [];
  let key = currentKey;
  let until: KeyChange | undefined;
  for (const change of keyChanges) {
    if (change.kind !== 'disable' && key) periods.push({ key, since: change, until });
    key = change.kind === 'enable' ? undefined : change.previousKey;
    until = change;
  }
  if (key) periods.push({ key, until });
  return { source: 'changes', changes: keyChanges, periods, lastChange: keyChanges[0] };
}

/**
 * When the change records cannot be read: the Activity log still says when the bot was last written (not whether
 * the key changed then, nor what it was before).
 */
export function keyHistoryFromActivity(operations: ActivityOperation[], why: string): KeyHistory {
  const writes = operations.filter(
    (o) =>
      o.operationName.toLowerCase() === 'microsoft.botservice/botservices/write' && o.outcome === 'succeeded',
  );
  const last = writes[0];
  return { source: 'activity-log', lastWrite: last ? { at: last.at, by: last.caller } : undefined, why };
}

/** The replaced key still to be kept (a rotation less than a week ago), when the history says so. */
export function keyToKeep(history: KeyHistory | undefined, nowMs: number): KeyChange | undefined {
  if (history?.source !== 'changes') return undefined;
  const rotation = history.changes.find((c) => c.kind === 'rotate');
  return rotation?.previousKey && nowMs - rotation.at < keepReplacedKeyMs ? rotation : undefined;
}
