import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CmkBotRow } from '../../arm/types/cmk';
import type { Key } from '../../arm/types/key-vault';
import { cmkCsv } from '../cmk/csv';
import { fixScript } from '../cmk/script';
import { cmkRow, type CmkRow, type PostureInput } from '../cmk/posture';

type LeftKey = PostureInput['left'][number];
import { queryFromView, tileCounts, viewFromQuery, viewRows, withAlerts } from '../cmk/table';
import { versionedKeyUrlOf } from '../key-url';
import type { ReadinessCheck } from '../readiness/types';

const day = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 29, 12);
const url = (n: number) => `https://kv1.vault.azure.net/keys/k/${String(n).repeat(32)}`;

const bot = (name: string, p: Partial<CmkBotRow> = {}): CmkBotRow => ({
  id: `/subscriptions/s1/resourceGroups/rg/providers/Microsoft.BotService/botServices/${name}`,
  name,
  subscriptionId: 's1',
  tenantId: 't1',
  isCmekEnabled: true,
  cmekKeyVaultUrl: url(1),
  cmekEncryptionStatus: 'On',
  ...p,
});

const check = (
  id: ReadinessCheck['id'],
  state: ReadinessCheck['state'],
  label: string = id,
): ReadinessCheck => ({
  id,
  label,
  state,
  reason: `${label} is ${state}`,
});

const row = (b: CmkBotRow, checks: ReadinessCheck[] = [], left: LeftKey[] = []): CmkRow =>
  cmkRow({
    bot: b,
    key: versionedKeyUrlOf(b.cmekKeyVaultUrl),
    subscriptionName: 'Sub one',
    checks,
    left,
    nowMs: now,
  });

const version = (attributes: Key['properties']['attributes']): Key => ({
  id: 'x',
  name: '2'.repeat(32),
  type: 'Microsoft.KeyVault/vaults/keys/versions',
  properties: { kty: 'RSA', keyOps: ['wrapKey', 'unwrapKey'], attributes },
});

const leftAt = (daysAgo: number, read: LeftKey['read']): LeftKey => ({
  use: {
    botId: bot('b').id,
    botName: 'b',
    key: versionedKeyUrlOf(url(2))!,
    current: false,
    leftAt: now - daysAgo * day,
  },
  read,
});

describe('a bot’s posture', () => {
  it('Microsoft-managed keys: nothing of the customer’s to break, whatever the checks say', () => {
    const r = row(bot('m', { isCmekEnabled: false }), [check('purge-protection', 'failed')]);
    expect(r.posture).toBe('microsoft');
    expect(r.risks).toEqual([]);
  });

  it('every check passed: healthy; a warning or a failure: at risk; only unknowns: not fully checked', () => {
    expect(row(bot('a'), [check('tenant', 'passed')]).posture).toBe('healthy');
    expect(row(bot('a'), [check('audit-trail', 'warning')]).posture).toBe('at-risk');
    expect(row(bot('a'), [check('key-state', 'failed')]).posture).toBe('at-risk');
    expect(row(bot('a'), [check('provider', 'unknown')]).posture).toBe('unknown');
    expect(row(bot('a'), [check('provider', 'unknown'), check('key-expiry', 'warning')]).posture).toBe(
      'at-risk',
    );
  });

  it('lists every risk, worst first, with the check’s own fix', () => {
    const r = row(bot('a'), [
      check('audit-trail', 'warning'),
      check('provider', 'unknown'),
      { ...check('purge-protection', 'failed'), fix: 'purge-protection' },
      check('tenant', 'passed'),
    ]);
    expect(r.risks.map((k) => [k.id, k.level])).toEqual([
      ['purge-protection', 'error'],
      ['audit-trail', 'warning'],
      ['provider', 'unknown'],
    ]);
    expect(r.risks[0]!.fix).toBe('purge-protection');
  });

  it('turned off this week: still at risk when the key it may need to decrypt is unusable, Microsoft-managed in the tiles', () => {
    const off = bot('off', { isCmekEnabled: false, cmekEncryptionStatus: 'Decrypting' });
    const r = row(off, [], [leftAt(1, { value: version({ enabled: false }) })]);
    expect(r.posture).toBe('at-risk');
    expect(r.risks.map((k) => k.id)).toEqual(['left-key']);
    expect(tileCounts([r])).toMatchObject({ microsoft: 1, customer: 0, 'at-risk': 1 });
    expect(row(off, [], [leftAt(1, { value: version({ enabled: true }) })]).posture).toBe('microsoft');
  });

  it('when the week’s change records cannot be read, the keys a CMK bot left are unknown, not fine', () => {
    const input = { key: versionedKeyUrlOf(url(1)), subscriptionName: 'S', left: [], nowMs: now };
    const r = cmkRow({ ...input, bot: bot('a'), checks: [], historyError: 'Forbidden' });
    expect(r.risks.map((k) => [k.id, k.level])).toEqual([['left-key', 'unknown']]);
    expect(r.posture).toBe('unknown');
    expect(
      cmkRow({ ...input, bot: bot('m', { isCmekEnabled: false }), historyError: 'Forbidden' }).posture,
    ).toBe('microsoft');
  });

  it('a status Azure reports as failing is a risk of its own; one it does not recognise is not', () => {
    expect(row(bot('a', { cmekEncryptionStatus: 'KeyInaccessible' })).risks.map((k) => k.id)).toEqual([
      'status',
    ]);
    expect(row(bot('a', { cmekEncryptionStatus: 'Encrypting' })).risks).toEqual([]);
  });

  it('CMK on with a Key URL without a version: a warning (not confirmed to break); not a key URL at all: an error', () => {
    const r = row(bot('a', { cmekKeyVaultUrl: 'https://kv1.vault.azure.net/keys/k' }));
    expect(r.risks.map((k) => [k.id, k.level])).toEqual([['key-url', 'warning']]);
    expect(r.risks[0]!.reason).toMatch(/has no version\. The docs ask for the full versioned key URI/);
    expect(r.key).toBeUndefined();
    const garbage = row(bot('a', { cmekKeyVaultUrl: 'not a url' }));
    expect(garbage.risks.map((k) => [k.id, k.level])).toEqual([['key-url', 'error']]);
  });

  describe('the key it left within the week', () => {
    const risksOf = (l: LeftKey) => row(bot('b'), [], [l]).risks.map((k) => [k.id, k.level]);
    it('disabled or gone: an error, with the date the week ends', () => {
      expect(risksOf(leftAt(2, { value: version({ enabled: false }) }))).toEqual([['left-key', 'error']]);
      expect(risksOf(leftAt(2, { error: 'not found', notFound: true }))).toEqual([['left-key', 'error']]);
      expect(row(bot('b'), [], [leftAt(2, { value: version({ enabled: false }) })]).risks[0]!.reason).toMatch(
        /may need it until/,
      );
    });
    it('already expired: a warning (Key Vault still unwraps with it), never an error', () => {
      const gone = Math.floor((now - day) / 1000);
      const l = leftAt(2, { value: version({ enabled: true, exp: gone }) });
      expect(risksOf(l)).toEqual([['left-key', 'warning']]);
      expect(row(bot('b'), [], [l]).risks[0]!.reason).toMatch(/still unwraps with it/);
    });
    it('expiring before the week ends: a warning; after, or enabled: nothing', () => {
      const exp = (d: number) => Math.floor((now + d * day) / 1000);
      expect(risksOf(leftAt(2, { value: version({ enabled: true, exp: exp(1) }) }))).toEqual([
        ['left-key', 'warning'],
      ]);
      expect(risksOf(leftAt(2, { value: version({ enabled: true, exp: exp(30) }) }))).toEqual([]);
      expect(risksOf(leftAt(2, { value: version({ enabled: true }) }))).toEqual([]);
    });
    it('once the week is over it is none of the bot’s business', () => {
      expect(risksOf(leftAt(8, { value: version({ enabled: false }) }))).toEqual([]);
    });
    it('could not be read: unknown, never fine', () => {
      expect(risksOf(leftAt(2, { error: 'Forbidden' }))).toEqual([['left-key', 'unknown']]);
    });
  });
});

describe('the table', () => {
  const rows = [
    row(bot('alpha'), [check('purge-protection', 'failed', 'Purge protection enabled')]),
    row(bot('bravo', { isCmekEnabled: false, cmekEncryptionStatus: 'Off' })),
    row(bot('charlie'), [check('provider', 'unknown')]),
    row(bot('delta'), [check('audit-trail', 'warning', 'Key Vault audit log kept')]),
    row(bot('echo')),
  ];

  it('counts each tile', () => {
    expect(tileCounts(rows)).toEqual({
      all: 5,
      customer: 4,
      healthy: 1,
      'at-risk': 2,
      microsoft: 1,
      unknown: 1,
      'alerts-missing': 0,
    });
  });

  it('the Alerts column: only bots on their own key get one; nobody told (or partly) is its tile, in the URL', () => {
    const coverage = ['none', 'partly', 'covered', 'unknown'] as const;
    let i = 0;
    const alerted = withAlerts(rows, () => coverage[i++ % coverage.length]);
    expect(alerted.filter((r) => !r.cmek).every((r) => r.alerts === undefined)).toBe(true);
    const missing = alerted.filter((r) => r.cmek && (r.alerts === 'none' || r.alerts === 'partly'));
    expect(tileCounts(alerted)['alerts-missing']).toBe(missing.length);
    expect(
      viewRows(alerted, { ...viewFromQuery({ view: 'alerts-missing' }) })
        .map((r) => r.name)
        .sort(),
    ).toEqual(missing.map((r) => r.name).sort());
    expect(queryFromView(viewFromQuery({ view: 'alerts-missing', sort: 'alerts' }))).toEqual({
      view: 'alerts-missing',
      sort: 'alerts',
    });
    expect(viewRows(alerted, { ...viewFromQuery({}), text: 'not covered' }).map((r) => r.alerts)).toEqual(
      alerted.filter((r) => r.alerts === 'none').map((r) => r.alerts),
    );
  });

  it('a tile filters, the text matches every word anywhere (risks included), the worst risk sorts first', () => {
    const names = (v: Partial<ReturnType<typeof viewFromQuery>>) =>
      viewRows(rows, { ...viewFromQuery({}), ...v }).map((r) => r.name);
    expect(names({})).toEqual(['alpha', 'delta', 'charlie', 'bravo', 'echo']);
    expect(names({ tile: 'at-risk' })).toEqual(['alpha', 'delta']);
    expect(names({ tile: 'microsoft' })).toEqual(['bravo']);
    expect(names({ text: 'audit LOG' })).toEqual(['delta']);
    expect(names({ text: 'purge alpha' })).toEqual(['alpha']);
    expect(names({ text: 'nothing-like-this' })).toEqual([]);
    expect(names({ sort: 'name', direction: 'desc' })).toEqual([
      'echo',
      'delta',
      'charlie',
      'bravo',
      'alpha',
    ]);
    expect(names({ sort: 'encryption', direction: 'asc' })[0]).toBe('alpha');
  });

  it('keeps its view in the address, and ignores what it does not know', () => {
    const v = { tile: 'at-risk', text: 'kv1', sort: 'name', direction: 'desc' } as const;
    expect(viewFromQuery(queryFromView(v))).toEqual(v);
    expect(queryFromView(viewFromQuery({}))).toEqual({});
    expect(viewFromQuery({ view: 'everything', sort: 'nonsense', dir: 'sideways' })).toEqual(
      viewFromQuery({}),
    );
  });
});

describe('the CSV', () => {
  it('one line per bot with its risks, quoted where needed, formulas defused', () => {
    const hostile = row(bot('=HYPERLINK("x")', { cmekEncryptionStatus: 'a,b' }), [
      check('purge-protection', 'failed', 'Purge "protection"'),
    ]);
    const plain = { ...row(bot('plain', { isCmekEnabled: false })), policy: 'Non-compliant' };
    const lines = cmkCsv([hostile, plain]).split('\r\n');
    expect(lines[0]).toBe(
      'Name,Subscription,Encryption,Key vault,Key,Version,Encryption status,Policy,Posture,Risks,Resource ID',
    );
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""x""\)",Sub one,Customer-managed,kv1,k,1{32},"a,b",,at-risk,/);
    expect(lines[1]).toContain('"error: Purge ""protection"": Purge ""protection"" is failed"');
    expect(lines[2]).toMatch(
      /^plain,Sub one,Microsoft-managed,,,,On,Non-compliant,microsoft,,\/subscriptions\//,
    );
    expect(lines[3]).toBe('');
  });
});

describe('the fixes as a script', () => {
  const vaultId = '/subscriptions/s2/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv1';
  const withVault = (r: CmkRow): CmkRow => ({ ...r, vaultId });
  const fix = (id: ReadinessCheck['id'], f: ReadinessCheck['fix']): ReadinessCheck => ({
    ...check(id, 'failed'),
    fix: f,
  });

  it('each fix once per vault, for the bots named, Microsoft’s principal only, the audit log left to a choice', () => {
    const rows = [
      withVault(
        row(bot('a'), [fix('purge-protection', 'purge-protection'), fix('permissions', 'access-policy')]),
      ),
      withVault(
        row(bot('b'), [fix('purge-protection', 'purge-protection'), fix('audit-trail', 'audit-trail')]),
      ),
      withVault(row(bot('c'), [fix('provider', 'register-provider')])),
    ];
    const script = fixScript(rows, { cloud: 'AzureCloud' });
    expect(script.match(/--enable-purge-protection true/g)).toHaveLength(1);
    expect(script).toContain('# purge-protection on key vault kv1, for a, b');
    expect(script).toContain(
      'az keyvault set-policy --name kv1 --resource-group rg-keys --object-id $(az ad sp show --id 27a762be-14e7-4f92-899c-151877d6d497 --query id --output tsv) --key-permissions get wrapKey unwrapKey',
    );
    expect(script).toContain(
      'az provider register --namespace Microsoft.BotService --subscription s2 --wait',
    );
    expect(script.indexOf('provider register')).toBeLessThan(script.indexOf('--enable-purge-protection'));
    expect(script).toMatch(/# Not scripted:\n# .* on key vault kv1: choose a Log Analytics workspace/);
  });

  it('turns purge protection on only when the vault’s name is typed', () => {
    const script = fixScript([withVault(row(bot('a'), [fix('purge-protection', 'purge-protection')]))], {
      cloud: 'AzureCloud',
    });
    expect(script).toContain('# Irreversible: once on, purge protection cannot be turned off.');
    // The script as written, with `az` stubbed: what it runs for each answer.
    const run = (input: string) =>
      execFileSync('bash', ['-c', `az() { echo "RAN az $*"; }\n${script}`], { input, encoding: 'utf8' });
    expect(run('kv1\n')).toContain('RAN az keyvault update --name kv1');
    for (const answer of ['kv2\n', 'yes\n', '\n', ''])
      expect(run(answer)).toMatch(/^(?![\s\S]*RAN az)[\s\S]*Purge protection on kv1 skipped\./);
  });

  it('says how many of the bots shown could not be fully checked', () => {
    const script = fixScript([row(bot('a'), [check('provider', 'unknown')]), row(bot('b'))], {
      cloud: 'AzureCloud',
    });
    expect(script).toContain('# 1 of the bots shown could not be fully checked');
  });

  it('says when there is nothing to fix', () => {
    expect(fixScript([row(bot('a'))], { cloud: 'AzureCloud' })).toContain(
      '# Nothing to fix among the bots shown.',
    );
  });
});
