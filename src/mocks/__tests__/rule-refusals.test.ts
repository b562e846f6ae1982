import { describe, expect, it } from 'vitest';
import { applyAccessPolicyOperation } from '../rules/access-policies';
import { applyBotPatch } from '../rules/bot-update';
import { isRefusal } from '../rules/errors';
import { firewallRefusal } from '../rules/key-vault-access';
import { validatePolicy } from '../rules/rotation-policy';
import { applyVaultPatch } from '../rules/vault-update';
import { buildScenario } from '../scenarios';
import { contosoBotId, contosoVaultId } from '../scenarios/contoso';

/** The twin's rules answer Azure's refusals as values: no server, no exception, and the world left as it was. */
const start = Date.parse('2026-03-02T09:00:00Z');

describe('rules return refusals as values', () => {
  it('a vault patch that turns purge protection off is refused with Key Vault’s 400, the vault unchanged', () => {
    const world = buildScenario('encrypted', start);
    const vault = world.vaults.get(contosoVaultId)!;
    const r = applyVaultPatch(vault, { properties: { enablePurgeProtection: false } }, start);
    expect(isRefusal(r)).toBe(true);
    expect(r).toMatchObject({
      status: 400,
      body: { code: 'BadRequest', target: 'properties.enablePurgeProtection' },
    });
    expect(world.vaults.get(contosoVaultId)?.enablePurgeProtection).toBe(true);
  });

  it('an accepted patch is the next vault, not yet stored (the route stores it)', () => {
    const world = buildScenario('fresh', start);
    const vault = world.vaults.get(contosoVaultId)!;
    const r = applyVaultPatch(vault, { properties: { enablePurgeProtection: true } }, start);
    expect(isRefusal(r)).toBe(false);
    expect(r).toMatchObject({ enablePurgeProtection: true });
    expect(world.vaults.get(contosoVaultId)?.enablePurgeProtection).toBe(false);
  });

  it('an access policy for another tenant is refused by value', () => {
    const world = buildScenario('fresh', start);
    const vault = world.vaults.get(contosoVaultId)!;
    const r = applyAccessPolicyOperation(vault, 'add', {
      properties: {
        accessPolicies: [
          {
            tenantId: '00000000-0000-0000-0000-000000000001',
            objectId: 'o',
            permissions: { keys: ['get'] },
          },
        ],
      },
    });
    expect(r).toMatchObject({
      refused: true,
      status: 400,
      body: { target: 'properties.accessPolicies.tenantId' },
    });
  });

  it('a bot patch with a key URL the Bot Service cannot use is refused, and the bot is not written', () => {
    const world = buildScenario('fresh', start);
    const bot = world.bots.get(contosoBotId)!;
    const r = applyBotPatch(
      world,
      bot,
      {
        properties: {
          displayName: bot.displayName,
          endpoint: bot.endpoint,
          msaAppId: bot.msaAppId,
          isCmekEnabled: true,
          cmekKeyVaultUrl: 'https://kv-nowhere.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef',
        },
      },
      start,
      'etag',
    );
    expect(r).toMatchObject({ refused: true, status: 400, body: { target: 'properties.cmekKeyVaultUrl' } });
    expect(world.bots.get(contosoBotId)?.cmek.enabled).toBe(false);
  });

  it('the firewall and rotation-policy checks say why, or nothing when the call may go on', () => {
    const world = buildScenario('fresh', start);
    const vault = world.vaults.get(contosoVaultId)!;
    expect(firewallRefusal(world, vault, '198.51.100.7')).toMatchObject({
      status: 403,
      body: { details: [{ code: 'ForbiddenByFirewall' }] },
    });
    expect(firewallRefusal(world, vault, '203.0.113.9')).toBeUndefined();
    expect(validatePolicy({ attributes: { expiryTime: 'P7D' } })).toMatchObject({
      refused: true,
      body: { code: 'BadParameter' },
    });
  });
});
