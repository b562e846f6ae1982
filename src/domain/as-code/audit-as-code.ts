import { apiVersions } from '../../arm/api-versions';
import { parseResourceId } from '../../arm/resource-id';
import type { DiagnosticSettings } from '../../arm/types/monitor';
import { auditSettingToWorkspace } from '../audit-trail';
import { bicepLiteral, bicepString, shellWord, type BicepValue } from './bicep-syntax';

const placeholderWorkspace = '<workspace resource id>';

/**
 * A diagnostic setting as `az monitor diagnostic-settings create` and as Bicep. A setting is its own resource under
 * the vault (or bot), so the Bicep declares only it: the resource itself is not touched.
 */
export function diagnosticSettingAsCode(resourceId: string, name: string, p: DiagnosticSettings) {
  const id = parseResourceId(resourceId);
  const isVault = id?.type.toLowerCase() === 'microsoft.keyvault/vaults';
  const arg = (flag: string, value: string | null | undefined) =>
    value ? [`  ${flag} ${shellWord(value)}`] : [];
  const logs = (p.logs ?? []).map((l): { [key: string]: BicepValue } =>
    l.category
      ? { category: l.category, enabled: l.enabled }
      : { categoryGroup: l.categoryGroup ?? '', enabled: l.enabled },
  );
  const metrics: { [key: string]: BicepValue }[] = (p.metrics ?? []).map((m) => ({
    category: m.category ?? 'AllMetrics',
    enabled: m.enabled,
  }));
  const dedicated = (p.logAnalyticsDestinationType ?? '').toLowerCase() === 'dedicated';
  const cli = [
    `az monitor diagnostic-settings create --name ${shellWord(name)}`,
    `  --resource ${shellWord(resourceId)}`,
    ...arg('--workspace', p.workspaceId),
    ...arg('--storage-account', p.storageAccountId),
    ...arg('--event-hub-rule', p.eventHubAuthorizationRuleId),
    ...arg('--event-hub', p.eventHubName),
    ...(logs.length ? [`  --logs ${shellWord(JSON.stringify(logs))}`] : []),
    ...(metrics.length ? [`  --metrics ${shellWord(JSON.stringify(metrics))}`] : []),
    ...(p.workspaceId ? [`  --export-to-resource-specific ${dedicated}`] : []),
  ].join(' \\\n');
  const type = isVault ? 'Microsoft.KeyVault/vaults' : 'Microsoft.BotService/botServices';
  const version = isVault ? apiVersions.keyVault : apiVersions.botService;
  const properties = Object.fromEntries(
    Object.entries({
      workspaceId: p.workspaceId,
      storageAccountId: p.storageAccountId,
      eventHubAuthorizationRuleId: p.eventHubAuthorizationRuleId,
      eventHubName: p.eventHubName,
      logAnalyticsDestinationType: p.workspaceId ? (dedicated ? 'Dedicated' : null) : undefined,
      logs,
      metrics: metrics.length ? metrics : undefined,
    }).filter(([, v]) => v !== undefined && v !== null),
  ) as Record<string, BicepValue>;
  const bicep = [
    `resource target '${type}@${version}' existing = {`,
    `  name: ${bicepString(id?.name ?? '<name>')}`,
    '}',
    '',
    `resource setting 'Microsoft.Insights/diagnosticSettings@${apiVersions.diagnosticSettings}' = {`,
    `  name: ${bicepString(name)}`,
    '  scope: target',
    `  properties: ${bicepLiteral(properties, '  ')}`,
    '}',
  ].join('\n');
  return { cli, bicep };
}

/** The audit-trail fix: AuditEvent to the chosen workspace, in Key Vault's own table. */
export function auditSettingAsCode(vaultId: string, settingName: string, workspaceId: string | undefined) {
  return diagnosticSettingAsCode(
    vaultId,
    settingName,
    auditSettingToWorkspace(workspaceId ?? placeholderWorkspace),
  );
}
