import { describe, expect, it } from 'vitest';
import { contoso, contosoBotId, contosoVaultId } from '../scenarios/contoso';
import type { ScenarioName } from '../scenarios';
import { resetTwin } from '../../testing/twin';
import { advance, arm, hours, world } from './helpers';

async function currentKeyUrl(keyName: string, vaultId = contosoVaultId): Promise<string> {
  const r = await arm('GET', `${vaultId}/keys/${keyName}`);
  return (r.body.properties.keyUriWithVersion as string).replace(':443', '');
}

async function patchCmk(isCmekEnabled: boolean, cmekKeyVaultUrl?: string) {
  const bot = (await arm('GET', contosoBotId)).body;
  return arm('PATCH', contosoBotId, {
    properties: {
      displayName: bot.properties.displayName,
      endpoint: bot.properties.endpoint,
      msaAppId: bot.properties.msaAppId,
      isCmekEnabled,
      ...(cmekKeyVaultUrl === undefined ? {} : { cmekKeyVaultUrl }),
    },
  });
}

const status = async () => (await arm('GET', contosoBotId)).body.properties.cmekEncryptionStatus as string;

describe('turning CMK on: every refusal names the first unmet condition', () => {
  const cases: {
    name: string;
    scenario: ScenarioName;
    url: () => Promise<string>;
    code: string;
    setup?: () => Promise<void>;
  }[] = [
    {
      name: 'a versionless URI',
      scenario: 'ready',
      url: async () => (await currentKeyUrl('bot-cmk-key')).replace(/\/[0-9a-f]{32}$/, ''),
      code: 'InvalidKeyVaultKeyUrl',
    },
    {
      name: 'a vault that does not exist',
      scenario: 'ready',
      url: async () => 'https://kv-nowhere.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef',
      code: 'KeyVaultNotFound',
    },
    {
      name: 'a vault of another tenant',
      scenario: 'cross-tenant',
      url: () =>
        currentKeyUrl(
          'partner-bot-key',
          `/subscriptions/${contoso.fabrikam.sub}/resourceGroups/rg-shared-keys/providers/Microsoft.KeyVault/vaults/kv-fabrikam-shared`,
        ),
      code: 'KeyVaultTenantMismatch',
    },
    {
      name: 'a vault without soft delete',
      scenario: 'ready',
      url: async () => 'https://kv-contoso-legacy.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef',
      code: 'KeyVaultSoftDeleteNotEnabled',
    },
    {
      name: 'a vault without purge protection',
      scenario: 'fresh',
      url: () => currentKeyUrl('bot-cmk-key'),
      code: 'KeyVaultPurgeProtectionNotEnabled',
    },
    {
      name: 'Microsoft.BotService not registered on the vault’s subscription',
      scenario: 'fresh',
      url: () => currentKeyUrl('bot-cmk-key'),
      code: 'BotServiceNotRegistered',
      setup: async () =>
        void (await arm('PATCH', contosoVaultId, { properties: { enablePurgeProtection: true } })),
    },
    {
      name: 'a firewall without the trusted-services bypass',
      scenario: 'fresh',
      url: () => currentKeyUrl('bot-cmk-key'),
      code: 'KeyVaultFirewallBlocked',
      setup: async () => {
        await arm('PATCH', contosoVaultId, { properties: { enablePurgeProtection: true } });
        await arm('POST', `/subscriptions/${contoso.keysSub}/providers/Microsoft.BotService/register`);
        advance(hours(1));
      },
    },
    {
      name: 'no access policy for Bot Service CMEK Prod',
      scenario: 'fresh',
      url: () => currentKeyUrl('bot-cmk-key'),
      code: 'KeyVaultAccessForbidden',
      setup: async () => {
        await arm('PATCH', contosoVaultId, {
          properties: {
            enablePurgeProtection: true,
            networkAcls: {
              bypass: 'AzureServices',
              defaultAction: 'Deny',
              ipRules: [{ value: '203.0.113.0/24' }],
            },
          },
        });
        await arm('POST', `/subscriptions/${contoso.keysSub}/providers/Microsoft.BotService/register`);
        advance(hours(1));
      },
    },
    {
      name: 'an RBAC vault without the role',
      scenario: 'rbac',
      url: () => currentKeyUrl('bot-cmk-key'),
      code: 'KeyVaultAccessForbidden',
    },
    {
      name: 'a key that does not exist',
      scenario: 'ready',
      url: async () => 'https://kv-contoso-cmk.vault.azure.net/keys/missing/0123456789abcdef0123456789abcdef',
      code: 'KeyNotFound',
    },
    {
      name: 'a disabled key',
      scenario: 'ready',
      url: () => currentKeyUrl('disabled-key'),
      code: 'KeyDisabled',
    },
    {
      name: 'an expired key',
      scenario: 'ready',
      url: () => currentKeyUrl('old-expired'),
      code: 'KeyExpired',
    },
    {
      name: 'a key not valid yet',
      scenario: 'ready',
      url: async () => {
        const r = await arm('PUT', `${contosoVaultId}/keys/future-key`, {
          properties: { kty: 'RSA', attributes: { nbf: Math.floor(Date.UTC(2030, 0, 1) / 1000) } },
        });
        return (r.body.properties.keyUriWithVersion as string).replace(':443', '');
      },
      code: 'KeyNotYetValid',
    },
    {
      name: 'an EC key',
      scenario: 'ready',
      url: () => currentKeyUrl('signing-ec'),
      code: 'KeyTypeNotSupported',
    },
    {
      name: 'a key without wrap and unwrap',
      scenario: 'ready',
      url: () => currentKeyUrl('rsa-sign-only'),
      code: 'KeyOperationNotPermitted',
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name} (${c.code}) and changes nothing`, async () => {
      resetTwin(c.scenario);
      await c.setup?.();
      const r = await patchCmk(true, await c.url());
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: c.code, target: 'properties.cmekKeyVaultUrl' });
      const bot = (await arm('GET', contosoBotId)).body;
      expect(bot.properties).toMatchObject({ isCmekEnabled: false, cmekEncryptionStatus: 'Off' });
    });
  }

  it('accepts a usable key once every prerequisite holds', async () => {
    resetTwin('ready');
    const r = await patchCmk(true, await currentKeyUrl('bot-cmk-key'));
    expect(r.status).toBe(200);
    expect(r.body.properties).toMatchObject({ isCmekEnabled: true, cmekEncryptionStatus: 'Encrypting' });
  });
});

describe('encryption runs on the twin’s clock', () => {
  it('encrypts, rotates and turns off, each over simulated hours', async () => {
    resetTwin('ready');
    const first = await currentKeyUrl('bot-cmk-key');
    await patchCmk(true, first);
    expect(await status()).toBe('Encrypting');
    advance(hours(19));
    expect(await status()).toBe('Encrypting');
    advance(hours(2));
    expect(await status()).toBe('Encrypted');

    const second = await currentKeyUrl('bot-cmk-key-2026');
    await patchCmk(true, second);
    expect(await status()).toBe('Rotating');
    advance(hours(21));
    expect(await status()).toBe('Encrypted');
    expect((await arm('GET', contosoBotId)).body.properties.cmekKeyVaultUrl).toBe(second);

    await patchCmk(false);
    expect(await status()).toBe('Decrypting');
    advance(hours(21));
    const off = (await arm('GET', contosoBotId)).body.properties;
    expect(off).toMatchObject({ isCmekEnabled: false, cmekEncryptionStatus: 'Off', cmekKeyVaultUrl: second });
  });

  it('never reports a key for a bot that never had one (Azure returns an unrelated leftover URL)', async () => {
    resetTwin('fresh');
    const p = (await arm('GET', contosoBotId)).body.properties;
    expect(p.isCmekEnabled).toBe(false);
    expect(p.cmekKeyVaultUrl).not.toMatch(/\/keys\//);
  });
});

describe('when access to the key is lost while CMK is on', () => {
  it('the bot’s configuration can no longer be read or changed, until access is restored', async () => {
    resetTwin('encrypted');
    expect(await status()).toBe('Encrypted');
    const sp = world().cmekPrincipal(contoso.tenantId)!;
    const removed = await arm('PUT', `${contosoVaultId}/accessPolicies/remove`, {
      properties: {
        accessPolicies: [{ tenantId: contoso.tenantId, objectId: sp.objectId, permissions: {} }],
      },
    });
    expect(removed.status).toBe(200);
    const bot = (await arm('GET', contosoBotId)).body;
    expect(bot.properties).toMatchObject({
      cmekEncryptionStatus: 'KeyInaccessible',
      endpoint: null,
      provisioningState: 'Failed',
    });
    const refused = await arm('PATCH', contosoBotId, {
      properties: { displayName: 'x', endpoint: null, msaAppId: '', isCmekEnabled: false },
    });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'BotCmkKeyInaccessible' } } });

    await arm('PUT', `${contosoVaultId}/accessPolicies/add`, {
      properties: {
        accessPolicies: [
          {
            tenantId: contoso.tenantId,
            objectId: sp.objectId,
            permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] },
          },
        ],
      },
    });
    expect(await status()).toBe('Encrypted');
    expect((await arm('GET', contosoBotId)).body.properties.endpoint).toMatch(/^https:/);
  });

  it('the revoked scenario starts broken, and rotation needs the old key too', async () => {
    resetTwin('revoked');
    expect(await status()).toBe('KeyInaccessible');
    resetTwin('encrypted');
    await patchCmk(true, await currentKeyUrl('bot-cmk-key-2026'));
    expect(await status()).toBe('Rotating');
    const old = world().keys.get(`${contosoVaultId}/keys/bot-cmk-key`)!;
    world().keys.set(`${contosoVaultId}/keys/bot-cmk-key`, {
      ...old,
      versions: old.versions.map((v) => ({ ...v, enabled: false })),
    });
    expect(await status()).toBe('KeyInaccessible');
  });
});
