import { describe, expect, it } from 'vitest';
import type { Key } from '../../arm/types/key-vault';
import { expiringKeys } from '../cmk/expiry';
import type { CmkRow } from '../cmk/posture';
import { usageByDay } from '../history/key-usage-series';
import type { UsageRow } from '../history/key-usage';
import { versionedKeyUrlOf } from '../key-url';

const day = 24 * 3600_000;
const row = (over: Partial<UsageRow>): UsageRow => ({
  day: 0,
  operation: 'KeyUnwrap',
  keyId: 'https://kv.vault.azure.net/keys/k/1',
  status: 200,
  signature: 'OK',
  callerIp: '20.42.73.18',
  calls: 1,
  last: 0,
  ...over,
});

describe('the charts’ data', () => {
  it('usage per day, oldest first, by outcome and operation, with the day’s failure reasons most calls first', () => {
    const days = usageByDay([
      row({ day: day, calls: 5 }),
      row({ day: day, operation: 'KeyWrap', calls: 1 }),
      row({ day: 0, calls: 3, status: 404, signature: 'NotFound' }),
      row({ day: 0, calls: 7, status: 403, addressAuthorized: false }),
      row({ day: 0, calls: 2 }),
    ]);
    expect(days.map((d) => d.day)).toEqual([0, day]);
    expect(days[0]).toMatchObject({ okUnwrap: 2, failedUnwrap: 10, okWrap: 0, failedWrap: 0 });
    expect(days[0]!.reasons[0]).toMatch(/firewall/);
    expect(days[0]!.reasons[1]).toMatch(/not found/i);
    expect(days[1]).toMatchObject({ okUnwrap: 5, okWrap: 1, reasons: [] });
  });

  it('keys in use expiring within 90 days: each version once, with every bot on it, soonest first', () => {
    const now = Date.UTC(2026, 11, 7);
    const url = (v: string) => versionedKeyUrlOf(`https://kv-bots.vault.azure.net/keys/k/${v}`)!;
    const bot = (name: string, v: string, cmek = true) =>
      ({ id: name, name, cmek, key: url(v), risks: [], posture: 'healthy' }) as unknown as CmkRow;
    const versions: Key[] = [
      ['a'.repeat(32), 80],
      ['b'.repeat(32), 10],
      ['c'.repeat(32), 200],
    ].map(([name, days]) => ({
      id: `x/${name}`,
      name: name as string,
      type: 'Microsoft.KeyVault/vaults/keys/versions',
      properties: { attributes: { exp: Math.floor((now + (days as number) * day) / 1000) } },
    }));
    const keys = expiringKeys(
      [
        bot('two', 'a'.repeat(32)),
        bot('one', 'a'.repeat(32)),
        bot('soon', 'b'.repeat(32)),
        bot('late', 'c'.repeat(32)),
        bot('off', 'b'.repeat(32), false),
      ],
      () => versions,
      now,
    );
    expect(keys.map((k) => [k.version[0], k.bots])).toEqual([
      ['b', ['soon']],
      ['a', ['one', 'two']],
    ]);
  });
});
