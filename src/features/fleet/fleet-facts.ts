import type { FleetVaultRow } from '../../arm/types/fleet';
import type { Key } from '../../arm/types/key-vault';
import { newerUsableVersion, versionUrlOf } from '../../domain/keys/key-versions';
import type { VersionedKeyUrl } from '../../domain/key-url';
import type { Read } from '../../domain/readiness/types';

/** A vault whose Resource Graph row lacks its access policies (where RG carries them is unconfirmed). */
export const isBare = (v: FleetVaultRow) =>
  v.properties.enableRbacAuthorization !== true && v.properties.accessPolicies === undefined;

/**
 * A version's attributes, from its key's list of versions (Keys_ListVersions carries each version's attributes): one
 * read per key instead of one per version in use.
 */
export function versionIn(list: Read<Key[]>, k: VersionedKeyUrl): Read<Key> {
  if (!list || 'error' in list) return list;
  const found = list.value.find((v) => versionUrlOf(v)?.version === k.version);
  return found
    ? { value: found }
    : { error: `Version ${k.version} of ${k.keyName} is not in the key vault.`, notFound: true };
}

export function distinct<T>(items: T[], keyOf: (t: T) => string): [string, T][] {
  return [...new Map(items.map((t) => [keyOf(t), t])).entries()];
}

/** The key's newest usable version, when newer than the bot's. */
export function newerOf(k: VersionedKeyUrl, list: Read<Key[]>, nowMs: number): VersionedKeyUrl | undefined {
  if (!list || 'error' in list) return undefined;
  const newer = newerUsableVersion(k, list.value, nowMs);
  return newer ? versionUrlOf(newer) : undefined;
}

export const lower = (s: string) => s.toLowerCase();

/** A vault URI's host, lower-cased ('' for none or a malformed one). */
export const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host.toLowerCase() : '';
  } catch {
    return '';
  }
};
