import type { ArmResource } from './common';

/** BotProperties, Microsoft.BotService 2022-09-15 (botservice.json). */
export interface BotProperties {
  displayName: string;
  description?: string | null;
  iconUrl?: string | null;
  endpoint: string | null;
  readonly endpointVersion?: string;
  msaAppId: string;
  msaAppType?: 'UserAssignedMSI' | 'SingleTenant' | 'MultiTenant';
  msaAppTenantId?: string | null;
  msaAppMSIResourceId?: string | null;
  tenantId?: string | null;
  isCmekEnabled?: boolean;
  /** The Key Vault key URL. While CMK is off Azure may return an unrelated leftover value here (azure-rest-api-specs#15151). */
  cmekKeyVaultUrl?: string | null;
  /** Free-form and read-only: no enum in the spec. */
  readonly cmekEncryptionStatus?: string | null;
  publicNetworkAccess?: 'Enabled' | 'Disabled';
  disableLocalAuth?: boolean;
  isStreamingSupported?: boolean;
  allSettings?: Record<string, string> | null;
  parameters?: Record<string, string> | null;
  manifestUrl?: string | null;
  developerAppInsightKey?: string | null;
  /** Write-only: ARM never returns it; `isDeveloperAppInsightsApiKeySet` says whether one is set. */
  developerAppInsightsApiKey?: string | null;
  developerAppInsightsApplicationId?: string | null;
  readonly isDeveloperAppInsightsApiKeySet?: boolean;
  luisAppIds?: string[] | null;
  /** Write-only: ARM does not return it. */
  luisKey?: string | null;
  schemaTransformationVersion?: string | null;
  storageResourceId?: string | null;
  openWithHint?: string | null;
  appPasswordHint?: string | null;
  /** Write-only. */
  publishingCredentials?: string | null;
  readonly provisioningState?: string;
  readonly configuredChannels?: string[];
  readonly enabledChannels?: string[];
  readonly migrationToken?: string;
}

type BotSkuName = 'F0' | 'S1';
type BotKind = 'sdk' | 'designer' | 'bot' | 'function' | 'azurebot';

export interface Bot extends ArmResource<BotProperties> {
  sku?: { name: BotSkuName; readonly tier?: 'Free' | 'Standard' };
  kind?: BotKind;
  etag?: string;
  readonly zones?: string[];
}

/** The PATCH body: Bots_Update takes the same `Bot` schema, and strict validators want the required properties. */
export interface BotPatch {
  properties: Pick<BotProperties, 'displayName' | 'endpoint' | 'msaAppId'> & Partial<BotProperties>;
  tags?: Record<string, string>;
}
