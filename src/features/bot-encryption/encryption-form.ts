import { parseKeyUri, sameKeyUri, stripDefaultPort } from '../../arm/key-uri';
import type { Bot, BotPatch } from '../../arm/types/bot';

export type EncryptionType = 'microsoft' | 'customer';

export interface EncryptionForm {
  type: EncryptionType;
  keyUrl: string;
}

/**
 * What the bot uses now. While CMK is off, Azure's `cmekKeyVaultUrl` may hold a previous key or an unrelated leftover
 * (azure-rest-api-specs#15151), so it is never shown as the bot's key.
 */
export function encryptionFormFromBot(bot: Bot): EncryptionForm {
  const p = bot.properties;
  if (!p.isCmekEnabled) return { type: 'microsoft', keyUrl: '' };
  return { type: 'customer', keyUrl: p.cmekKeyVaultUrl ? stripDefaultPort(p.cmekKeyVaultUrl) : '' };
}

/** The key the bot was using before CMK was turned off (a previous key in cmekKeyVaultUrl), if it looks like one. */
export function previousKeyOf(bot: Bot): string | undefined {
  const url = bot.properties.cmekKeyVaultUrl;
  return !bot.properties.isCmekEnabled && url && parseKeyUri(stripDefaultPort(url))?.version
    ? stripDefaultPort(url)
    : undefined;
}

/** Bots_Update body: the required properties from the current bot, plus the CMK change. */
export function encryptionPatch(bot: Bot, form: EncryptionForm): BotPatch {
  const p = bot.properties;
  const base = { displayName: p.displayName, endpoint: p.endpoint, msaAppId: p.msaAppId };
  if (form.type === 'microsoft') return { properties: { ...base, isCmekEnabled: false } };
  // A key identifier copied from ARM carries `:443` (keys.json examples); the Bot Service is given the plain form.
  return {
    properties: { ...base, isCmekEnabled: true, cmekKeyVaultUrl: stripDefaultPort(form.keyUrl.trim()) },
  };
}

export type ChangeKind = 'enable' | 'rotate' | 'disable' | 'none';

export function changeKind(base: EncryptionForm, form: EncryptionForm): ChangeKind {
  if (base.type === 'microsoft' && form.type === 'customer') return 'enable';
  if (base.type === 'customer' && form.type === 'microsoft') return 'disable';
  if (form.type === 'customer' && !sameKeyUri(base.keyUrl, form.keyUrl)) return 'rotate';
  return 'none';
}

/** Plain sentences of exactly what Save will change. */
export function describeChange(base: EncryptionForm, form: EncryptionForm): string[] {
  switch (changeKind(base, form)) {
    case 'enable':
      return ['Encryption type: Microsoft-Managed Keys → Customer-Managed Keys', `Key URL: ${form.keyUrl}`];
    case 'rotate':
      return [
        `Key URL: ${base.keyUrl} → ${form.keyUrl}`,
        'The previous key must stay available for at least a week while data is re-encrypted.',
      ];
    case 'disable':
      return [
        'Encryption type: Customer-Managed Keys → Microsoft-Managed Keys',
        `The key ${base.keyUrl} will no longer protect this bot once decryption finishes.`,
      ];
    case 'none':
      return [];
  }
}

/** What another admin changed, in the words of the blade. */
export function encryptionChanges(from: EncryptionForm, to: EncryptionForm): string[] {
  const type = (t: EncryptionType) => (t === 'customer' ? 'Customer-Managed Keys' : 'Microsoft-Managed Keys');
  const out: string[] = [];
  if (from.type !== to.type) out.push(`encryption type: ${type(from.type)} → ${type(to.type)}`);
  if (to.type === 'customer' && !sameKeyUri(from.keyUrl, to.keyUrl)) out.push(`key URL is now ${to.keyUrl}`);
  return out;
}

/** The same change for scripts: Azure CLI and Bicep. */
export function changeAsCode(bot: Bot, form: EncryptionForm): { cli: string; bicep: string } {
  const rg = bot.id.split('/')[4] ?? '<resource-group>';
  const cli =
    form.type === 'customer'
      ? `az bot update --resource-group ${rg} --name ${bot.name} --cmk-key-vault-key-url "${stripDefaultPort(form.keyUrl)}"`
      : `az bot update --resource-group ${rg} --name ${bot.name} --cmk-off`;
  const bicep = [
    `resource bot 'Microsoft.BotService/botServices@2022-09-15' = {`,
    `  name: '${bot.name}'`,
    `  location: '${bot.location ?? 'global'}'`,
    `  kind: '${bot.kind ?? 'azurebot'}'`,
    `  sku: { name: '${bot.sku?.name ?? 'S1'}' }`,
    `  properties: {`,
    `    displayName: '${bot.properties.displayName.replace(/'/g, "\\'")}'`,
    `    endpoint: '${bot.properties.endpoint ?? ''}'`,
    `    msaAppId: '${bot.properties.msaAppId}'`,
    `    isCmekEnabled: ${form.type === 'customer'}`,
    ...(form.type === 'customer' ? [`    cmekKeyVaultUrl: '${stripDefaultPort(form.keyUrl)}'`] : []),
    `  }`,
    `}`,
  ].join('\n');
  return { cli, bicep };
}
