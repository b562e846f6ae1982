import { describe, expect, it } from 'vitest';
import { firewallKeepsBotServiceOut, firewallRestricted } from '../vault-firewall';

describe('the one rule: does the vault’s firewall keep Azure Bot Service out?', () => {
  const cases: [string, Parameters<typeof firewallKeepsBotServiceOut>[0], boolean, boolean][] = [
    ['open to all networks', { networkAcls: { defaultAction: 'Allow', bypass: 'None' } }, false, false],
    ['no rules at all', {}, false, false],
    [
      'selected networks, trusted services bypass',
      { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' } },
      true,
      false,
    ],
    ['selected networks, no bypass', { networkAcls: { defaultAction: 'Deny', bypass: 'None' } }, true, true],
    // Key Vault's default for an unspecified bypass is AzureServices.
    ['selected networks, bypass unspecified', { networkAcls: { defaultAction: 'Deny' } }, true, false],
    [
      'public access disabled, no bypass',
      { publicNetworkAccess: 'Disabled', networkAcls: { bypass: 'None' } },
      true,
      true,
    ],
    ['public access disabled (any case), bypass', { publicNetworkAccess: 'disabled' }, true, false],
  ];
  for (const [what, facts, restricted, keptOut] of cases)
    it(what, () => {
      expect(firewallRestricted(facts)).toBe(restricted);
      expect(firewallKeepsBotServiceOut(facts)).toBe(keptOut);
    });
});
