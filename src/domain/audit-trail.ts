import type { DiagnosticSettings, DiagnosticSettingsResource } from '../arm/types/monitor';

/** Key Vault's audit log category (supported-logs for Microsoft.KeyVault/vaults); the `audit` and `allLogs`
 * category groups include it. */
const auditCategory = 'AuditEvent';
const auditGroups = ['audit', 'alllogs'];

export interface AuditDestination {
  settingName: string;
  workspaceId?: string;
  storageAccountId?: string;
  eventHub?: string;
  /** `Dedicated`: Key Vault writes to AZKVAuditLogs rather than AzureDiagnostics. */
  resourceSpecific: boolean;
}

function sendsAudit(s: DiagnosticSettings): boolean {
  return (s.logs ?? []).some(
    (l) =>
      l.enabled &&
      ((l.category ?? '').toLowerCase() === auditCategory.toLowerCase() ||
        auditGroups.includes((l.categoryGroup ?? '').toLowerCase())),
  );
}

/** Where a vault's audit events go, one entry per diagnostic setting that sends them anywhere. */
export function auditDestinations(settings: DiagnosticSettingsResource[]): AuditDestination[] {
  return settings
    .filter((s) => sendsAudit(s.properties))
    .map((s) => ({
      settingName: s.name,
      workspaceId: s.properties.workspaceId ?? undefined,
      storageAccountId: s.properties.storageAccountId ?? undefined,
      eventHub: s.properties.eventHubAuthorizationRuleId ?? undefined,
      resourceSpecific: (s.properties.logAnalyticsDestinationType ?? '').toLowerCase() === 'dedicated',
    }));
}

/** A setting name not in use on the resource (a PUT under a used name would replace that setting). */
export function freeSettingName(settings: DiagnosticSettingsResource[], base = 'keyguard-audit'): string {
  const used = new Set(settings.map((s) => s.name.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}-${i}`;
    if (!used.has(name)) return name;
  }
}

/** Audit events to a workspace, in Key Vault's resource-specific table. */
export function auditSettingToWorkspace(workspaceId: string): DiagnosticSettings {
  return {
    workspaceId,
    logAnalyticsDestinationType: 'Dedicated',
    logs: [{ category: auditCategory, enabled: true }],
  };
}
