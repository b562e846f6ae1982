import { describe, expect, it } from 'vitest';
import { armRequest } from '../../arm/client';
import { botsGet } from '../../arm/operations/bots';
import { keysList } from '../../arm/operations/keys';
import type { Bot } from '../../arm/types/bot';
import { contoso, contosoVaultId } from '../../mocks/scenarios/contoso';
import { parseBicep } from '../../testing/bicep';
import { resetTwin, testTwin } from '../../testing/twin';
import { botBicep, botCli, botDeployment, type CmekSetting } from '../as-code/bot-as-code';
import { versionedKeyUrlOf } from '../key-url';

const botId = (name: string) =>
  `/subscriptions/${contoso.botsSub}/resourceGroups/${contoso.botRg}/providers/Microsoft.BotService/botServices/${name}`;
const twinBot = (name: string) => testTwin.managed.twin.world.bots.get(botId(name))!;

/** Deploys a Bicep resource the way ARM would: its body, as a PUT (Bots_Create). */
async function deploy(bicep: string, id: string) {
  const parsed = parseBicep(bicep, { developerAppInsightsApiKey: 'secret-key', luisKey: 'secret-luis' });
  expect(parsed.resourceType).toBe('Microsoft.BotService/botServices@2022-09-15');
  const { name, ...body } = parsed.body;
  expect(name).toBe(id.split('/').pop());
  return armRequest<Bot>({ method: 'PUT', path: id, apiVersion: '2022-09-15', body });
}

/** Everything a GET shows but the CMK fields and what Azure sets itself. */
function allButCmek(bot: Bot) {
  const { isCmekEnabled, cmekKeyVaultUrl, cmekEncryptionStatus, ...properties } = bot.properties;
  const { etag, properties: all, ...envelope } = bot;
  void [isCmekEnabled, cmekKeyVaultUrl, cmekEncryptionStatus, etag, all];
  return { envelope, properties };
}

async function newKey(): Promise<CmekSetting> {
  const key = versionedKeyUrlOf(
    (await keysList(contosoVaultId)).find((k) => k.name === 'bot-cmk-key')!.properties.keyUriWithVersion,
  )!;
  return { cmek: true, key };
}

describe('the Bicep export of an encryption change', () => {
  for (const [name, kind] of [
    ['contoso-support-bot', 'SingleTenant'],
    ['contoso-hr-bot', 'MultiTenant'],
    ['contoso-orders-bot', 'UserAssignedMSI'],
  ] as const) {
    it(`deployed as a PUT, changes nothing of the ${kind} bot ${name} but its CMK fields`, async () => {
      resetTwin('ready');
      const before = await botsGet(botId(name));
      const settingsBefore = structuredClone(twinBot(name).settings);
      expect(before.properties.msaAppType).toBe(kind);
      const change = await newKey();
      await deploy(botBicep(botDeployment(before, change)), botId(name));
      const after = await botsGet(botId(name));
      expect(after.properties).toMatchObject({
        isCmekEnabled: true,
        cmekKeyVaultUrl: change.cmek && change.key.href,
      });
      expect(allButCmek(after)).toEqual(allButCmek(before));
      expect(twinBot(name).settings).toEqual(settingsBefore);
    });
  }

  it('keeps the write-only Application Insights key by asking for it as a secure parameter', async () => {
    resetTwin('ready');
    const bot = await botsGet(botId('contoso-orders-bot'));
    const bicep = botBicep(botDeployment(bot, await newKey()));
    expect(bicep).toMatch(/@secure\(\)\nparam developerAppInsightsApiKey string/);
    await deploy(bicep, botId('contoso-orders-bot'));
    expect(twinBot('contoso-orders-bot').settings.developerAppInsightsApiKeySet).toBe(true);
  });

  it('would catch the partial snippet Keyguard used to export: it drops the app type, description and more', async () => {
    resetTwin('ready');
    const bot = await botsGet(botId('contoso-orders-bot'));
    const change = await newKey();
    const partial = [
      `resource bot 'Microsoft.BotService/botServices@2022-09-15' = {`,
      `  name: '${bot.name}'`,
      `  location: 'global'`,
      `  kind: 'azurebot'`,
      `  sku: { name: 'S1' }`,
      '  properties: {',
      `    displayName: '${bot.properties.displayName}'`,
      `    endpoint: '${bot.properties.endpoint}'`,
      `    msaAppId: '${bot.properties.msaAppId}'`,
      '    isCmekEnabled: true',
      `    cmekKeyVaultUrl: '${change.cmek ? change.key.href : ''}'`,
      '  }',
      '}',
    ].join('\n');
    await deploy(
      partial.replace(/ sku: \{ name: 'S1' \}/, " sku: {\n name: 'S1'\n }"),
      botId('contoso-orders-bot'),
    );
    const after = await botsGet(botId('contoso-orders-bot'));
    expect(after.properties.msaAppType).not.toBe('UserAssignedMSI');
    expect(after.properties.description).not.toBe(bot.properties.description);
    expect(twinBot('contoso-orders-bot').settings.developerAppInsightsApiKeySet).toBe(false);
  });

  it('turning CMK off keeps the key URL (as az bot update --cmk-off does), never a leftover that is no key', async () => {
    resetTwin('encrypted');
    const bot = await botsGet(botId('contoso-support-bot'));
    const off = botDeployment(bot, { cmek: false });
    expect(off.body.properties).toMatchObject({
      isCmekEnabled: false,
      cmekKeyVaultUrl: bot.properties.cmekKeyVaultUrl,
    });
    const hr = await botsGet(botId('contoso-hr-bot'));
    expect(hr.properties.cmekKeyVaultUrl).toMatch(/\.png$/);
    expect(botDeployment(hr, { cmek: false }).body.properties).not.toHaveProperty('cmekKeyVaultUrl');
    expect(botCli(bot, { cmek: false })).toBe(
      'az bot update --resource-group rg-bots-prod --name contoso-support-bot --cmk-off',
    );
  });

  it('writes key ids copied from ARM (with :443) in the plain form, in the CLI and in Bicep', async () => {
    resetTwin('ready');
    const bot = await botsGet(botId('contoso-support-bot'));
    const raw = (await keysList(contosoVaultId)).find((k) => k.name === 'bot-cmk-key')!.properties
      .keyUriWithVersion!;
    expect(raw).toContain(':443');
    const change = await newKey();
    const code = botCli(bot, change) + botBicep(botDeployment(bot, change));
    expect(code).not.toContain(':443');
    expect(code).toContain(raw.replace(':443', ''));
  });
});
