/** Azure Monitor wire types: the Activity log (Microsoft.Insights 2015-04-01 `activityLogs_API.json`), diagnostic
 * settings (2021-05-01-preview `diagnosticsSettings_API.json`), Log Analytics workspaces and the query API. Every field
 * of `EventData` is optional in the spec: read each one defensively. */

interface LocalizableString {
  value: string;
  localizedValue?: string;
}

type EventLevel = 'Critical' | 'Error' | 'Warning' | 'Informational' | 'Verbose';

/** One Activity log event (`EventData`). */
export interface EventData {
  authorization?: { action?: string; role?: string; scope?: string };
  caller?: string;
  channels?: string;
  claims?: Record<string, string>;
  correlationId?: string;
  description?: string;
  eventDataId?: string;
  eventName?: LocalizableString;
  category?: LocalizableString;
  httpRequest?: { clientRequestId?: string; clientIpAddress?: string; method?: string; uri?: string };
  id?: string;
  level?: EventLevel;
  resourceGroupName?: string;
  resourceProviderName?: LocalizableString;
  resourceId?: string;
  resourceType?: LocalizableString;
  operationId?: string;
  operationName?: LocalizableString;
  properties?: Record<string, string>;
  status?: LocalizableString;
  subStatus?: LocalizableString;
  eventTimestamp?: string;
  submissionTimestamp?: string;
  subscriptionId?: string;
  tenantId?: string;
}

/** `EventDataCollection`: a page of events. */
export interface EventDataCollection {
  value: EventData[];
  nextLink?: string | null;
}

interface LogSettings {
  category?: string | null;
  categoryGroup?: string | null;
  enabled: boolean;
  retentionPolicy?: { enabled: boolean; days: number };
}

interface MetricSettings {
  category?: string | null;
  enabled: boolean;
  timeGrain?: string | null;
}

export interface DiagnosticSettings {
  storageAccountId?: string | null;
  serviceBusRuleId?: string | null;
  eventHubAuthorizationRuleId?: string | null;
  eventHubName?: string | null;
  metrics?: MetricSettings[];
  logs?: LogSettings[];
  workspaceId?: string | null;
  marketplacePartnerId?: string | null;
  /** `Dedicated`: resource-specific tables (Key Vault: AZKVAuditLogs); absent or null: AzureDiagnostics. */
  logAnalyticsDestinationType?: string | null;
}

export interface DiagnosticSettingsResource {
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  properties: DiagnosticSettings;
}

export interface DiagnosticSettingsCategoryResource {
  readonly id: string;
  readonly name: string;
  properties: { categoryType?: 'Metrics' | 'Logs'; categoryGroups?: string[] };
}

/** A Log Analytics workspace as the console reads it (Workspaces_Get 2025-02-01). */
export interface Workspace {
  readonly id: string;
  readonly name: string;
  location?: string;
  properties: {
    /** The workspace id the query API expects (a GUID), not the ARM id. */
    customerId?: string;
    retentionInDays?: number;
    provisioningState?: string;
    publicNetworkAccessForQuery?: 'Enabled' | 'Disabled';
  };
}

/** The Log Analytics query API's answer (`QueryResults`, data-plane v1). */
export interface LogsQueryResult {
  tables: { name: string; columns: { name: string; type: string }[]; rows: unknown[][] }[];
}
