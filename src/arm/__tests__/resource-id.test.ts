import { describe, expect, it } from 'vitest';
import { normalizeResourceId, parseResourceId } from '../resource-id';

const vault =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/sample-group/providers/Microsoft.KeyVault/vaults/sample-vault';

describe('resource ids', () => {
  it('parses subscriptions, resource groups, resources and nested resources', () => {
    expect(parseResourceId('/subscriptions/s1')).toMatchObject({
      subscriptionId: 's1',
      type: 'Microsoft.Resources/subscriptions',
    });
    expect(parseResourceId('/subscriptions/s1/resourceGroups/rg')).toMatchObject({
      resourceGroup: 'rg',
      type: 'Microsoft.Resources/resourceGroups',
    });
    expect(parseResourceId(vault)).toMatchObject({
      subscriptionId: '00000000-0000-0000-0000-000000000000',
      resourceGroup: 'sample-group',
      provider: 'Microsoft.KeyVault',
      type: 'Microsoft.KeyVault/vaults',
      name: 'sample-vault',
    });
    expect(parseResourceId(`${vault}/keys/k1/versions/abc`)).toMatchObject({
      type: 'Microsoft.KeyVault/vaults/keys/versions',
      names: ['sample-vault', 'k1', 'abc'],
      name: 'abc',
    });
    expect(parseResourceId('/subscriptions/s1/providers/Microsoft.BotService')).toMatchObject({
      type: 'Microsoft.Resources/providers',
      name: 'Microsoft.BotService',
    });
  });

  it('rejects what is not an id', () => {
    for (const bad of [
      '',
      'subscriptions/s1',
      '/subscriptions',
      '/subscriptions/s1/resourceGroups',
      `${vault}/keys`,
      '/subscriptions//resourceGroups/x',
      '/foo/bar',
    ]) {
      expect(parseResourceId(bad), bad).toBeUndefined();
    }
  });

  it('normalises for comparison: lower case, no trailing slash', () => {
    expect(normalizeResourceId(`${vault.toUpperCase()}/`)).toBe(vault.toLowerCase());
  });
});
