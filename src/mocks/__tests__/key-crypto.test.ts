import { KeyClient } from '@azure/keyvault-keys';
import { beforeEach, describe, expect, it } from 'vitest';
import { contoso, contosoBotId, contosoVaultId } from '../scenarios/contoso';
import { resetTwin, testTwin } from '../../testing/twin';
import { arm, world } from './helpers';
import { adminKeyVaultBearer, testCredential } from '../../testing/jwt';

const vaultUrl = `https://${contoso.vaultName}.vault.azure.net`;
const credential = testCredential;
const twinNow = () => testTwin.managed.twin.clock.now();
const keys = () => new KeyClient(vaultUrl, credential, { retryOptions: { maxRetries: 0 } });

beforeEach(async () => {
  resetTwin('ready');
  // The admin may wrap and unwrap (Bot Service CMEK Prod's permissions, given to the admin for the test).
  const add = await arm('PUT', `${contosoVaultId}/accessPolicies/add`, {
    properties: {
      accessPolicies: [
        {
          tenantId: contoso.tenantId,
          objectId: contoso.user.objectId,
          permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] },
        },
      ],
    },
  });
  expect(add.status).toBe(200);
});

describe('Key Vault’s wrap and unwrap in the twin (KeyOperationsParameters, as the REST spec has them)', () => {
  const call = async (op: 'wrapkey' | 'unwrapkey', kid: string, value: string) => {
    const res = await fetch(`${kid}/${op}?api-version=2025-07-01`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: adminKeyVaultBearer() },
      body: JSON.stringify({ alg: 'RSA-OAEP', value }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { value?: string; error?: { message: string } },
    };
  };
  const cek = 'q83vEjRWeJA';

  it('wraps and unwraps with a valid version', async () => {
    const key = await keys().getKey('bot-cmk-key');
    const wrapped = await call('wrapkey', key.id!, cek);
    expect(wrapped.status).toBe(200);
    expect(await call('unwrapkey', key.id!, wrapped.body.value!)).toEqual({
      status: 200,
      body: { kid: key.id, value: cek },
    });
  });

  it('outside its validity a version still unwraps, and refuses a new wrap with Key Vault’s error', async () => {
    const key = await keys().getKey('bot-cmk-key');
    const wrapped = await call('wrapkey', key.id!, cek);
    const past = new Date(twinNow() - 60_000);
    await keys().updateKeyProperties('bot-cmk-key', key.properties.version!, { expiresOn: past });
    expect((await call('unwrapkey', key.id!, wrapped.body.value!)).body.value).toBe(cek);
    const refused = await call('wrapkey', key.id!, cek);
    expect([refused.status, refused.body.error?.message]).toEqual([
      403,
      'Operation wrapKey is not allowed on an expired key.',
    ]);
  });

  it('a disabled version does neither', async () => {
    const key = await keys().getKey('bot-cmk-key');
    const wrapped = await call('wrapkey', key.id!, cek);
    await keys().updateKeyProperties('bot-cmk-key', key.properties.version!, { enabled: false });
    const refused = await call('unwrapkey', key.id!, wrapped.body.value!);
    expect([refused.status, refused.body.error?.message]).toEqual([
      403,
      'Operation unwrapKey is not allowed on a disabled key.',
    ]);
  });
});

describe('a bot on a key version that has expired', () => {
  it('keeps working (a declared assumption), and may not be moved onto an expired version', async () => {
    resetTwin('encrypted');
    const bot = world().bots.get(contosoBotId)!;
    const version = bot.cmek.keyUrl!.split('/').pop()!;
    const key = world().key(contosoVaultId, 'bot-cmk-key')!;
    const past = Math.floor(twinNow() / 1000) - 3600;
    world().keys.set(`${contosoVaultId}/keys/bot-cmk-key`.toLowerCase(), {
      ...key,
      versions: key.versions.map((v) => (v.version === version ? { ...v, exp: past } : v)),
    });
    const read = await arm('GET', contosoBotId, undefined, '2022-09-15');
    expect(read.body.properties.cmekEncryptionStatus).not.toBe('KeyInaccessible');
    const expired = world().key(contosoVaultId, 'old-expired')!.versions[0]!.version;
    const { displayName, endpoint, msaAppId } = read.body.properties;
    const moved = await arm(
      'PATCH',
      contosoBotId,
      {
        properties: {
          displayName,
          endpoint,
          msaAppId,
          isCmekEnabled: true,
          cmekKeyVaultUrl: `${vaultUrl}/keys/old-expired/${expired}`,
        },
      },
      '2022-09-15',
    );
    expect([moved.status, moved.body.error.code]).toEqual([400, 'KeyExpired']);
  });
});
