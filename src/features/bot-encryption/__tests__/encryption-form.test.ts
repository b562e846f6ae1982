import { describe, expect, it } from 'vitest';
import type { Bot } from '../../../arm/types/bot';
import { changeAsCode, encryptionPatch } from '../encryption-form';

const bot: Bot = {
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.BotService/botServices/b',
  name: 'b',
  type: 'Microsoft.BotService/botServices',
  location: 'global',
  properties: { displayName: 'B', endpoint: 'https://b.example/api/messages', msaAppId: 'app' },
};
const withPort = 'https://kv-a.vault.azure.net:443/keys/k/0123456789abcdef0123456789abcdef';
const plain = 'https://kv-a.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef';

describe('a key identifier copied from ARM (with :443)', () => {
  it('is sent to the Bot Service, and shown as code, in the plain form', () => {
    const form = { type: 'customer' as const, keyUrl: withPort };
    expect(encryptionPatch(bot, form).properties?.cmekKeyVaultUrl).toBe(plain);
    const code = changeAsCode(bot, form);
    expect(code.cli).toContain(plain);
    expect(code.bicep).toContain(plain);
    expect(code.cli + code.bicep).not.toContain(':443');
  });
});
