import { ResourceManagementClient } from '@azure/arm-resources';
import { versionedKeyUrlOf } from '../../domain/key-url';
import { beforeEach, describe, expect, it } from 'vitest';
import { armRequest } from '../client';
import { botsGet, botsList, botsUpdate } from '../operations/bots';
import { listAll } from '../paging';
import { keysCreateIfNotExist, keysGetVersion, keysList, keysListVersions } from '../operations/keys';
import { providersGet, providersList, providersRegister, providersUnregister } from '../operations/providers';
import { subscriptionsList, tenantsList } from '../operations/subscriptions';
import {
  vaultsGet,
  vaultsListBySubscription,
  vaultsUpdate,
  vaultsUpdateAccessPolicy,
} from '../operations/vaults';
import { contoso, contosoBotId, contosoVaultId } from '../../mocks/scenarios/contoso';
import { contractOf, pathMatches, validate } from '../../testing/azure-contract';
import { resetTwin, testTwin } from '../../testing/twin';
import { testCredential } from '../../testing/jwt';
import contract from '../../../test/azure-contract/operations.json';

interface Seen {
  method: string;
  url: URL;
  body: unknown;
  status: number;
  response: unknown;
}

const seen: Seen[] = [];
beforeEach(() => {
  testTwin.server.events.on('response:mocked', async ({ request, response }) => {
    // An SDK's Node request may have had its body read already: such calls are not part of the spec checks.
    let reqText: string;
    try {
      reqText = await request.clone().text();
    } catch {
      return;
    }
    const resText = await response.clone().text();
    seen.push({
      method: request.method,
      url: new URL(request.url),
      body: reqText ? JSON.parse(reqText) : undefined,
      status: response.status,
      response: resText ? JSON.parse(resText) : undefined,
    });
  });
});

const tenantId = contoso.tenantId;
const botRg = contoso.botRg;

const cases: { op: string; call: () => Promise<unknown>; scenario?: 'fresh' | 'ready' }[] = [
  { op: 'Bots_Get', call: () => botsGet(contosoBotId) },
  { op: 'Bots_List', call: () => botsList(contoso.botsSub) },
  // Operations the console does not use but the twin serves (for Azure's SDKs and the CLI): called directly.
  {
    op: 'Bots_ListByResourceGroup',
    call: () =>
      listAll(
        `/subscriptions/${contoso.botsSub}/resourceGroups/${botRg}/providers/Microsoft.BotService/botServices`,
        {
          apiVersion: '2022-09-15',
        },
      ),
  },
  {
    op: 'Bots_Update',
    scenario: 'ready',
    call: async () => {
      const b = await botsGet(contosoBotId);
      return botsUpdate(contosoBotId, {
        properties: {
          displayName: b.properties.displayName,
          endpoint: b.properties.endpoint,
          msaAppId: b.properties.msaAppId,
          isCmekEnabled: true,
          cmekKeyVaultUrl: versionedKeyUrlOf(
            (await keysList(contosoVaultId)).find((k) => k.name === 'bot-cmk-key')!.properties
              .keyUriWithVersion,
          )?.href,
        },
      });
    },
  },
  { op: 'Vaults_Get', call: () => vaultsGet(contosoVaultId) },
  { op: 'Vaults_ListBySubscription', call: () => vaultsListBySubscription(contoso.keysSub) },
  {
    op: 'Vaults_ListByResourceGroup',
    call: () =>
      listAll(
        `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.KeyVault/vaults`,
        {
          apiVersion: '2025-05-01',
        },
      ),
  },
  {
    op: 'Vaults_Update',
    call: () =>
      vaultsUpdate(contosoVaultId, {
        properties: {
          enablePurgeProtection: true,
          networkAcls: {
            bypass: 'AzureServices',
            defaultAction: 'Deny',
            ipRules: [{ value: '203.0.113.0/24' }],
          },
        },
      }),
  },
  {
    op: 'Vaults_UpdateAccessPolicy',
    call: () =>
      vaultsUpdateAccessPolicy(contosoVaultId, 'add', [
        { tenantId, objectId: contoso.user.objectId, permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] } },
      ]),
  },
  {
    op: 'Vaults_ListDeleted',
    call: () =>
      listAll(`/subscriptions/${contoso.keysSub}/providers/Microsoft.KeyVault/deletedVaults`, {
        apiVersion: '2025-05-01',
      }),
  },
  {
    op: 'Vaults_GetDeleted',
    call: () => {
      testTwin.control.otherAdmin('DELETE', `${contosoVaultId}?api-version=2025-05-01`);
      return armRequest({
        method: 'GET',
        path: `/subscriptions/${contoso.keysSub}/providers/Microsoft.KeyVault/locations/westeurope/deletedVaults/${contoso.vaultName}`,
        apiVersion: '2025-05-01',
      });
    },
  },
  { op: 'Keys_List', call: () => keysList(contosoVaultId) },
  {
    op: 'Keys_Get',
    call: () =>
      armRequest({ method: 'GET', path: `${contosoVaultId}/keys/bot-cmk-key`, apiVersion: '2025-05-01' }),
  },
  { op: 'Keys_ListVersions', call: () => keysListVersions(contosoVaultId, 'bot-cmk-key') },
  {
    op: 'Keys_GetVersion',
    call: async () => {
      const [v] = await keysListVersions(contosoVaultId, 'bot-cmk-key');
      return keysGetVersion(contosoVaultId, 'bot-cmk-key', v!.name);
    },
  },
  {
    op: 'Keys_CreateIfNotExist',
    call: () =>
      keysCreateIfNotExist(contosoVaultId, 'new-cmk-key', {
        properties: { kty: 'RSA', keySize: 3072, keyOps: ['wrapKey', 'unwrapKey'] },
      }),
  },
  { op: 'Providers_Get', call: () => providersGet(contoso.keysSub, 'Microsoft.BotService') },
  { op: 'Providers_List', call: () => providersList(contoso.keysSub) },
  {
    op: 'Providers_Register',
    call: () => providersRegister(contoso.botsSub, 'Microsoft.Storage'),
  },
  {
    op: 'Providers_Unregister',
    call: () => providersUnregister(contoso.botsSub, 'Microsoft.Web'),
  },
  { op: 'Subscriptions_List', call: () => subscriptionsList() },
  { op: 'Tenants_List', call: () => tenantsList() },
];

describe('contract: the client and the twin against Azure’s REST contract (test/azure-contract)', () => {
  for (const c of cases) {
    it(`${c.op}: request and response fit the contract`, async () => {
      if (c.scenario) testTwin.managed.reset(c.scenario, Date.UTC(2026, 10, 1));
      seen.length = 0;
      await c.call();
      const spec = contractOf(c.op);
      const req = [...seen]
        .reverse()
        .find((s) => s.method === spec.method && pathMatches(spec.path, s.url.pathname));
      expect(req, `a ${spec.method} matching ${spec.path}`).toBeDefined();
      expect(req!.url.searchParams.get('api-version')).toBe(spec.apiVersion);
      if (spec.body) expect(validate(spec.body, req!.body, '$', { request: true })).toEqual([]);
      else expect(req!.body).toBeUndefined();
      const declared = String(req!.status) in spec.responses;
      expect(declared || [200, 202, 204].includes(req!.status), `status ${req!.status} is declared`).toBe(
        true,
      );
      const responseShape = spec.responses[String(req!.status)];
      if (responseShape) expect(validate(responseShape, req!.response)).toEqual([]);
    });
  }

  it('checks every operation the contract holds', () => {
    expect(cases.map((c) => c.op).sort()).toEqual(
      Object.keys((contract as { operations: object }).operations).sort(),
    );
  });
});

describe("Azure's own SDK against the twin", () => {
  it('@azure/arm-resources 6.1.0 registers a provider with its default api-version (2025-03-01)', async () => {
    resetTwin('fresh');
    const client = new ResourceManagementClient(testCredential, contoso.keysSub);
    expect(client.apiVersion).toBe('2025-03-01');
    const registering = await client.providers.register('Microsoft.BotService');
    expect(registering.registrationState).toBe('Registering');
    const read = await client.providers.get('Microsoft.BotService');
    expect(read.namespace).toBe('Microsoft.BotService');
  });

  it('an api-version no provider publishes still gets ARM’s InvalidApiVersionParameter', async () => {
    const client = new ResourceManagementClient(testCredential, contoso.keysSub, {
      apiVersion: '2014-01-01',
    });
    await expect(client.providers.get('Microsoft.BotService')).rejects.toMatchObject({
      code: 'InvalidApiVersionParameter',
      statusCode: 400,
    });
  });
});
