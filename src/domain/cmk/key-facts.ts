import type { CmkVaultRow } from '../../arm/types/cmk';
import type { Key } from '../../arm/types/key-vault';
import { newerUsableVersion, versionUrlOf } from '../keys/key-versions';
import type { VersionedKeyUrl } from '../key-url';
import type { Read } from '../readiness/types';

/** A vault whose Resource Graph row lacks its access policies (where RG carries them is unconfirmed). */
export const isBare = (v: CmkVaultRow) =>
  v.properties.enableRbacAuthorization !== true && v.properties.accessPolicies === undefined;

/**
 * A version's attributes, from its key's list of versions (Keys_ListVersions carries each version's attributes): one
 * read per key instead of one per version in use.
 */
function versionIn(list: Read<Key[]>, k: VersionedKeyUrl): Read<Key> {
  if (!list || 'error' in list) return list;
  const found = list.value.find((v) => versionUrlOf(v)?.version === k.version);
  return found
    ? { value: found }
    : { error: `Version ${k.version} of ${k.keyName} is not in the key vault.`, notFound: true };
}

export interface KeyFacts {
  /** The key's versions, or why they are not known. */
  list: Read<Key[]>;
  /** The version itself. */
  read: Read<Key>;
  /** The key's newest usable version, when newer. */
  newer?: VersionedKeyUrl;
}

/**
 * Each key version's facts, worked out once per table build: a few hundred keys stand behind thousands of bots. A key
 * whose vault is not listed carries why (`unseen`) instead of a list.
 */
export function perKeyFacts(
  sourceOf: (k: VersionedKeyUrl) => { list: Read<Key[]> } | { unseen: Read<never> },
  nowMs: number,
): (k: VersionedKeyUrl) => KeyFacts {
  const done = new Map<string, KeyFacts>();
  return (k) => {
    const known = done.get(k.href);
    if (known) return known;
    const source = sourceOf(k);
    const facts: KeyFacts =
      'unseen' in source
        ? { list: source.unseen, read: source.unseen }
        : { list: source.list, read: versionIn(source.list, k), newer: newerOf(k, source.list, nowMs) };
    done.set(k.href, facts);
    return facts;
  };
}

/** The key's newest usable version, when newer than the bot's. */
function newerOf(k: VersionedKeyUrl, list: Read<Key[]>, nowMs: number): VersionedKeyUrl | undefined {
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
