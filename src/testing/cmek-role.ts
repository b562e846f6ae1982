import { expect } from 'vitest';
import { contoso, contosoBotId, contosoVaultId } from '../mocks/scenarios/contoso';
import { control, testTwin } from './twin';

const world = () => testTwin.managed.twin.world;
const encryptionUser = 'e147488a-f6f5-4113-8e2d-b22465e65bf6';

/** Another admin gives Microsoft's Bot Service CMEK Prod the CMEK role, as the assignment `id` (its scope in it). */
export function giveCmekRole(id: string): void {
  const given = control.otherAdmin('PUT', `${id}?api-version=2022-04-01`, {
    properties: {
      roleDefinitionId: `/subscriptions/${contoso.keysSub}/providers/Microsoft.Authorization/roleDefinitions/${encryptionUser}`,
      principalId: world().cmekPrincipal(contoso.tenantId)!.objectId,
      principalType: 'ServicePrincipal',
    },
  });
  expect(given.status).toBe(201);
}

/** Another admin puts Contoso's bot on the newest version of the vault's bot-cmk-key. */
export function putBotOnVaultKey(): void {
  const version = world().key(contosoVaultId, 'bot-cmk-key')!.versions.at(-1)!.version;
  const bot = control.otherAdmin('GET', `${contosoBotId}?api-version=2022-09-15`).body as {
    properties: { displayName: string; endpoint: string; msaAppId: string };
  };
  const { displayName, endpoint, msaAppId } = bot.properties;
  const patch = control.otherAdmin('PATCH', `${contosoBotId}?api-version=2022-09-15`, {
    properties: {
      displayName,
      endpoint,
      msaAppId,
      isCmekEnabled: true,
      cmekKeyVaultUrl: `https://${contoso.vaultName}.vault.azure.net/keys/bot-cmk-key/${version}`,
    },
  });
  expect(patch.status).toBe(200);
}
