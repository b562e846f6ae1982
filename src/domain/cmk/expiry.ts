import type { Key } from '../../arm/types/key-vault';
import type { VersionedKeyUrl } from '../key-url';
import type { CmkRow } from './posture';

/** A key version bots use now, its expiry, and the bots it carries. */
export interface ExpiringKey {
  keyId: string;
  vaultName: string;
  keyName: string;
  version: string;
  expMs: number;
  bots: string[];
}

const day = 24 * 60 * 60 * 1000;

/**
 * The key versions in use by bots that expire within `days` (or have expired), soonest first, each once with every bot
 * on it. `versionsOf` answers a key's versions as the page read them (undefined while not read).
 */
export function expiringKeys(
  rows: CmkRow[],
  versionsOf: (k: VersionedKeyUrl) => Key[] | undefined,
  nowMs: number,
  days = 90,
): ExpiringKey[] {
  const byKey = new Map<string, ExpiringKey>();
  for (const r of rows) {
    const k = r.key;
    if (!r.cmek || !k) continue;
    const id = `${k.vaultUrl}/keys/${k.keyName}/${k.version}`.toLowerCase();
    const had = byKey.get(id);
    if (had) {
      had.bots.push(r.name);
      continue;
    }
    const version = versionsOf(k)?.find((v) => v.name.toLowerCase() === k.version.toLowerCase());
    const exp = version?.properties.attributes?.exp;
    if (exp === undefined || exp * 1000 > nowMs + days * day) continue;
    byKey.set(id, {
      keyId: id,
      vaultName: k.vaultName,
      keyName: k.keyName,
      version: k.version,
      expMs: exp * 1000,
      bots: [r.name],
    });
  }
  return [...byKey.values()].map((e) => ({ ...e, bots: e.bots.sort() })).sort((a, b) => a.expMs - b.expMs);
}
