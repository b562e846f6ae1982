import { buildScenario, isScenarioName } from '../scenarios';
import { describe, expect, it } from 'vitest';
import { contoso, contosoBotId, contosoVaultId } from '../scenarios/contoso';
import { control, resetTwin } from '../../testing/twin';
import { advance, arm, hours } from './helpers';

const kvPath = contosoVaultId;

describe('ARM envelope and basics', () => {
  it('answers 404 with the ARM error envelope for a missing resource, with request ids and a Date header', async () => {
    const r = await arm(
      'GET',
      `/subscriptions/${contoso.botsSub}/resourceGroups/${contoso.botRg}/providers/Microsoft.BotService/botServices/nope`,
    );
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({
      code: 'ResourceNotFound',
      message: expect.stringContaining('nope'),
    });
    expect(r.headers.get('x-ms-request-id')).toBeTruthy();
    expect(r.headers.get('x-ms-correlation-request-id')).toBeTruthy();
    expect(Date.parse(r.headers.get('date')!)).toBe(Math.floor(control.now() / 1000) * 1000);
    const rg = await arm(
      'GET',
      `/subscriptions/${contoso.botsSub}/resourceGroups/rg-missing/providers/Microsoft.BotService/botServices/x`,
    );
    expect(rg.body.error.code).toBe('ResourceGroupNotFound');
  });

  it('requires a supported api-version', async () => {
    const missing = await arm('GET', contosoBotId, undefined, '');
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'MissingApiVersionParameter' } } });
    const wrong = await arm('GET', contosoBotId, undefined, '1999-01-01');
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'InvalidApiVersionParameter' } } });
  });

  it('throttles on demand with Retry-After, then serves normally', async () => {
    control.armFault({ kind: 'throttle', count: 1, retryAfterSeconds: 9 });
    const r = await arm('GET', contosoBotId);
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('9');
    expect((await arm('GET', contosoBotId)).status).toBe(200);
  });

  it('answers 403 AuthorizationFailed where the demo admin holds no fitting role', async () => {
    const finance = `/subscriptions/${contoso.financeSub}/resourceGroups/${contoso.financeRg}/providers/Microsoft.KeyVault/vaults/kv-finance-payroll`;
    expect((await arm('GET', finance)).status).toBe(200);
    const r = await arm('PATCH', finance, { properties: { enablePurgeProtection: true } });
    expect(r).toMatchObject({
      status: 403,
      body: {
        error: {
          code: 'AuthorizationFailed',
          message: expect.stringContaining('Microsoft.KeyVault/vaults/write'),
        },
      },
    });
  });

  it('answers 409 MissingSubscriptionRegistration for an unregistered namespace', async () => {
    await arm('POST', `/subscriptions/${contoso.botsSub}/providers/Microsoft.KeyVault/unregister`);
    advance(hours(2));
    const r = await arm('GET', `/subscriptions/${contoso.botsSub}/providers/Microsoft.KeyVault/vaults`);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'MissingSubscriptionRegistration',
      details: [{ target: 'Microsoft.KeyVault' }],
    });
  });
});

describe('providers', () => {
  it('go NotRegistered → Registering → Registered over simulated time', async () => {
    const path = `/subscriptions/${contoso.keysSub}/providers/Microsoft.BotService`;
    expect((await arm('GET', path)).body.registrationState).toBe('NotRegistered');
    expect((await arm('POST', `${path}/register`)).body.registrationState).toBe('Registering');
    expect((await arm('GET', path)).body.registrationState).toBe('Registering');
    advance(hours(1));
    expect((await arm('GET', path)).body.registrationState).toBe('Registered');
  });

  it('refuse to unregister while resources of the provider exist', async () => {
    const r = await arm('POST', `/subscriptions/${contoso.keysSub}/providers/Microsoft.KeyVault/unregister`);
    expect(r.status).toBe(409);
  });
});

describe('resources of a subscription', () => {
  it('lists only that subscription’s bots and vaults, and follows a deletion', async () => {
    const path = (s: string) =>
      `/subscriptions/${s}/resources?$filter=${encodeURIComponent(
        "resourceType eq 'Microsoft.BotService/botServices' or resourceType eq 'Microsoft.KeyVault/vaults'",
      )}`;
    const ids = async (s: string) =>
      ((await arm('GET', path(s))).body as { value: { id: string }[] }).value.map((r) => r.id.toLowerCase());
    const bots = await ids(contoso.botsSub);
    expect(bots).toContain(contosoBotId.toLowerCase());
    expect(bots.every((id) => id.startsWith(`/subscriptions/${contoso.botsSub}/`))).toBe(true);
    expect(await ids(contoso.keysSub)).toContain(kvPath.toLowerCase());
    expect((await arm('DELETE', kvPath)).status).toBe(200);
    expect(await ids(contoso.keysSub)).not.toContain(kvPath.toLowerCase());
  });
});

describe('key vault rules', () => {
  it('refuses enablePurgeProtection:false with Azure’s message, even when it is already off', async () => {
    const r = await arm('PATCH', kvPath, { properties: { enablePurgeProtection: false } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe(
      'The property "enablePurgeProtection" cannot be set to false. Enabling the purge protection for a vault is an irreversible action.',
    );
  });

  it('turns purge protection on for good', async () => {
    expect(
      (await arm('PATCH', kvPath, { properties: { enablePurgeProtection: true } })).body.properties
        .enablePurgeProtection,
    ).toBe(true);
    expect((await arm('PATCH', kvPath, { properties: { enablePurgeProtection: false } })).status).toBe(400);
    expect((await arm('GET', kvPath)).body.properties.enablePurgeProtection).toBe(true);
  });

  it('lets soft delete be turned on but never off, and purge protection needs it', async () => {
    const legacy = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.KeyVault/vaults/kv-contoso-legacy`;
    expect((await arm('PATCH', legacy, { properties: { enablePurgeProtection: true } })).status).toBe(400);
    expect(
      (await arm('PATCH', legacy, { properties: { enableSoftDelete: true } })).body.properties
        .enableSoftDelete,
    ).toBe(true);
    const off = await arm('PATCH', legacy, { properties: { enableSoftDelete: false } });
    expect(off).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('irreversible') } },
    });
  });

  it('validates firewall rules: well-formed, public, at most 1000', async () => {
    const acl = (ipRules: string[]) =>
      arm('PATCH', kvPath, {
        properties: {
          networkAcls: {
            defaultAction: 'Deny',
            bypass: 'AzureServices',
            ipRules: ipRules.map((value) => ({ value })),
          },
        },
      });
    expect((await acl(['203.0.113.0/24', '198.51.100.7'])).status).toBe(200);
    expect((await acl(['10.0.0.0/8'])).body.error.message).toMatch(/private/);
    expect((await acl(['300.1.1.1'])).body.error.message).toMatch(/not a valid IPv4/);
    const many = Array.from({ length: 1001 }, (_, i) => `20.${Math.floor(i / 250)}.${i % 250}.1`);
    expect((await acl(many)).body.error.message).toMatch(/at most 1000/);
  });

  it('access policies: add merges, replace replaces, remove removes, per object id', async () => {
    const objectId = '11111111-2222-4333-8444-555555555555';
    const put = (kind: string, keys: string[]) =>
      arm('PUT', `${kvPath}/accessPolicies/${kind}`, {
        properties: { accessPolicies: [{ tenantId: contoso.tenantId, objectId, permissions: { keys } }] },
      });
    const entry = async () =>
      (await arm('GET', kvPath)).body.properties.accessPolicies.find(
        (p: { objectId: string }) => p.objectId === objectId,
      );
    await put('add', ['get']);
    await put('add', ['wrapKey', 'unwrapKey']);
    expect((await entry()).permissions.keys.sort()).toEqual(['get', 'unwrapKey', 'wrapKey']);
    await put('replace', ['list']);
    expect((await entry()).permissions.keys).toEqual(['list']);
    await put('remove', []);
    expect(await entry()).toBeUndefined();
  });

  it('access policies: the tenant must be the vault’s, at most 16 per call and 1024 per vault', async () => {
    const wrongTenant = await arm('PUT', `${kvPath}/accessPolicies/add`, {
      properties: {
        accessPolicies: [{ tenantId: contoso.fabrikam.tenantId, objectId: 'x', permissions: {} }],
      },
    });
    expect(wrongTenant.status).toBe(400);
    const seventeen = Array.from({ length: 17 }, (_, i) => ({
      tenantId: contoso.tenantId,
      objectId: `obj-${i}`,
      permissions: { keys: ['get'] },
    }));
    expect(
      (await arm('PUT', `${kvPath}/accessPolicies/add`, { properties: { accessPolicies: seventeen } }))
        .status,
    ).toBe(400);
    const current = (await arm('GET', kvPath)).body.properties.accessPolicies.length;
    const fill = Array.from({ length: 1024 - current }, (_, i) => ({
      tenantId: contoso.tenantId,
      objectId: `fill-${i}`,
      permissions: { keys: ['get'] },
    }));
    expect(
      (
        await arm('PATCH', kvPath, {
          properties: {
            accessPolicies: [...(await arm('GET', kvPath)).body.properties.accessPolicies, ...fill],
          },
        })
      ).status,
    ).toBe(200);
    const one = await arm('PUT', `${kvPath}/accessPolicies/add`, {
      properties: {
        accessPolicies: [
          { tenantId: contoso.tenantId, objectId: 'one-too-many', permissions: { keys: ['get'] } },
        ],
      },
    });
    expect(one).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/1024/) } } });
  });

  it('keys created through ARM get a 32-hex version and versioned URIs (with :443, as ARM returns them)', async () => {
    const r = await arm('PUT', `${kvPath}/keys/created-key`, {
      properties: { kty: 'RSA', keySize: 4096, keyOps: ['wrapKey', 'unwrapKey'] },
    });
    expect(r.status).toBe(200);
    expect(r.body.properties.keyUriWithVersion).toMatch(
      /^https:\/\/kv-contoso-cmk\.vault\.azure\.net:443\/keys\/created-key\/[0-9a-f]{32}$/,
    );
    const again = await arm('PUT', `${kvPath}/keys/created-key`, {
      properties: { kty: 'RSA', keySize: 2048 },
    });
    expect(again.body.properties.keyUriWithVersion).toBe(r.body.properties.keyUriWithVersion);
    expect(
      (await arm('PUT', `${kvPath}/keys/bad-size`, { properties: { kty: 'RSA', keySize: 1024 } })).status,
    ).toBe(400);
  });

  it('hides keys from an admin whose address the vault firewall does not admit', async () => {
    const locked = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.KeyVault/vaults/kv-contoso-locked`;
    expect((await arm('GET', locked)).status).toBe(200);
    expect(await arm('GET', `${locked}/keys`)).toMatchObject({
      status: 403,
      body: { error: { code: 'ForbiddenByFirewall' } },
    });
  });

  it('faults: a dropped connection and a concurrent change by another admin', async () => {
    control.armFault({ kind: 'drop', count: 1 });
    await expect(arm('GET', kvPath)).rejects.toThrow();
    control.armFault({
      kind: 'concurrent',
      method: 'GET',
      pathIncludes: 'kv-contoso-cmk',
      change: {
        method: 'PATCH',
        path: `${kvPath}?api-version=2025-05-01`,
        body: { tags: { changedBy: 'other-admin' } },
      },
    });
    expect((await arm('GET', kvPath)).body.tags).toEqual({ changedBy: 'other-admin' });
  });

  it('persists only what changed and restores it on top of the seed', async () => {
    const { testTwin } = await import('../../testing/twin');
    await arm('PATCH', kvPath, { properties: { enablePurgeProtection: true } });
    const snapshot = testTwin.managed.snapshot();
    // The vault, and Azure's records of the change (Activity log events, a Resource Graph change record).
    expect(Object.keys(snapshot.diffs).sort()).toEqual(['activityEvents', 'changeRecords', 'vaults']);
    resetTwin('fresh');
    expect((await arm('GET', kvPath)).body.properties.enablePurgeProtection).toBeUndefined();
    const { restoreWorld } = await import('../store/snapshot');
    testTwin.managed.twin.replaceWorld(
      restoreWorld(snapshot, (name, at) => (isScenarioName(name) ? buildScenario(name, at) : undefined))!,
    );
    expect((await arm('GET', kvPath)).body.properties.enablePurgeProtection).toBe(true);
    expect(testTwin.managed.twin.world.changeRecords.size).toBe(1);
  });
});
