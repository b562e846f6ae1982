import { KeyClient } from '@azure/keyvault-keys';
import { beforeEach, describe, expect, it } from 'vitest';
import { contoso, contosoVaultId } from '../scenarios/contoso';
import { resetTwin, testTwin } from '../../testing/twin';
import { advance, arm, world } from './helpers';
import { adminKeyVaultBearer, keyVaultJwt, testCredential } from '../../testing/jwt';

const vaultUrl = `https://${contoso.vaultName}.vault.azure.net`;
const day = 24 * 60 * 60 * 1000;
const credential = testCredential;
// The twin's clock runs at real speed in tests: the SDK's pollers wait real milliseconds.
const client = () => new KeyClient(vaultUrl, credential, { retryOptions: { maxRetries: 0 } });

async function kv(
  method: string,
  path: string,
  body?: unknown,
  opts: { token?: boolean | string; host?: string } = {},
) {
  const url = new URL(`https://${opts.host ?? `${contoso.vaultName}.vault.azure.net`}${path}`);
  if (!url.searchParams.has('api-version')) url.searchParams.set('api-version', '2025-07-01');
  const res = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(opts.token === false
        ? {}
        : { authorization: typeof opts.token === 'string' ? opts.token : adminKeyVaultBearer() }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

beforeEach(() => resetTwin('encrypted'));

describe('Key Vault’s data plane in the twin', () => {
  it('@azure/keyvault-keys 4.10.2 creates, versions, rotates, updates, sets a rotation policy, deletes and recovers', async () => {
    const c = client();
    const created = await c.createRsaKey('sdk-key', { keySize: 3072 });
    expect(created.properties.version).toMatch(/^[0-9a-f]{32}$/);
    const second = await c.createRsaKey('sdk-key', { keySize: 3072 });
    const rotated = await c.rotateKey('sdk-key');
    const versions = [];
    for await (const v of c.listPropertiesOfKeyVersions('sdk-key')) versions.push(v.version);
    expect(versions.sort()).toEqual([created, second, rotated].map((k) => k.properties.version).sort());
    const disabled = await c.updateKeyProperties('sdk-key', created.properties.version!, { enabled: false });
    expect(disabled.properties.enabled).toBe(false);
    await c.updateKeyRotationPolicy('sdk-key', {
      lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D' }],
      expiresIn: 'P2Y',
    });
    const policy = await c.getKeyRotationPolicy('sdk-key');
    expect(policy.lifetimeActions).toEqual([{ action: 'Rotate', timeAfterCreate: 'P90D' }]);
    const deleting = await c.beginDeleteKey('sdk-key', { intervalInMs: 1 });
    const deleted = await deleting.pollUntilDone();
    expect(deleted.properties.recoveryId).toBe(`${vaultUrl}/deletedkeys/sdk-key`);
    // ARM no longer lists it; the data plane lists it as deleted.
    expect((await arm('GET', `${contosoVaultId}/keys/sdk-key`)).status).toBe(404);
    const recovering = await c.beginRecoverDeletedKey('sdk-key', { intervalInMs: 1 });
    expect((await recovering.pollUntilDone()).name).toBe('sdk-key');
    // A version made on the data plane appears in ARM's Keys_ListVersions.
    const armVersions = (await arm('GET', `${contosoVaultId}/keys/sdk-key/versions`)).body.value;
    expect(armVersions).toHaveLength(3);
  });

  it('challenges a call without a token the way Azure’s SDKs expect', async () => {
    const r = await kv('GET', '/keys', undefined, { token: false });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe(
      `Bearer authorization="https://login.microsoftonline.com/${contoso.tenantId}", resource="https://vault.azure.net"`,
    );
  });

  it('takes only a Key Vault token from the vault’s tenant, in its lifetime, as Key Vault does', async () => {
    const now = Math.floor(Date.now() / 1000);
    const refused = async (token: string) => {
      const r = await kv('GET', '/keys', undefined, { token });
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/resource="https:\/\/vault\.azure\.net"/);
      expect(r.body.error.code).toBe('Unauthorized');
      return r.body.error.message as string;
    };
    const claims = { iss: `https://sts.windows.net/${contoso.tenantId}/`, tid: contoso.tenantId };
    expect(await refused('Bearer not-a-jwt')).toMatch(/not a JSON Web Token/);
    expect(
      await refused(`Bearer ${keyVaultJwt(now, { ...claims, aud: 'https://management.azure.com/' })}`),
    ).toBe(
      'AKV10022: Invalid audience. Expected https://vault.azure.net or cfa8b339-82a2-471a-a3c9-0fc0be7a4093, found: https://management.azure.com/.',
    );
    expect(await refused(adminKeyVaultBearer(contoso.fabrikam.tenantId))).toMatch(
      new RegExp(
        `^AKV10032: Invalid issuer\\. Expected one of https://sts\\.windows\\.net/${contoso.tenantId}/`,
      ),
    );
    expect(await refused(`Bearer ${keyVaultJwt(now - 7200, claims)}`)).toMatch(/expired/);
    expect(await refused(`Bearer ${keyVaultJwt(now + 3600, claims)}`)).toMatch(/not valid yet/);
    // Inside the five minutes of clock skew, and by Key Vault's application id, it is taken.
    expect(
      (await kv('GET', '/keys', undefined, { token: `Bearer ${keyVaultJwt(now - 3600 - 200, claims)}` }))
        .status,
    ).toBe(200);
    const byAppId = keyVaultJwt(now, { ...claims, aud: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093' });
    expect((await kv('GET', '/keys', undefined, { token: `Bearer ${byAppId}` })).status).toBe(200);
  });

  it('refuses by access policy, naming the permission; by RBAC on an RBAC vault; by firewall with the address', async () => {
    const policies = world().vaults.get(contosoVaultId)!;
    world().vaults.set(contosoVaultId, {
      ...policies,
      accessPolicies: policies.accessPolicies.map((p) =>
        p.objectId === contoso.user.objectId
          ? { ...p, permissions: { ...p.permissions, keys: ['get', 'list'] } }
          : p,
      ),
    });
    const byPolicy = await kv('POST', '/keys/bot-cmk-key/rotate');
    expect([byPolicy.status, byPolicy.body.error.innererror.code]).toEqual([403, 'ForbiddenByPolicy']);
    expect(byPolicy.body.error.message).toMatch(
      /does not have keys rotate permission on key vault 'kv-contoso-cmk/,
    );

    resetTwin('rbac');
    const byRbac = await kv('POST', '/keys/bot-cmk-key/create', { kty: 'RSA' });
    expect([byRbac.status, byRbac.body.error.innererror.code]).toEqual([403, 'ForbiddenByRbac']);
    expect(byRbac.body.error.message).toContain("Action: 'Microsoft.KeyVault/vaults/keys/create/action'");

    const byFirewall = await kv('GET', '/keys', undefined, { host: 'kv-contoso-locked.vault.azure.net' });
    expect(byFirewall.body.error.innererror.code).toBe('ForbiddenByFirewall');
    expect(byFirewall.body.error.message).toContain('Client address: 203.0.113.42');
  });

  it('validates a rotation policy as Key Vault does', async () => {
    const put = (policy: unknown) => kv('PUT', '/keys/bot-cmk-key/rotationpolicy', policy);
    const rotate = (trigger: object) => ({ trigger, action: { type: 'Rotate' } });
    expect((await put({ lifetimeActions: [rotate({ timeAfterCreate: 'P3D' })] })).body.error.message).toMatch(
      /at least 7 days/,
    );
    expect(
      (
        await put({
          lifetimeActions: [rotate({ timeAfterCreate: 'P90D' })],
          attributes: { expiryTime: 'P20D' },
        })
      ).body.error.message,
    ).toMatch(/at least 28 days/);
    // Key Vault's own default, as it returns it for a key without a policy, is taken back unchanged.
    const fresh = await kv('GET', '/keys/expiring-soon/rotationpolicy');
    expect(fresh.body.lifetimeActions).toEqual([
      { trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } },
    ]);
    expect(
      (await kv('PUT', '/keys/expiring-soon/rotationpolicy', { lifetimeActions: fresh.body.lifetimeActions }))
        .status,
    ).toBe(200);
    expect(
      (
        await put({
          lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Rotate' } }],
        })
      ).body.error.message,
    ).toMatch(/expiry time/);
    expect(
      (
        await put({
          lifetimeActions: [rotate({ timeAfterCreate: 'P90D' }), rotate({ timeAfterCreate: 'P60D' })],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await put({
          lifetimeActions: [{ trigger: { timeAfterCreate: 'P90D' }, action: { type: 'rotate' } }],
          attributes: { expiryTime: 'P1Y' },
        })
      ).status,
    ).toBe(200);
  });

  it('rotates on the simulated clock when the policy says so, and a deleted version stops the bot', async () => {
    const versionsNow = world().key(contosoVaultId, 'bot-cmk-key')!.versions.length;
    await kv('PUT', '/keys/bot-cmk-key/rotationpolicy', {
      lifetimeActions: [{ trigger: { timeAfterCreate: 'P30D' }, action: { type: 'Rotate' } }],
    });
    // The current version is 40 days old: the next request finds it rotated.
    await kv('GET', '/keys/bot-cmk-key');
    expect(world().key(contosoVaultId, 'bot-cmk-key')!.versions).toHaveLength(versionsNow + 1);
    advance(31 * day);
    await kv('GET', '/keys/bot-cmk-key');
    expect(world().key(contosoVaultId, 'bot-cmk-key')!.versions).toHaveLength(versionsNow + 2);

    const bot = `/subscriptions/${contoso.botsSub}/resourceGroups/${contoso.botRg}/providers/Microsoft.BotService/botServices/${contoso.botName}`;
    await kv('DELETE', '/keys/bot-cmk-key');
    expect((await arm('GET', `${bot}?api-version=2022-09-15`)).body.properties.cmekEncryptionStatus).toBe(
      'KeyInaccessible',
    );
    expect((await kv('POST', '/keys/bot-cmk-key/create', { kty: 'RSA' })).body.error.innererror.code).toBe(
      'ObjectIsDeletedButRecoverable',
    );
    // Deleting is long-running: until it has finished, the deleted key neither reads back nor recovers.
    expect((await kv('GET', '/deletedkeys/bot-cmk-key')).status).toBe(404);
    expect((await kv('POST', '/deletedkeys/bot-cmk-key/recover')).status).toBe(409);
    advance(5_000);
    expect((await kv('GET', '/deletedkeys/bot-cmk-key')).status).toBe(200);
    expect((await kv('POST', '/deletedkeys/bot-cmk-key/recover')).status).toBe(200);
    // So is recovering: the key is back (and the bot with it) once it has finished.
    expect((await kv('GET', '/keys/bot-cmk-key')).status).toBe(404);
    expect((await kv('POST', '/deletedkeys/bot-cmk-key/recover')).body.error.innererror.code).toBe(
      'ObjectIsBeingRecovered',
    );
    advance(5_000);
    expect((await kv('GET', '/keys/bot-cmk-key')).status).toBe(200);
    expect((await arm('GET', `${bot}?api-version=2022-09-15`)).body.properties.cmekEncryptionStatus).toBe(
      'Encrypted',
    );
  });

  it('a host no vault has does not answer', async () => {
    await expect(kv('GET', '/keys', undefined, { host: 'kv-nobody-here.vault.azure.net' })).rejects.toThrow();
    expect(testTwin.managed.twin.world.vaults.size).toBeGreaterThan(0);
  });
});
