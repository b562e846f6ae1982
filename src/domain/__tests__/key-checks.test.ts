import { describe, expect, it } from 'vitest';
import type { Key } from '../../arm/types/key-vault';
import { keyOutOfReach } from '../readiness/evaluate';
import { keyChecks } from '../readiness/key-checks';
import type { ReadinessInput } from '../readiness/types';

const now = Date.UTC(2026, 10, 1);
const sec = (ms: number) => Math.floor(ms / 1000);
const day = 24 * 60 * 60 * 1000;
const key = (attributes: NonNullable<Key['properties']['attributes']>): Key => ({
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1/keys/k/versions/v',
  name: 'v',
  type: 'Microsoft.KeyVault/vaults/keys/versions',
  properties: { kty: 'RSA', keyOps: ['wrapKey', 'unwrapKey'], attributes },
});
const input = (k: Key, keyInUse: boolean) =>
  ({ keyVersion: { value: k }, keyInUse, nowMs: now }) as Partial<ReadinessInput> as ReadinessInput;
const state = (checks: ReturnType<typeof keyChecks>) => checks.find((c) => c.id === 'key-state')!;

describe('an expired or not yet valid key version (Key Vault’s date-time controlled operations)', () => {
  it('a bot already on it: a warning that Key Vault refuses new wraps, not a stopped bot', () => {
    for (const attributes of [
      { enabled: true, exp: sec(now - day) },
      { enabled: true, nbf: sec(now + day) },
    ]) {
      const checks = keyChecks(input(key(attributes), true));
      expect(state(checks).state).toBe('warning');
      expect(state(checks).reason).toMatch(
        /Key Vault refuses new wraps with this key, and still unwraps with it\. Azure Bot Service’s behaviour after expiry is not documented: rotate before it expires\./,
      );
      expect(keyOutOfReach(checks)).toEqual([]);
    }
  });

  it('chosen for a bot: a blocker', () => {
    const checks = keyChecks(input(key({ enabled: true, exp: sec(now - day) }), false));
    expect(state(checks).state).toBe('failed');
    expect(keyOutOfReach(checks).map((c) => c.id)).toEqual(['key-state']);
  });

  it('a disabled version stops a bot already on it', () => {
    const checks = keyChecks(input(key({ enabled: false }), true));
    expect(keyOutOfReach(checks).map((c) => c.id)).toEqual(['key-state']);
  });
});
