import { keysCreateIfNotExist, keysListVersions } from '../../arm/operations/keys';
import { pollUntilReadable } from '../../arm/poll';
import {
  deletedKeyGet,
  deletedKeyRecover,
  keysCreateVersion,
  keysDelete,
  keysRotate,
  keysUpdate,
  rotationPolicySet,
} from '../../arm/operations/key-vault-data';
import type { KeyCreateParameters } from '../../arm/types/key-vault';
import type { KeyRotationPolicy } from '../../arm/types/key-vault-data';
import { useArmMutation } from '../use-arm-mutation';

export type KeyAction =
  | { kind: 'generate'; keyName: string; params: KeyCreateParameters }
  | { kind: 'new-version'; keyName: string; keySize: number }
  | { kind: 'rotate'; keyName: string }
  | { kind: 'set-enabled'; keyName: string; version: string; enabled: boolean }
  | { kind: 'set-expiry'; keyName: string; version: string; expiresAt?: number }
  | { kind: 'rotation-policy'; keyName: string; policy: KeyRotationPolicy }
  | { kind: 'delete'; keyName: string }
  | { kind: 'recover'; keyName: string };

const words: Record<KeyAction['kind'], [string, string, string]> = {
  generate: ['Generating key', 'Generated key', 'Could not generate key'],
  'new-version': [
    'Creating a new version of',
    'Created a new version of',
    'Could not create a new version of',
  ],
  rotate: ['Rotating', 'Rotated', 'Could not rotate'],
  'set-enabled': ['Changing a version of', 'Changed a version of', 'Could not change a version of'],
  'set-expiry': ['Setting the expiry of', 'Set the expiry of', 'Could not set the expiry of'],
  'rotation-policy': [
    'Saving the rotation policy of',
    'Saved the rotation policy of',
    'Could not save the rotation policy of',
  ],
  delete: ['Deleting', 'Deleted', 'Could not delete'],
  recover: ['Recovering', 'Recovered', 'Could not recover'],
};

/**
 * Every key action of a vault, each as a notification: generating a key goes through ARM (Keys_CreateIfNotExist);
 * the rest through the deployment's gateway to Key Vault's data plane. Key and vault views refresh afterwards.
 */
/** Answers of deletes and recoveries whose end was not seen. */
const stillFinishing = new WeakSet<object>();

/**
 * Whether the end of an operation Key Vault has accepted was seen. A read that fails while waiting is not the
 * operation failing: Key Vault took it, so the change is reported as made, with its end unconfirmed.
 */
async function endSeen(read: () => Promise<unknown>): Promise<boolean> {
  try {
    return await pollUntilReadable(read);
  } catch {
    return false;
  }
}

export function useKeyActions(vaultId: string, vaultUrl: string) {
  return useArmMutation({
    mutationFn: async (a: KeyAction): Promise<unknown> => {
      switch (a.kind) {
        case 'generate':
          return keysCreateIfNotExist(vaultId, a.keyName, a.params);
        case 'new-version':
          return keysCreateVersion(vaultUrl, a.keyName, {
            kty: 'RSA',
            key_size: a.keySize,
            key_ops: ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'],
          });
        case 'rotate':
          return keysRotate(vaultUrl, a.keyName);
        case 'set-enabled':
          return keysUpdate(vaultUrl, a.keyName, a.version, { attributes: { enabled: a.enabled } });
        case 'set-expiry':
          // null clears the expiry (the data plane takes it; absent would leave it as it is).
          return keysUpdate(vaultUrl, a.keyName, a.version, {
            attributes: { exp: a.expiresAt ?? (null as unknown as undefined) },
          });
        case 'rotation-policy':
          return rotationPolicySet(vaultUrl, a.keyName, a.policy);
        // Both are long-running in Key Vault: the views are read again only once the key reads back deleted (or
        // recovered), as Key Vault's own SDK pollers wait for.
        case 'delete': {
          const deleted = await keysDelete(vaultUrl, a.keyName);
          if (!(await endSeen(() => deletedKeyGet(vaultUrl, a.keyName)))) stillFinishing.add(deleted);
          return deleted;
        }
        case 'recover': {
          const recovered = await deletedKeyRecover(vaultUrl, a.keyName);
          if (!(await endSeen(() => keysListVersions(vaultId, a.keyName)))) stillFinishing.add(recovered);
          return recovered;
        }
      }
    },
    describe: (a) => {
      if (a.kind === 'set-enabled') {
        const [ing, ed, verb] = a.enabled
          ? ['Enabling', 'Enabled', 'enable']
          : ['Disabling', 'Disabled', 'disable'];
        return {
          resourceId: vaultId,
          running: `${ing} a version of ${a.keyName}`,
          done: `${ed} a version of ${a.keyName}`,
          doneMessage: `Version ${a.version}.`,
          failed: `Could not ${verb} a version of ${a.keyName}`,
        };
      }
      const [running, done, failed] = words[a.kind];
      return {
        resourceId: vaultId,
        running: `${running} ${a.keyName}`,
        done: `${done} ${a.keyName}`,
        failed: `${failed} ${a.keyName}`,
      };
    },
    // Key Vault took the request, so it is not a failure; but its end was not seen, so it is not said to be done.
    doneMessageOf: (result) =>
      typeof result === 'object' && result !== null && stillFinishing.has(result)
        ? 'Key Vault accepted it, but Keyguard did not see it finish (it can take a while, or the read failed): lists may show the key as before until it has.'
        : undefined,
    invalidates: () => [vaultId],
  });
}
