import type { Key } from '../../arm/types/key-vault';
import { keyProblems } from '../key-usability';
import { versionedKeyUrlOf, type VersionedKeyUrl } from '../key-url';

const day = 24 * 60 * 60 * 1000;

export type ExpiryState = 'none' | 'ok' | 'soon' | 'expired';

/** An expiry within 30 days is a warning (Key Vault's own Notify default), a passed one an error. */
export function expiryState(expSec: number | undefined, nowMs: number): ExpiryState {
  if (expSec === undefined) return 'none';
  const ms = expSec * 1000;
  return ms <= nowMs ? 'expired' : ms - nowMs <= 30 * day ? 'soon' : 'ok';
}

/** The version identifier of an ARM key (version) resource, parsed the one way. */
export function versionUrlOf(key: Key): VersionedKeyUrl | undefined {
  return versionedKeyUrlOf(key.properties.keyUriWithVersion);
}

/**
 * The newest version a bot could move to after a rotation: newer than its own, and usable by Azure Bot Service
 * (enabled, not expired, RSA with wrap and unwrap). Azure Bot Service keeps the version in its Key URL: a rotation
 * alone does not move it.
 */
export function newerUsableVersion(
  current: VersionedKeyUrl,
  versions: Key[],
  nowMs: number,
): Key | undefined {
  const mine = versions.find((v) => versionUrlOf(v)?.version.toLowerCase() === current.version.toLowerCase());
  const since = mine?.properties.attributes?.created ?? 0;
  return versions
    .filter((v) => (v.properties.attributes?.created ?? 0) > since && keyProblems(v, nowMs).length === 0)
    .sort((a, b) => (b.properties.attributes?.created ?? 0) - (a.properties.attributes?.created ?? 0))[0];
}
