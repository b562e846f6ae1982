import { parseResourceId } from '../../arm/resource-id';
import type { Bot, BotProperties } from '../../arm/types/bot';
import { keyUrlOf, type VersionedKeyUrl } from '../key-url';
import { BicepExpression, bicepLiteral, shellWord, type BicepValue } from './bicep-syntax';

/** What a change of encryption sets (the Encryption blade's Save). */
export type CmekSetting = { cmek: false } | { cmek: true; key: VersionedKeyUrl };

/**
 * Every property of BotProperties (2022-09-15) a PUT writes, in the spec's order. Leaving one out of a Bicep resource
 * clears it: a resource declaration replaces the whole resource.
 */
const writableProperties = [
  'displayName',
  'description',
  'iconUrl',
  'endpoint',
  'allSettings',
  'parameters',
  'manifestUrl',
  'msaAppType',
  'msaAppId',
  'msaAppTenantId',
  'msaAppMSIResourceId',
  'developerAppInsightKey',
  'developerAppInsightsApplicationId',
  'luisAppIds',
  'isCmekEnabled',
  'cmekKeyVaultUrl',
  'tenantId',
  'publicNetworkAccess',
  'isStreamingSupported',
  'disableLocalAuth',
  'schemaTransformationVersion',
  'storageResourceId',
  'openWithHint',
  'appPasswordHint',
] as const satisfies readonly (keyof BotProperties)[];

export interface BotDeployment {
  name: string;
  resourceGroup: string;
  /** The PUT body: the bot as it is, with the change. */
  body: {
    location?: string;
    kind?: string;
    sku?: { name: string };
    tags?: Record<string, string>;
    properties: Record<string, BicepValue | BicepExpression>;
  };
  /** Secrets ARM never returns, which the deployment must be given again or it clears them. */
  secrets: { name: 'developerAppInsightsApiKey' | 'luisKey'; why: string }[];
}

/**
 * The bot's deployment after the change, from every writable property the bot has now. `cmekKeyVaultUrl` is kept
 * when CMK goes off (as `az bot update --cmk-off` keeps it), unless it is a leftover that is no key id.
 */
export function botDeployment(bot: Bot, change: CmekSetting): BotDeployment {
  const id = parseResourceId(bot.id);
  const p = bot.properties;
  const properties: BotDeployment['body']['properties'] = {};
  for (const name of writableProperties) {
    const value = p[name];
    if (value !== undefined && value !== null) properties[name] = value;
  }
  properties.isCmekEnabled = change.cmek;
  if (change.cmek) properties.cmekKeyVaultUrl = change.key.href;
  else {
    const previous = keyUrlOf(p.cmekKeyVaultUrl);
    if (previous) properties.cmekKeyVaultUrl = previous.href;
    else delete properties.cmekKeyVaultUrl;
  }
  const secrets: BotDeployment['secrets'] = [];
  if (p.isDeveloperAppInsightsApiKeySet) {
    properties.developerAppInsightsApiKey = new BicepExpression('developerAppInsightsApiKey');
    secrets.push({
      name: 'developerAppInsightsApiKey',
      why: 'The Application Insights API key is set, and ARM never returns it.',
    });
  }
  if ((p.luisAppIds ?? []).length > 0) {
    properties.luisKey = new BicepExpression('luisKey');
    secrets.push({ name: 'luisKey', why: 'The bot uses LUIS apps; ARM does not return their key.' });
  }
  return {
    name: bot.name,
    resourceGroup: id?.resourceGroup ?? '',
    body: {
      location: bot.location,
      kind: bot.kind,
      sku: bot.sku ? { name: bot.sku.name } : undefined,
      tags: bot.tags && Object.keys(bot.tags).length ? bot.tags : undefined,
      properties,
    },
    secrets,
  };
}

export function botBicep(d: BotDeployment): string {
  const lines = [
    `// The whole bot as Azure has it now, plus the change: a Bicep resource replaces the resource it declares.`,
    `// az deployment group create --resource-group ${shellWord(d.resourceGroup)} --template-file bot.bicep`,
  ];
  for (const s of d.secrets) lines.push(`// ${s.why}`, '@secure()', `param ${s.name} string`);
  lines.push(
    '',
    `resource bot 'Microsoft.BotService/botServices@2022-09-15' = ${bicepLiteral({ name: d.name, ...d.body })}`,
  );
  return lines.join('\n');
}

/** The short form: `az bot update` reads the bot and changes only the CMK fields. */
export function botCli(bot: Bot, change: CmekSetting): string {
  const rg = parseResourceId(bot.id)?.resourceGroup ?? '<resource-group>';
  const base = `az bot update --resource-group ${shellWord(rg)} --name ${shellWord(bot.name)}`;
  return change.cmek ? `${base} --cmk-key-vault-key-url ${shellWord(change.key.href)}` : `${base} --cmk-off`;
}
