import { describe, expect, it } from 'vitest';
import type { PolicyAssignment, PolicySetDefinition } from '../../arm/types/policy';
import { bulkPlan } from '../cmk/bulk';
import type { CmkRow, Risk } from '../cmk/posture';
import { versionedKeyUrlOf } from '../key-url';
import { keyDependentRows, filterKeyDependents } from '../keys/key-dependent-rows';
import type { KeyDependent } from '../keys/key-dependents';
import {
  assignAsCode,
  assignOffer,
  complianceByBot,
  policyWord,
  subscriptionPolicy,
} from '../policy/cmk-policy';

const vault = (sub: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/${name}`;
const key = (vaultName: string, v: string) =>
  versionedKeyUrlOf(`https://${vaultName}.vault.azure.net/keys/k/${v.repeat(32)}`)!;
const risk = (id: string, fix?: Risk['fix']): Risk => ({ id, level: 'error', title: id, reason: id, fix });
const row = (
  name: string,
  vaultId: string | undefined,
  risks: Risk[],
  extra: Partial<CmkRow> = {},
): CmkRow => ({
  id: `/subscriptions/b1/resourceGroups/rg/providers/Microsoft.BotService/botServices/${name}`,
  name,
  subscriptionId: 'b1',
  subscriptionName: 'Bots',
  cmek: true,
  key: vaultId ? key(vaultId.split('/').pop()!, '1') : undefined,
  vaultId,
  status: 'Encrypted',
  risks,
  posture: risks.length ? 'at-risk' : 'healthy',
  ...extra,
});
const names = (id: string) => ({ s1: 'Keys one', s2: 'Keys two' })[id] ?? id;

describe('a bulk fix’s plan', () => {
  const rows = [
    row('a', vault('s1', 'kv1'), [
      risk('provider', 'register-provider'),
      risk('firewall', 'firewall-bypass'),
    ]),
    row('b', vault('s1', 'kv1'), [
      risk('provider', 'register-provider'),
      risk('firewall', 'firewall-bypass'),
    ]),
    row('c', vault('s2', 'kv2'), [
      risk('provider', 'register-provider'),
      risk('permissions', 'role-assignment'),
    ]),
    row('d', vault('s2', 'kv3'), [risk('permissions', 'access-policy')]),
    row('e', undefined, [risk('provider', 'register-provider')]),
    row('f', vault('s1', 'kv1'), []),
  ];

  it('each subscription or vault once, with every bot it is for; bots the fix does not concern add nothing', () => {
    expect(bulkPlan(rows, 'register-provider', names).map((i) => [i.name, i.bots])).toEqual([
      ['Keys one', ['a', 'b']],
      ['Keys two', ['c']],
    ]);
    expect(bulkPlan(rows, 'firewall-bypass', names).map((i) => [i.name, i.bots])).toEqual([
      ['kv1', ['a', 'b']],
    ]);
    expect(bulkPlan(rows, 'grant-access', names).map((i) => [i.name, i.target])).toEqual([
      ['kv2', { kind: 'grant-access', vaultId: vault('s2', 'kv2'), how: 'role-assignment' }],
      ['kv3', { kind: 'grant-access', vaultId: vault('s2', 'kv3'), how: 'access-policy' }],
    ]);
    expect(bulkPlan([], 'firewall-bypass', names)).toEqual([]);
  });

  it('moves only bots behind their key’s newest usable version, from and to named', () => {
    const behind = row('g', vault('s1', 'kv1'), [{ ...risk('key-newest'), level: 'warning' }], {
      newer: key('kv1', '2'),
    });
    const noNewer = row('h', vault('s1', 'kv1'), [{ ...risk('key-newest'), level: 'warning' }]);
    const plan = bulkPlan([behind, noNewer, ...rows], 'move-to-newest', names);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      name: 'g',
      target: {
        kind: 'move-to-newest',
        vaultId: vault('s1', 'kv1'),
        from: key('kv1', '1'),
        to: key('kv1', '2'),
      },
      change: 'k: version 11111111… → 22222222…',
    });
  });
});

const assignment = (sub: string, effect?: string, mode?: 'Default' | 'DoNotEnforce'): PolicyAssignment => ({
  id: `/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/a-${effect ?? 'none'}`,
  name: 'a',
  properties: {
    policyDefinitionId:
      '/providers/Microsoft.Authorization/policyDefinitions/51522a96-0869-4791-82f3-981000c2c67f',
    parameters: effect ? { effect: { value: effect } } : undefined,
    enforcementMode: mode,
  },
});

const bot = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.BotService/botServices/b';

describe('the Bot Service CMK policy', () => {
  it('a subscription’s effect: none, the default Audit, Deny enforced or not, inherited from above', () => {
    expect(subscriptionPolicy('s1', [])).toMatchObject({ effect: 'none' });
    expect(subscriptionPolicy('s1', [assignment('s1')])).toMatchObject({ effect: 'Audit', inherited: false });
    expect(subscriptionPolicy('s1', [assignment('s1', 'audit'), assignment('s1', 'deny')])).toMatchObject({
      effect: 'Deny',
      notEnforced: false,
    });
    expect(subscriptionPolicy('s1', [assignment('s1', 'Deny', 'DoNotEnforce')])).toMatchObject({
      effect: 'Deny',
      notEnforced: true,
    });
    const fromAbove = {
      ...assignment('s1', 'Audit'),
      id: '/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/policyAssignments/x',
    };
    expect(subscriptionPolicy('s1', [fromAbove])).toMatchObject({ effect: 'Audit', inherited: true });
  });

  it('an initiative that includes the definition counts as assigned, with its effect; no second assignment is offered', () => {
    const setId = '/subscriptions/s1/providers/Microsoft.Authorization/policySetDefinitions/baseline';
    const viaSet = (parameters?: Record<string, { value: unknown }>): PolicyAssignment => ({
      id: '/subscriptions/s1/providers/Microsoft.Authorization/policyAssignments/baseline',
      name: 'baseline',
      properties: { policyDefinitionId: setId, parameters },
    });
    const set = (effect: unknown): PolicySetDefinition => ({
      id: setId,
      name: 'baseline',
      properties: {
        displayName: 'Contoso CMK baseline',
        parameters: { cmkEffect: { type: 'String', defaultValue: 'Audit' } },
        policyDefinitions: [
          {
            policyDefinitionId:
              '/providers/Microsoft.Authorization/policyDefinitions/51522A96-0869-4791-82F3-981000C2C67F',
            parameters: effect === undefined ? undefined : { effect: { value: effect } },
          },
        ],
      },
    });
    const sets = (effect: unknown) => ({ [setId.toLowerCase()]: { value: set(effect) } });
    const byParameter = "[parameters('cmkEffect')]";
    expect(
      subscriptionPolicy('s1', [viaSet({ cmkEffect: { value: 'Deny' } })], sets(byParameter)),
    ).toMatchObject({ effect: 'Deny', through: 'Contoso CMK baseline', ours: false });
    // The initiative's default when the assignment sets none; a literal member effect; the definition's own default.
    expect(subscriptionPolicy('s1', [viaSet()], sets(byParameter)).effect).toBe('Audit');
    expect(subscriptionPolicy('s1', [viaSet()], sets('Disabled')).effect).toBe('Disabled');
    expect(subscriptionPolicy('s1', [viaSet()], sets(undefined)).effect).toBe('Audit');
    const p = subscriptionPolicy('s1', [viaSet()], sets(byParameter));
    expect(assignOffer(p)).toEqual({
      offered: false,
      why: 'Assigned through the initiative “Contoso CMK baseline”: change its effect there.',
    });
    // An initiative without the definition is not an assignment of it.
    const other = {
      [setId.toLowerCase()]: {
        value: { ...set(undefined), properties: { ...set(undefined).properties, policyDefinitions: [] } },
      },
    };
    expect(subscriptionPolicy('s1', [viaSet()], other).effect).toBe('none');
    // One that could not be read may include it: nothing is offered beside it.
    const unread = subscriptionPolicy('s1', [viaSet()], { [setId.toLowerCase()]: { error: 'Forbidden' } });
    expect(assignOffer(unread)).toEqual({
      offered: false,
      why: 'An initiative assigned here could not be read (baseline): it may include this policy.',
    });
    // Keyguard's own assignment may change its effect; someone else's direct one is not duplicated.
    const ours = { ...assignment('s1', 'Audit'), name: 'bot-service-cmk' };
    expect(assignOffer(subscriptionPolicy('s1', [ours]))).toEqual({ offered: true });
    expect(assignOffer(subscriptionPolicy('s1', [assignment('s1', 'Audit')])).offered).toBe(false);
    expect(assignOffer(subscriptionPolicy('s1', []))).toEqual({ offered: true });
  });

  it('a bot’s compliance: one non-compliant assignment wins; words for the column', () => {
    const states = complianceByBot([
      {
        id: '1',
        resourceId: '/X/BOT',
        complianceState: 'Compliant',
        policyAssignmentId: 'a',
        timestamp: '2026-11-01',
      },
      {
        id: '2',
        resourceId: '/x/bot',
        complianceState: 'NonCompliant',
        policyAssignmentId: 'b',
        timestamp: '2026-11-02',
      },
    ]);
    expect(states.get('/x/bot')).toEqual({ state: 'NonCompliant', at: '2026-11-02' });
    expect(policyWord(bot, states.get('/x/bot'), undefined)).toBe('Non-compliant');
    expect(policyWord(bot, undefined, subscriptionPolicy('s1', []))).toBe('Not assigned');
    expect(policyWord(bot, undefined, subscriptionPolicy('s1', [assignment('s1', 'Audit')]))).toBe(
      'Not evaluated yet',
    );
    expect(policyWord(bot, undefined, undefined)).toBeUndefined();
  });

  it('tells assignments at the subscription from those at its resource groups, and honours exclusions', () => {
    const atGroup: PolicyAssignment = {
      ...assignment('s1', 'Deny'),
      id: '/subscriptions/s1/resourceGroups/rg-a/providers/Microsoft.Authorization/policyAssignments/g',
    };
    const onlyGroup = subscriptionPolicy('s1', [atGroup]);
    expect(onlyGroup).toMatchObject({
      effect: 'none',
      inResourceGroups: [{ resourceGroup: 'rg-a', effect: 'Deny' }],
    });
    expect(policyWord('/subscriptions/s1/resourceGroups/rg-a/providers/x/y/b', undefined, onlyGroup)).toBe(
      'Not evaluated yet',
    );
    expect(policyWord('/subscriptions/s1/resourceGroups/rg-b/providers/x/y/b', undefined, onlyGroup)).toBe(
      'Not assigned',
    );
    const withHole: PolicyAssignment = {
      ...assignment('s1', 'Audit'),
      properties: {
        ...assignment('s1', 'Audit').properties,
        notScopes: ['/subscriptions/s1/resourceGroups/rg-x'],
      },
    };
    const p = subscriptionPolicy('s1', [withHole]);
    expect(policyWord('/subscriptions/s1/resourceGroups/RG-X/providers/x/y/b', undefined, p)).toBe(
      'Excluded',
    );
    expect(policyWord('/subscriptions/s1/resourceGroups/rg-y/providers/x/y/b', undefined, p)).toBe(
      'Not evaluated yet',
    );
  });

  it('the assignment as code names the definition, the scope and the effect', () => {
    const code = assignAsCode('s1', 'Deny');
    expect(code.cli).toContain('--policy 51522a96-0869-4791-82f3-981000c2c67f');
    expect(code.cli).toContain('--scope /subscriptions/s1');
    expect(code.cli).toContain(`--params '{"effect":{"value":"Deny"}}'`);
    expect(code.cli).toContain('az policy state trigger-scan --subscription s1');
    expect(code.bicep).toContain("parameters: { effect: { value: 'Deny' } }");
  });
});

describe('the key dependents', () => {
  const use = (bot: string, v: string, leftAt?: number): KeyDependent => ({
    botId: `/b/${bot}`,
    botName: bot,
    key: key('kv1', v),
    current: leftAt === undefined,
    leftAt,
  });
  it('groups by key, bots now and within the week, the most depended-on first', () => {
    const rows = keyDependentRows([
      use('b2', '2'),
      use('b1', '2'),
      use('b3', '1', 1000),
      {
        ...use('solo', '1'),
        key: versionedKeyUrlOf(`https://kv9.vault.azure.net/keys/z/${'3'.repeat(32)}`)!,
      },
    ]);
    expect(
      rows.map((r) => [r.vaultName, r.keyName, r.now, r.leaving.map((l) => l.bot), r.versions.length]),
    ).toEqual([
      ['kv1', 'k', ['b1', 'b2'], ['b3'], 2],
      ['kv9', 'z', ['solo'], [], 1],
    ]);
    expect(rows[0]!.leaving[0]!.until).toBe(1000 + 7 * 24 * 60 * 60 * 1000);
    expect(filterKeyDependents(rows, 'b3').map((r) => r.keyName)).toEqual(['k']);
    expect(filterKeyDependents(rows, 'kv9 solo').map((r) => r.keyName)).toEqual(['z']);
  });
});
