import type { DiagnosticSettingsResource } from '../../arm/types/monitor';
import { auditDestinations } from '../audit-trail';
import { errorOf, valueOf, type Read, type ReadinessCheck } from './types';

const auditLabel = 'Key Vault audit log kept (recommended)';

/**
 * Not a prerequisite of Azure Bot Service but of auditing it: without a diagnostic setting that sends `AuditEvent`
 * somewhere, nobody can tell who used the key, or that Bot Service's calls are already failing.
 */
export function auditTrailCheck(
  settings: Read<DiagnosticSettingsResource[]>,
  vaultBlade: (blade: string, label: string) => ReadinessCheck['blade'],
): ReadinessCheck {
  const blade = vaultBlade('diagnosticsettings', 'Diagnostic settings');
  const list = valueOf(settings);
  if (!list)
    return {
      id: 'audit-trail',
      label: auditLabel,
      state: 'unknown',
      reason: `The vault’s diagnostic settings could not be read: ${errorOf(settings) ?? 'not read yet.'}`,
      blade,
    };
  const destinations = auditDestinations(list);
  if (destinations.length === 0)
    return {
      id: 'audit-trail',
      label: auditLabel,
      state: 'warning',
      reason:
        'No diagnostic setting sends the vault’s AuditEvent log anywhere, so who used the key (and whether Azure Bot Service’s calls fail) cannot be audited.',
      fix: 'audit-trail',
      blade,
    };
  const workspaces = destinations.filter((d) => d.workspaceId);
  return {
    id: 'audit-trail',
    label: auditLabel,
    state: 'passed',
    reason: workspaces.length
      ? `AuditEvent goes to ${workspaces.length === 1 ? 'a Log Analytics workspace' : `${workspaces.length} Log Analytics workspaces`} (setting “${workspaces[0]!.settingName}”).`
      : `AuditEvent is kept (setting “${destinations[0]!.settingName}”), but in no Log Analytics workspace, so Keyguard cannot show key usage.`,
  };
}
