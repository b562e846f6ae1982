import type { PastChange } from './past';
import { contoso, contosoBotId, contosoVaultId, contosoWorkspaceId } from './contoso';
import type { World } from '../store/world';

const bots = '2022-09-15';
const kv = '2025-05-01';
const insights = '2021-05-01-preview';
const priya = { user: 'priya', clientType: 'Azure Portal' } as const;
const jordanCli = { user: 'jordan', clientType: 'Azure CLI' } as const;

/** The versions of a Contoso key, oldest first, as key identifiers. */
export function contosoKeyVersions(world: World, keyName: string): string[] {
  const key = world.key(contosoVaultId, keyName);
  return (key?.versions ?? []).map(
    (v) => `https://${contoso.vaultName}.vault.azure.net/keys/${keyName}/${v.version}`,
  );
}

/** Priya sends the vault's audit log to the security workspace, in Key Vault's own table. */
export const auditSettingByPriya = (daysAgo: number): PastChange => ({
  daysAgo,
  who: priya,
  method: 'PUT',
  path: `${contosoVaultId}/providers/microsoft.insights/diagnosticSettings/audit-to-log-analytics?api-version=${insights}`,
  body: {
    properties: {
      workspaceId: contosoWorkspaceId,
      logAnalyticsDestinationType: 'Dedicated',
      logs: [{ category: 'AuditEvent', enabled: true }],
      metrics: [{ category: 'AllMetrics', enabled: true }],
    },
  },
});

export const purgeProtectionByPriya = (daysAgo: number, vaultId = contosoVaultId): PastChange => ({
  daysAgo,
  who: priya,
  method: 'PATCH',
  path: `${vaultId}?api-version=${kv}`,
  body: { properties: { enablePurgeProtection: true } },
});

/** Turning CMK on (`me`, from Keyguard) or rotating it (`jordan`, with `az bot update`) on a Contoso bot. */
export function cmekKeyChange(
  world: World,
  daysAgo: number,
  who: PastChange['who'],
  keyUrl: string,
  botId = contosoBotId,
): PastChange {
  const bot = world.bots.get(botId);
  if (!bot) throw new Error(`No bot ${botId}.`);
  // What az bot update sends: the required properties as they are, and the key.
  const required = { displayName: bot.displayName, endpoint: bot.endpoint, msaAppId: bot.msaAppId };
  return {
    daysAgo,
    who,
    method: 'PATCH',
    path: `${botId}?api-version=${bots}`,
    body: { properties: { ...required, isCmekEnabled: true, cmekKeyVaultUrl: keyUrl } },
  };
}

export const jordanWithCli = jordanCli;

/** Priya removes Bot Service CMEK Prod's access policy (a revocation, made before turning CMK off). */
export const revokeByPriya = (daysAgo: number, cmekObjectId: string): PastChange => ({
  daysAgo,
  who: priya,
  method: 'PUT',
  path: `${contosoVaultId}/accessPolicies/remove?api-version=${kv}`,
  body: {
    properties: {
      accessPolicies: [{ tenantId: contoso.tenantId, objectId: cmekObjectId, permissions: { keys: [] } }],
    },
  },
});
