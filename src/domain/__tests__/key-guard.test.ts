import { describe, expect, it } from 'vitest';
import type { Key } from '../../arm/types/key-vault';
import { ArmError } from '../../arm/errors';
import { keyCommand } from '../as-code/key-as-code';
import { parseResourceChanges } from '../history/changes';
import { commandTookEffect } from '../keys/check-again';
import { checkGuard, type GuardAction } from '../keys/key-guard';
import { keyDependentsOf, dependentsOf, type KeyDependent } from '../keys/key-dependents';
import { keyVaultProblem } from '../keys/key-vault-errors';
import { expiryState, newerUsableVersion } from '../keys/key-versions';
import {
  policyBody,
  policyErrors,
  policyForm,
  policyNotes,
  policySummary,
} from '../keys/rotation-policy-form';
import { versionedKeyUrlOf } from '../key-url';

const day = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 29, 12);
const v = (n: number) => `https://kv1.vault.azure.net/keys/k/${String(n).repeat(32)}`;
const bot = (n: string) =>
  `/subscriptions/s/resourceGroups/rg/providers/Microsoft.BotService/botServices/${n}`;
const use = (p: Partial<KeyDependent> & { n: number }): KeyDependent => ({
  botId: bot('b1'),
  botName: 'b1',
  key: versionedKeyUrlOf(v(p.n))!,
  current: true,
  ...p,
});

const disable: GuardAction = { kind: 'disable', vaultName: 'kv1', keyName: 'k', version: '1'.repeat(32) };
const expireIn = (ms: number): GuardAction => ({ ...disable, kind: 'expire', expiresAt: now + ms });
const remove: GuardAction = { kind: 'delete', vaultName: 'kv1', keyName: 'k' };
const revoke: GuardAction = { kind: 'revoke-access', vaultName: 'kv1' };
const firewall: GuardAction = { kind: 'close-firewall', vaultName: 'kv1' };

describe('the key guard: every action × a bot using the version now, within the week, after the week, none', () => {
  const cases: [string, KeyDependent[]][] = [
    ['now', [use({ n: 1 })]],
    ['within the week', [use({ n: 1, current: false, leftAt: now - 6 * day })]],
    ['after the week', [use({ n: 1, current: false, leftAt: now - 8 * day })]],
    ['none', []],
  ];
  const actions: [string, GuardAction, Record<string, boolean>][] = [
    ['disable', disable, { now: true, 'within the week': true, 'after the week': false, none: false }],
    [
      'expire in the past',
      expireIn(-day),
      { now: true, 'within the week': true, 'after the week': false, none: false },
    ],
    [
      'expire in three days',
      expireIn(3 * day),
      { now: true, 'within the week': false, 'after the week': false, none: false },
    ],
    [
      'expire in a month',
      expireIn(30 * day),
      { now: false, 'within the week': false, 'after the week': false, none: false },
    ],
    ['delete', remove, { now: true, 'within the week': true, 'after the week': false, none: false }],
    ['revoke access', revoke, { now: true, 'within the week': true, 'after the week': false, none: false }],
    [
      'close the firewall',
      firewall,
      { now: true, 'within the week': true, 'after the week': false, none: false },
    ],
  ];
  for (const [name, action, expected] of actions)
    for (const [when, uses] of cases)
      it(`${name}, ${when}: ${expected[when] ? 'stops and names the bot' : 'lets it through'}`, () => {
        const verdict = checkGuard(action, uses, [], now);
        expect(verdict.impacts.length > 0).toBe(expected[when]);
        expect(verdict.confirmWord).toBe(expected[when] ? ('keyName' in action ? 'k' : 'kv1') : undefined);
        if (expected[when]) expect(verdict.impacts[0]!.what).toMatch(/^b1 .*It stops/);
      });

  it('another version, another key or another vault is none of its business', () => {
    expect(checkGuard(disable, [use({ n: 2 })], [], now).impacts).toEqual([]);
    expect(
      checkGuard(revoke, [{ ...use({ n: 1 }), key: versionedKeyUrlOf(v(1).replace('kv1', 'kv2'))! }], [], now)
        .impacts,
    ).toEqual([]);
  });

  it('says the safe path and when the week ends; an unchecked subscription still asks for the name', () => {
    const verdict = checkGuard(
      disable,
      [use({ n: 1 }), use({ n: 1, botName: 'b2', botId: bot('b2'), current: false, leftAt: now - 2 * day })],
      [],
      now,
    );
    expect(verdict.safePath[0]).toMatch(/^Move these bots to another key or version first/);
    expect(verdict.safePath[1]).toMatch(/^Wait until .*, when the week after the change ends\.$/);
    expect(checkGuard(revoke, [use({ n: 1 })], [], now).safePath[0]).toMatch(
      /^Turn customer-managed keys off/,
    );
    expect(checkGuard(disable, [], ['The bots of Contoso HR could not be listed.'], now).confirmWord).toBe(
      'k',
    );
  });
});

describe('who uses a key', () => {
  const change = (at: number, changes: Record<string, { previousValue: string; newValue: string }>) => ({
    id: `c${at}`,
    changeTime: new Date(at).toISOString(),
    targetResourceId: bot('b1'),
    changeType: 'Update',
    changedBy: 'jordan',
    changedByType: 'User',
    clientType: 'Azure CLI',
    operation: 'Microsoft.BotService/botServices/write',
    correlationId: 'x',
    changes,
  });
  it('a rotation this week leaves the old version in use until the week ends; older ones are gone', () => {
    const uses = keyDependentsOf(
      [{ id: bot('b1'), name: 'b1', cmekEnabled: true, keyUrl: v(3) }],
      parseResourceChanges([
        change(now - 2 * day, { 'properties.cmekKeyVaultUrl': { previousValue: v(2), newValue: v(3) } }),
        change(now - 9 * day, { 'properties.cmekKeyVaultUrl': { previousValue: v(1), newValue: v(2) } }),
      ]),
      now,
    );
    expect(uses.map((u) => [u.key.version[0], u.current])).toEqual([
      ['3', true],
      ['2', false],
    ]);
    expect(dependentsOf(uses, { vaultName: 'KV1', keyName: 'K', version: '2'.repeat(32) })).toHaveLength(1);
  });
  it('turning CMK off this week keeps the key the bot had, for its decryption', () => {
    const uses = keyDependentsOf(
      [{ id: bot('b1'), name: 'b1', cmekEnabled: false, keyUrl: v(4) }],
      parseResourceChanges([
        change(now - day, { 'properties.isCmekEnabled': { previousValue: 'true', newValue: 'false' } }),
      ]),
      now,
    );
    expect(uses).toEqual([
      expect.objectContaining({
        current: false,
        leftAt: now - day,
        key: expect.objectContaining({ version: '4'.repeat(32) }),
      }),
    ]);
  });
});

describe('Key Vault’s refusals, in plain words', () => {
  const err = (code: string, inner: string | undefined, message: string, status = 403) =>
    new ArmError({ status, code, message, details: inner ? [{ code: inner }] : [] });
  it('maps each to its fix', () => {
    expect(
      keyVaultProblem(
        err(
          'Forbidden',
          'ForbiddenByFirewall',
          'Client address is not authorized.\r\nClient address: 20.50.2.7\r\nCaller: x',
        ),
      )?.fix,
    ).toEqual({ kind: 'firewall-address', address: '20.50.2.7' });
    expect(
      keyVaultProblem(err('ForbiddenByFirewall', undefined, 'Client address: 203.0.113.42. Vault: kv.'))?.fix,
    ).toEqual({ kind: 'firewall-address', address: '203.0.113.42' });
    // Through the gateway the address is the platform's shared one: never offered, the command instead.
    const viaGateway = new ArmError({
      status: 403,
      code: 'Forbidden',
      message: 'Client address is not authorized.\r\nClient address: 20.50.2.7\r\nCaller: x',
      details: [{ code: 'ForbiddenByFirewall' }],
      service: 'gateway',
    });
    expect(keyVaultProblem(viaGateway)).toEqual(
      expect.objectContaining({
        fix: { kind: 'run-yourself', why: 'firewall' },
        properly: expect.stringMatching(/private endpoint/),
      }),
    );
    expect(
      keyVaultProblem(
        err('Forbidden', 'ForbiddenByPolicy', "… does not have keys rotate permission on key vault 'kv'"),
      )?.fix,
    ).toEqual({ kind: 'access-policy', permission: 'rotate' });
    expect(
      keyVaultProblem(
        err('Forbidden', 'ForbiddenByRbac', "Action: 'Microsoft.KeyVault/vaults/keys/create/action'"),
      )?.message,
    ).toContain('keys/create/action');
    expect(
      keyVaultProblem(err('KeyNotFound', undefined, 'A key with (name/id) k was not found', 404))?.title,
    ).toBe('The key is not there');
    expect(keyVaultProblem(err('Conflict', 'ObjectIsDeletedButRecoverable', 'deleted', 409))?.fix).toEqual({
      kind: 'recover',
    });
    expect(
      keyVaultProblem(
        err('Forbidden', 'KeyDisabled', 'Operation unwrapKey is not allowed on a disabled key.'),
      )?.title,
    ).toBe('The key is disabled');
    expect(keyVaultProblem(err('InternalServerError', undefined, 'oops', 500))).toBeUndefined();
  });
});

describe('rotation policies', () => {
  const form = {
    ...policyForm(undefined),
    rotate: 'after-create' as const,
    rotateDays: '90',
    expiryDays: '365',
  };
  it('round-trips between the form and both wire forms', () => {
    const body = policyBody(form);
    expect(body).toEqual({
      lifetimeActions: [{ trigger: { timeAfterCreate: 'P90D' }, action: { type: 'Rotate' } }],
      attributes: { expiryTime: 'P365D' },
    });
    expect(
      policyForm({
        lifetimeActions: [{ trigger: { timeAfterCreate: 'P90D' }, action: { type: 'rotate' } }],
        attributes: { expiryTime: 'P1Y' },
      }),
    ).toMatchObject({ rotate: 'after-create', rotateDays: '90', expiryDays: '365' });
    expect(policySummary(body)).toBe('Rotates 90 days after creation, new versions expire after 365 days');
  });
  it('says Key Vault’s rules before anything is sent', () => {
    expect(policyErrors({ ...form, rotateDays: '3' }).rotateDays).toMatch(/at least 7 days/);
    expect(policyErrors({ ...form, expiryDays: '20' }).expiryDays).toMatch(/28 days/);
    expect(policyErrors({ ...form, rotateDays: '362' }).rotateDays).toMatch(/at most 358 days/);
    expect(policyErrors({ ...form, rotate: 'before-expiry', expiryDays: '' }).rotateDays).toMatch(
      /needs an expiry/,
    );
    // Key Vault's default (Notify 30 days before expiry, no expiry time) saves unchanged, with a note.
    const defaults = policyForm({
      lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }],
      attributes: {},
    });
    expect(policyErrors(defaults)).toEqual({});
    expect(policyNotes(defaults)).toEqual([expect.stringMatching(/only for versions with an expiry date/)]);
    expect(policyBody(defaults)).toEqual({
      lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }],
      attributes: {},
    });
    expect(policyErrors(form)).toEqual({});
  });
});

const armVersion = (n: number, p: { created: number; enabled?: boolean; exp?: number }): Key => ({
  id: `x/${n}`,
  name: String(n).repeat(32),
  type: 'Microsoft.KeyVault/vaults/keys/versions',
  properties: {
    kty: 'RSA',
    keyOps: ['wrapKey', 'unwrapKey'],
    attributes: { enabled: p.enabled ?? true, created: p.created, exp: p.exp },
    keyUriWithVersion: `https://kv1.vault.azure.net:443/keys/k/${String(n).repeat(32)}`,
  },
});

describe('versions', () => {
  it('finds the newest usable version newer than the bot’s, skipping a disabled or expired one', () => {
    const versions = [
      armVersion(1, { created: 100 }),
      armVersion(2, { created: 200 }),
      armVersion(3, { created: 300, enabled: false }),
      armVersion(4, { created: 400, exp: now / 1000 - 10 }),
    ];
    expect(newerUsableVersion(versionedKeyUrlOf(v(1))!, versions, now)?.name).toBe('2'.repeat(32));
    expect(newerUsableVersion(versionedKeyUrlOf(v(2))!, versions, now)).toBeUndefined();
  });
  it('warns 30 days before expiry and errs once passed', () => {
    expect(expiryState(undefined, now)).toBe('none');
    expect(expiryState(now / 1000 + 29 * 86_400, now)).toBe('soon');
    expect(expiryState(now / 1000 - 1, now)).toBe('expired');
  });
  it('checks again whether a command run elsewhere took effect', () => {
    const cmd = {
      kind: 'set-enabled' as const,
      vaultName: 'kv1',
      keyName: 'k',
      version: '1'.repeat(32),
      enabled: false,
    };
    expect(commandTookEffect(cmd, { versions: [armVersion(1, { created: 1 })] }, 1)).toMatchObject({
      done: false,
      said: /still reports the version enabled/,
    });
    expect(
      commandTookEffect(cmd, { versions: [armVersion(1, { created: 1, enabled: false })] }, 1),
    ).toMatchObject({ done: true });
    expect(
      commandTookEffect({ kind: 'delete', vaultName: 'kv1', keyName: 'k' }, { versions: [] }, 1).done,
    ).toBe(true);
  });
  it('writes the commands for the Azure CLI and PowerShell', () => {
    expect(
      keyCommand({ kind: 'set-enabled', vaultName: 'kv1', keyName: 'k', version: 'abc', enabled: false }),
    ).toEqual({
      cli: 'az keyvault key set-attributes --vault-name kv1 --name k --version abc --enabled false',
      powershell: "Update-AzKeyVaultKey -VaultName 'kv1' -Name 'k' -Version 'abc' -Enable $false",
    });
    expect(keyCommand({ kind: 'rotate', vaultName: 'kv1', keyName: 'k' }).cli).toBe(
      'az keyvault key rotate --vault-name kv1 --name k',
    );
  });
});
