import type { DiagnosticSettings, DiagnosticSettingsResource } from '../../arm/types/monitor';

/** The editor's state: what the admin chose, as they typed it. */
export interface SettingForm {
  name: string;
  categories: string[];
  allMetrics: boolean;
  workspaceId?: string;
  resourceSpecific: boolean;
}

const namePattern = /^[^<>*%&:\\?+/]{1,260}$/;

export function formOf(existing: DiagnosticSettingsResource | undefined): SettingForm {
  const p = existing?.properties;
  return {
    name: existing?.name ?? '',
    categories: (p?.logs ?? []).filter((l) => l.enabled && l.category).map((l) => l.category!),
    allMetrics: (p?.metrics ?? []).some((m) => m.enabled && (m.category ?? 'AllMetrics') === 'AllMetrics'),
    workspaceId: p?.workspaceId ?? undefined,
    resourceSpecific: existing ? (p?.logAnalyticsDestinationType ?? '').toLowerCase() === 'dedicated' : true,
  };
}

/** What is wrong with the form, field by field; nothing is sent while anything is. */
export function formErrors(
  f: SettingForm,
  others: DiagnosticSettingsResource[],
  hasOtherSink: boolean,
): Partial<Record<'name' | 'categories' | 'workspace', string>> {
  const e: Partial<Record<'name' | 'categories' | 'workspace', string>> = {};
  if (!f.name.trim()) e.name = 'Enter a name for the setting.';
  else if (!namePattern.test(f.name)) e.name = 'The name cannot contain < > * % & : \\ ? + /.';
  else if (others.some((o) => o.name.toLowerCase() === f.name.trim().toLowerCase()))
    e.name = 'A setting of this name exists on this resource: pick another name or edit that one.';
  if (f.categories.length === 0 && !f.allMetrics)
    e.categories = 'Choose at least one log category or metrics.';
  if (!f.workspaceId && !hasOtherSink) e.workspace = 'Choose the Log Analytics workspace to send to.';
  return e;
}

/**
 * The PUT body. A setting is replaced by what is sent, so an existing one keeps every destination and log entry the
 * editor does not show (a storage account, an event hub, category groups).
 */
export function settingBody(
  f: SettingForm,
  existing: DiagnosticSettings | undefined,
  known: string[],
): DiagnosticSettings {
  const keptLogs = (existing?.logs ?? []).filter((l) => !l.category || !known.includes(l.category));
  const keptMetrics = (existing?.metrics ?? []).filter((m) => (m.category ?? 'AllMetrics') !== 'AllMetrics');
  return {
    ...existing,
    workspaceId: f.workspaceId ?? null,
    logAnalyticsDestinationType: f.workspaceId && f.resourceSpecific ? 'Dedicated' : null,
    logs: [...keptLogs, ...f.categories.map((category) => ({ category, enabled: true }))],
    metrics: [...keptMetrics, ...(f.allMetrics ? [{ category: 'AllMetrics', enabled: true }] : [])],
  };
}
