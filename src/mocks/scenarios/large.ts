import { accessChecker } from '../rules/authorization';
import { pick } from '../store/random';
import type { World } from '../store/world';
import { contoso, buildContoso } from './contoso';
import {
  auditSettingByPriya,
  cmekKeyChange,
  contosoKeyVersions,
  jordanWithCli,
  purgeProtectionByPriya,
} from './contoso-past';
import { teamCmkKey } from './large-cmk';
import { auditAssignedEarlier, initiativeAssignedEarlier } from './policy-past';
import { livePast } from './past';

const words = [
  'alpha',
  'atlas',
  'aurora',
  'beacon',
  'cedar',
  'comet',
  'delta',
  'ember',
  'falcon',
  'harbor',
  'helix',
  'iris',
  'juniper',
  'lumen',
  'maple',
  'nova',
  'orbit',
  'pine',
  'quartz',
  'raven',
  'sierra',
  'summit',
  'tidal',
  'vertex',
  'willow',
  'zephyr',
];
const regions = [
  'westeurope',
  'northeurope',
  'eastus',
  'eastus2',
  'westus2',
  'uksouth',
  'swedencentral',
  'japaneast',
];
const teams = ['payments', 'support', 'retail', 'hr', 'it', 'sales', 'ops', 'research', 'legal', 'travel'];

/**
 * Tenant scale on top of the prepared Contoso world: 50 subscriptions, about 2,000 vaults, 20,000 keys, 5,000 bots, a
 * third of them on their team's customer-managed key (large-cmk.ts).
 */
export function buildLarge(startMs: number): World {
  const b = buildContoso('large', startMs, 107, {
    vault: {
      softDelete: true,
      purgeProtection: true,
      firewall: 'selected',
      bypass: true,
      ipRules: ['203.0.113.0/24'],
      gatewayEndpoint: true,
    },
    botServiceOnKeysSub: true,
    cmekPolicy: true,
    lookalike: 'directory',
  });
  const r = b.random;
  const audited: string[] = [];
  let baseline: string | undefined;
  for (let s = 0; s < 47; s++) {
    const sub = b.guid();
    if (s % 5 === 1) audited.push(sub);
    if (s === 2) baseline = sub;
    const team = teams[s % teams.length]!;
    b.subscription(
      sub,
      `Contoso ${team[0]!.toUpperCase()}${team.slice(1)} ${String(s + 1).padStart(2, '0')}`,
      contoso.tenantId,
      {
        'Microsoft.BotService': s % 3 === 0 ? 'NotRegistered' : 'Registered',
      },
    );
    const botRg = `rg-${team}-bots-${s}`;
    const keyRg = `rg-${team}-keys-${s}`;
    const region = pick(r, regions);
    b.resourceGroup(sub, botRg, region).resourceGroup(sub, keyRg, region);
    b.role(contoso.user.objectId, `/subscriptions/${sub}`, 'Owner');
    for (let v = 0; v < 43; v++) {
      const name = `kv-${team.slice(0, 5)}-${pick(r, words).slice(0, 6)}-${s}-${v}`;
      const vault = b.vault({
        subscriptionId: sub,
        resourceGroup: keyRg,
        name,
        tenantId: contoso.tenantId,
        location: region,
        purgeProtection: r() < 0.6,
        firewall: r() < 0.3 ? 'selected' : 'open',
        bypass: r() < 0.8,
        ipRules: ['203.0.113.0/24'],
      });
      b.deferredKeys(vault, 107_000 + s * 100 + v, (kr, add) => {
        for (let k = 0; k < 10; k++) {
          add(`${pick(kr, words)}-key-${k}`, [
            {
              keySize: pick(kr, [2048, 3072, 4096]),
              kty: kr() < 0.9 ? 'RSA' : 'EC',
              createdDaysAgo: Math.floor(kr() * 300) + 1,
            },
          ]);
        }
      });
    }
    // A subscription holding bots has Microsoft.BotService registered (creating a bot registers it), so bots live
    // only in the registered two thirds; vaults in the others give the readiness check its unregistered cases.
    const botCount = s % 3 === 0 ? 0 : 162;
    const keyOf =
      botCount > 0
        ? teamCmkKey(b, { subscriptionId: sub, resourceGroup: keyRg, location: region, team, index: s })
        : () => undefined;
    for (let n = 0; n < botCount; n++) {
      b.bot({
        subscriptionId: sub,
        resourceGroup: botRg,
        name: `${team}-${pick(r, words)}-bot-${s}-${n}`,
        tenantId: contoso.tenantId,
        keyUrl: keyOf(n),
      });
    }
  }
  // A vault with a long history: 200 keys of 20 versions each (the Keys blade's scale case).
  const archive = b.vault({
    subscriptionId: contoso.keysSub,
    resourceGroup: contoso.keysRg,
    name: 'kv-contoso-archive',
    tenantId: contoso.tenantId,
    purgeProtection: true,
  });
  b.deferredKeys(archive, 107_999, (kr, add) => {
    for (let k = 0; k < 200; k++)
      add(
        `archive-${String(k).padStart(3, '0')}`,
        Array.from({ length: 20 }, (_, n) => ({
          keySize: 3072,
          createdDaysAgo: 600 - n * 30 + Math.floor(kr() * 10),
        })),
      );
  });
  // A past to audit: the HR bot on a customer-managed key, rotated by Jordan with the Azure CLI; a colleague's
  // purge-protection change on one of the tenant's vaults.
  const world = b.world;
  const [v1, v2] = contosoKeyVersions(world, 'bot-cmk-key');
  const hrBot = `/subscriptions/${contoso.botsSub}/resourceGroups/${contoso.botRg}/providers/Microsoft.BotService/botServices/contoso-hr-bot`;
  const writable = accessChecker(world, 'write');
  const unprotected = [...world.vaults.values()].find(
    (v) => !v.enablePurgeProtection && v.enableSoftDelete && writable(v.id),
  );
  auditAssignedEarlier(world, audited, startMs);
  if (baseline) initiativeAssignedEarlier(world, baseline, startMs);
  livePast(world, startMs, 0x1a7, [
    auditSettingByPriya(13),
    cmekKeyChange(world, 11, 'me', v1!, hrBot),
    ...(unprotected ? [purgeProtectionByPriya(9, unprotected.id)] : []),
    cmekKeyChange(world, 6, jordanWithCli, v2!, hrBot),
  ]);
  return world;
}
