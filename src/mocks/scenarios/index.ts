import { contoso, buildContoso } from './contoso';
import { alertsByPriya } from './alerts-past';
import {
  auditSettingByPriya,
  cmekKeyChange,
  contosoKeyVersions,
  jordanWithCli,
  purgeProtectionByPriya,
  revokeByPriya,
} from './contoso-past';
import { buildFleet } from './fleet';
import { buildLarge } from './large';
import { livePast } from './past';
import type { World } from '../store/world';

export const scenarioNames = [
  'fresh',
  'ready',
  'encrypted',
  'rbac',
  'cross-tenant',
  'revoked',
  'no-principal',
  'fleet',
  'large',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export const scenarioDescriptions: Record<ScenarioName, string> = {
  fresh:
    'A bot and a key vault with nothing prepared: no purge protection, Microsoft.BotService not registered, no access policy for Bot Service CMEK Prod (only a lookalike app of that name holds one), firewall on selected networks without the trusted-services bypass.',
  ready:
    'Every prerequisite met; the bot still uses Microsoft-managed keys. A tenant app named like Bot Service CMEK Prod sits in the directory.',
  encrypted:
    'The bot uses a customer-managed key and encryption has finished. Its past: Priya sent the vault’s audit log to Log Analytics and turned on purge protection, you turned CMK on, and six days ago Jordan rotated the key with the Azure CLI.',
  rbac: 'The key vault uses Azure RBAC instead of access policies; the role for Bot Service CMEK Prod is missing.',
  'cross-tenant': 'The only prepared key vault belongs to another Microsoft Entra tenant.',
  revoked:
    "The bot uses a customer-managed key, but two days ago Priya removed the vault's access policy for Bot Service CMEK Prod: the audit log shows the unwraps failing since, and the alert rule she had set up three days before has fired.",
  'no-principal':
    'The vault is prepared, but the tenant never got Microsoft’s Bot Service CMEK Prod service principal (it is created on first use).',
  fleet:
    'Several teams on their own keys, each vault with a gap: firewalls without the trusted-services bypass, Microsoft.BotService not registered on two key subscriptions, Bot Service CMEK Prod never granted on one vault, bots left behind a rotation, and one vault where you are only Reader.',
  large: 'Tenant scale: about 50 subscriptions, 2,000 key vaults, 20,000 keys and 5,000 bots.',
};

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (scenarioNames as readonly string[]).includes(value);
}

/**
 * A prepared vault: its firewall admits the admin's office range, and the deployment's Key Vault gateway reaches it
 * through a private endpoint (never by its shared outbound address); `fresh` admits the office only.
 */
const ready = {
  softDelete: true,
  purgeProtection: true,
  firewall: 'selected' as const,
  bypass: true,
  ipRules: ['203.0.113.0/24'],
  gatewayEndpoint: true,
};

export function buildScenario(name: ScenarioName, startMs: number): World {
  const world = buildWorld(name, startMs);
  world.markSeeded();
  return world;
}

function buildWorld(name: ScenarioName, startMs: number): World {
  switch (name) {
    case 'fresh':
      return buildContoso(name, startMs, 101, {
        vault: {
          softDelete: true,
          purgeProtection: false,
          firewall: 'selected',
          bypass: false,
          ipRules: ['203.0.113.0/24'],
        },
        botServiceOnKeysSub: false,
        cmekPolicy: false,
        lookalike: 'access-policy',
      }).world;
    case 'ready':
      return buildContoso(name, startMs, 102, {
        vault: ready,
        botServiceOnKeysSub: true,
        cmekPolicy: true,
        lookalike: 'directory',
      }).world;
    case 'no-principal':
      return buildContoso(name, startMs, 108, {
        vault: ready,
        botServiceOnKeysSub: true,
        cmekPolicy: false,
        noCmekPrincipal: true,
      }).world;
    case 'encrypted': {
      const world = buildContoso(name, startMs, 103, {
        vault: { ...ready, purgeProtection: false },
        botServiceOnKeysSub: true,
        cmekPolicy: true,
      }).world;
      const [v1, v2] = contosoKeyVersions(world, 'bot-cmk-key');
      livePast(world, startMs, 0xe0c, [
        auditSettingByPriya(13),
        purgeProtectionByPriya(12),
        cmekKeyChange(world, 11, 'me', v1!),
        cmekKeyChange(world, 6, jordanWithCli, v2!),
      ]);
      return world;
    }
    case 'rbac':
      return buildContoso(name, startMs, 104, {
        vault: { ...ready, rbac: true },
        botServiceOnKeysSub: true,
        cmekPolicy: false,
      }).world;
    case 'revoked': {
      const world = buildContoso(name, startMs, 106, {
        vault: ready,
        botServiceOnKeysSub: true,
        cmekPolicy: true,
      }).world;
      const [, v2] = contosoKeyVersions(world, 'bot-cmk-key');
      livePast(world, startMs, 0x7e0, [
        auditSettingByPriya(13),
        cmekKeyChange(world, 10, 'me', v2!),
        ...alertsByPriya(5),
        revokeByPriya(2, world.cmekPrincipal(contoso.tenantId)!.objectId),
      ]);
      return world;
    }
    case 'cross-tenant': {
      const b = buildContoso(name, startMs, 105, {
        vault: { softDelete: true },
        botServiceOnKeysSub: true,
        cmekPolicy: false,
      });
      const f = contoso.fabrikam;
      b.tenant(f.tenantId, 'Fabrikam', f.domain);
      b.subscription(f.sub, 'Fabrikam Shared Keys', f.tenantId, { 'Microsoft.BotService': 'Registered' });
      b.resourceGroup(f.sub, 'rg-shared-keys', 'northeurope');
      b.role(contoso.user.objectId, `/subscriptions/${f.sub}`, 'Owner');
      const vault = b.vault({
        subscriptionId: f.sub,
        resourceGroup: 'rg-shared-keys',
        name: 'kv-fabrikam-shared',
        tenantId: f.tenantId,
        location: 'northeurope',
        purgeProtection: true,
        accessPolicies: [b.cmekPolicy(f.tenantId)],
      });
      b.key(vault, 'partner-bot-key', [{ keySize: 3072 }]);
      return b.world;
    }
    case 'fleet':
      return buildFleet(startMs);
    case 'large':
      return buildLarge(startMs);
  }
}
