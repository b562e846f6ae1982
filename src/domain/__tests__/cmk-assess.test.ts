import { describe, expect, it } from 'vitest';
import type { CmkBotRow, CmkVaultRow } from '../../arm/types/cmk';
import type { Key } from '../../arm/types/key-vault';
import { assessCmk, type CmkAnswers, type CmkAssessmentInput, type ReadsByName } from '../cmk/assess';
import { versionedKeyUrlOf, type VersionedKeyUrl } from '../key-url';
import type { Read } from '../readiness/types';

const now = Date.UTC(2026, 10, 29, 12);
const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const v1 = '1'.repeat(32);
const v2 = '2'.repeat(32);
const url = (vault: string, version = v1) => `https://${vault}.vault.azure.net/keys/k/${version}`;
const vaultId = (name: string) =>
  `/subscriptions/s2/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/${name}`;

const bot = (name: string, keyUrl?: string): CmkBotRow => ({
  id: `/subscriptions/s1/resourceGroups/rg/providers/Microsoft.BotService/botServices/${name}`,
  name,
  subscriptionId: 's1',
  tenantId: tenant,
  isCmekEnabled: keyUrl !== undefined,
  cmekKeyVaultUrl: keyUrl ?? '',
  cmekEncryptionStatus: keyUrl ? 'On' : '',
});

const vault = (name: string, p: Partial<CmkVaultRow['properties']> = {}): CmkVaultRow => ({
  id: vaultId(name),
  name,
  type: 'microsoft.keyvault/vaults',
  subscriptionId: 's2',
  tenantId: tenant,
  properties: {
    tenantId: tenant,
    sku: { family: 'A', name: 'standard' },
    vaultUri: `https://${name}.vault.azure.net/`,
    enableSoftDelete: true,
    enablePurgeProtection: true,
    accessPolicies: [],
    networkAcls: { bypass: 'AzureServices', defaultAction: 'Allow' },
    ...p,
  },
});

const version = (name: string, attributes: Key['properties']['attributes'] = { enabled: true }): Key => ({
  id: `${vaultId('kv1')}/keys/k/versions/${name}`,
  name,
  type: 'Microsoft.KeyVault/vaults/keys/versions',
  properties: {
    kty: 'RSA',
    keyOps: ['wrapKey', 'unwrapKey'],
    attributes,
    keyUriWithVersion: url('kv1', name),
  },
});

/** Reads by name that count how often they are asked, to show what bots share. */
function reads<T>(entries: Record<string, Read<T>>): ReadsByName<T> & { asked: string[] } {
  const asked: string[] = [];
  return { asked, get: (name) => (asked.push(name), entries[name]) };
}

function input(bots: CmkBotRow[], vaults: CmkVaultRow[], answers: Partial<CmkAnswers> = {}) {
  const byHost = new Map(vaults.map((v) => [new URL(v.properties.vaultUri!).host, v]));
  const keys = new Map(
    bots.map((b) => [b.id, b.cmekKeyVaultUrl ? versionedKeyUrlOf(b.cmekKeyVaultUrl) : undefined]),
  );
  const all: CmkAnswers = {
    providers: reads({
      s2: { value: { namespace: 'Microsoft.BotService', registrationState: 'Registered' } },
    }),
    armVaults: reads({}),
    roles: reads({}),
    diagnostics: reads({ [vaultId('kv1').toLowerCase()]: { value: [] } }),
    keyLists: reads({ 'kv1/k': { value: [version(v1)] } }),
    principalRead: {
      value: {
        status: 'found',
        principal: {
          id: 'cmek-object',
          displayName: 'Bot Service CMEK Prod',
          appId: '27a762be-14e7-4f92-899c-151877d6d497',
          appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
        },
      },
    },
    granteesRead: { value: [] },
    nowMs: now,
    ...answers,
  };
  return {
    cloud: 'AzureCloud',
    bots,
    keys,
    vaultOf: (k: VersionedKeyUrl) => byHost.get(k.vaultUrl.slice('https://'.length)),
    vaultsListed: 'listed',
    subscriptions: [{ id: '/subscriptions/s1', subscriptionId: 's1', displayName: 'Bots', state: 'Enabled' }],
    uses: [],
    answers: all,
  } satisfies CmkAssessmentInput;
}

const granted = {
  accessPolicies: [
    { tenantId: tenant, objectId: 'cmek-object', permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] } },
  ],
};

describe('the Customer-managed keys page’s assessment of every bot', () => {
  it('judges each bot by its blade’s readiness rules, with the subscription’s name', () => {
    const rows = assessCmk(
      input([bot('ok', url('kv1')), bot('gap', url('kv1')), bot('mmk')], [vault('kv1', granted)]),
    );
    expect(rows.map((r) => [r.name, r.posture, r.subscriptionName])).toEqual([
      ['ok', 'at-risk', 'Bots'],
      ['gap', 'at-risk', 'Bots'],
      ['mmk', 'microsoft', 'Bots'],
    ]);
    // The only gap is the audit trail (no diagnostic setting): a warning, not a failure.
    expect(rows[0]!.risks.map((r) => [r.id, r.level])).toEqual([['audit-trail', 'warning']]);
  });

  it('bots on the same key and tenant share one evaluation: each read is asked once', () => {
    const i = input(
      Array.from({ length: 50 }, (_, n) => bot(`b${n}`, url('kv1'))),
      [vault('kv1', granted)],
    );
    const rows = assessCmk(i);
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => JSON.stringify(r.risks))).size).toBe(1);
    expect((i.answers.keyLists as ReturnType<typeof reads>).asked).toHaveLength(1);
    expect((i.answers.providers as ReturnType<typeof reads>).asked).toHaveLength(1);
  });

  it('a vault Azure Bot Service cannot reach fails the bot; a vault the admin cannot see says so', () => {
    const rows = assessCmk(
      input(
        [bot('locked', url('kv1')), bot('hidden', url('kv9'))],
        [vault('kv1', { ...granted, networkAcls: { bypass: 'None', defaultAction: 'Deny' } })],
      ),
    );
    expect(rows[0]!.risks.find((r) => r.id === 'firewall')).toMatchObject({ level: 'error' });
    expect(rows[1]!.posture).toBe('unknown');
    expect(JSON.stringify(rows[1])).toContain('No key vault named “kv9” is visible to you');
  });

  it('while the vaults are still listed nothing is claimed; a failed listing says why', () => {
    const pending = assessCmk({ ...input([bot('b', url('kv9'))], []), vaultsListed: 'pending' });
    expect(pending[0]!.posture).toBe('unknown');
    expect(JSON.stringify(pending[0])).not.toContain('visible to you');
    const failed = assessCmk({
      ...input([bot('b', url('kv9'))], []),
      vaultsListed: { error: 'Throttled.' },
    });
    expect(JSON.stringify(failed[0])).toContain('The key vaults could not be listed: Throttled.');
  });

  it('a newer usable version is offered; a key the bot left this week that is gone is a failure', () => {
    const i = input([bot('b', url('kv1'))], [vault('kv1', granted)], {
      keyLists: reads({
        'kv1/k': {
          value: [
            version(v1, { enabled: true, created: 1000 }),
            version(v2, { enabled: true, created: 2000 }),
          ],
        },
      }),
    });
    const gone = '3'.repeat(32);
    const [row] = assessCmk({
      ...i,
      uses: [
        {
          botId: bot('b').id,
          botName: 'b',
          key: versionedKeyUrlOf(url('kv1', gone))!,
          current: false,
          leftAt: now - 2 * 24 * 60 * 60 * 1000,
        },
      ],
    });
    expect(row!.newer?.version).toBe(v2);
    expect(row!.risks[0]).toMatchObject({ id: 'left-key', level: 'error' });
  });

  it('change records that could not be read leave the keys left unknown, said on every bot on CMK', () => {
    const rows = assessCmk({
      ...input([bot('b', url('kv1')), bot('m')], [vault('kv1', granted)]),
      historyError: 'Resource Graph refused.',
    });
    expect(rows[0]!.risks.find((r) => r.id === 'left-key')).toMatchObject({ level: 'unknown' });
    expect(rows[1]!.posture).toBe('microsoft');
  });
});
