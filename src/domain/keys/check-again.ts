import type { Key } from '../../arm/types/key-vault';
import { policySummary } from './rotation-policy-form';
import { versionUrlOf } from './key-versions';
import type { KeyCommand } from '../as-code/key-as-code';

/** What ARM shows of a key after the admin ran a command elsewhere: the key (absent when deleted) and its versions. */
export interface KeyReading {
  key?: Key;
  versions: Key[];
}

/**
 * Whether a command the admin ran outside the console (no gateway) took effect, read back through ARM, in words.
 * `versionsBefore` is how many versions the key had when the command was shown.
 */
export function commandTookEffect(
  c: KeyCommand,
  read: KeyReading,
  versionsBefore: number,
): { done: boolean; said: string } {
  const version = (v: string) =>
    read.versions.find((k) => versionUrlOf(k)?.version.toLowerCase() === v.toLowerCase());
  switch (c.kind) {
    case 'new-version':
    case 'rotate':
      return read.versions.length > versionsBefore
        ? { done: true, said: `Done: ${c.keyName} has ${read.versions.length} versions now.` }
        : { done: false, said: `Not yet: ${c.keyName} still has ${read.versions.length} versions.` };
    case 'set-enabled': {
      const enabled = version(c.version)?.properties.attributes?.enabled !== false;
      return enabled === c.enabled
        ? { done: true, said: `Done: the version is ${c.enabled ? 'enabled' : 'disabled'}.` }
        : {
            done: false,
            said: `Not yet: Key Vault still reports the version ${enabled ? 'enabled' : 'disabled'}.`,
          };
    }
    case 'set-expiry': {
      const exp = version(c.version)?.properties.attributes?.exp;
      return exp === c.expiresAt
        ? { done: true, said: 'Done: the version’s expiry is as set.' }
        : { done: false, said: 'Not yet: Key Vault still reports the version’s old expiry.' };
    }
    case 'rotation-policy': {
      const now = policySummary(read.key?.properties.rotationPolicy);
      const wanted = policySummary(c.policy);
      return now === wanted
        ? { done: true, said: `Done: ${now}.` }
        : { done: false, said: `Not yet: the key’s policy reads “${now}”.` };
    }
    case 'delete':
      return read.key === undefined
        ? { done: true, said: `Done: ${c.keyName} is deleted (recoverable until purged).` }
        : { done: false, said: `Not yet: ${c.keyName} is still there.` };
    case 'recover':
      return read.key !== undefined
        ? { done: true, said: `Done: ${c.keyName} is back.` }
        : { done: false, said: `Not yet: ${c.keyName} is still deleted.` };
  }
}
