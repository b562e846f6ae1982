import { sameKeyUrl, versionedKeyUrlOf, type VersionedKeyUrl } from '../key-url';
import { changeOf, type ResourceChange } from '../history/changes';
import { keepReplacedKeyMs } from '../history/key-history';

/** A bot's use of a key version: now, or until it moved away within the last week (it may still need it). */
export interface KeyDependent {
  botId: string;
  botName: string;
  key: VersionedKeyUrl;
  current: boolean;
  /** When the bot moved away from this key (not current); the week it must be kept ends a week later. */
  leftAt?: number;
}

export interface BotKeyState {
  id: string;
  name: string;
  cmekEnabled: boolean;
  /** The Key URL the bot reports (Azure leaves an unrelated value when CMK was never set). */
  keyUrl?: string | null;
}

const nameOf = (id: string) => id.split('/').pop() ?? id;

/**
 * Every bot's use of a key: the key it reports now (CMK on), and the keys it left within the last seven days, from
 * Resource Graph's change records (a rotation's old key, and the key of a bot whose CMK was turned off).
 */
export function keyDependentsOf(
  bots: BotKeyState[],
  changes: ResourceChange[],
  nowMs: number,
): KeyDependent[] {
  const uses: KeyDependent[] = [];
  for (const b of bots) {
    const key = b.cmekEnabled && b.keyUrl ? versionedKeyUrlOf(b.keyUrl) : undefined;
    if (key) uses.push({ botId: b.id, botName: b.name, key, current: true });
  }
  for (const c of changes) {
    if (nowMs - c.at >= keepReplacedKeyMs) continue;
    const url = changeOf(c, 'properties.cmekKeyVaultUrl');
    const enabled = changeOf(c, 'properties.isCmekEnabled');
    const turnedOff = enabled?.before?.toLowerCase() === 'true' && enabled.after?.toLowerCase() !== 'true';
    const reported = bots.find((b) => b.id.toLowerCase() === c.resourceId.toLowerCase())?.keyUrl;
    // The key a bot moved away from, or the one it had when CMK was turned off (decryption still needs it).
    const left =
      url?.before && url.after !== url.before
        ? versionedKeyUrlOf(url.before)
        : turnedOff
          ? versionedKeyUrlOf(url?.before ?? reported)
          : undefined;
    if (!left) continue;
    if (
      uses.some(
        (u) => u.botId.toLowerCase() === c.resourceId.toLowerCase() && u.current && sameKeyUrl(u.key, left),
      )
    )
      continue;
    uses.push({
      botId: c.resourceId,
      botName: nameOf(c.resourceId),
      key: left,
      current: false,
      leftAt: c.at,
    });
  }
  return uses;
}

/** Uses of a vault's keys, of one key, or of one version of it. */
export function dependentsOf(
  uses: KeyDependent[],
  target: { vaultName: string; keyName?: string; version?: string },
): KeyDependent[] {
  const vault = target.vaultName.toLowerCase();
  return uses.filter(
    (u) =>
      u.key.vaultName.toLowerCase() === vault &&
      (target.keyName === undefined || u.key.keyName.toLowerCase() === target.keyName.toLowerCase()) &&
      (target.version === undefined || u.key.version.toLowerCase() === target.version.toLowerCase()),
  );
}

/** When the week a bot may still need a key it left ends. */
export const weekEndsAt = (u: KeyDependent): number | undefined =>
  u.leftAt === undefined ? undefined : u.leftAt + keepReplacedKeyMs;
