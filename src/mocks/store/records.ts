import type { EventData } from '../../arm/types/monitor';

/** Who makes a request: the signed-in demo admin, or "another admin" (a colleague, a pipeline). */
export interface TwinActor {
  objectId: string;
  /** What the Activity log shows as the caller: a user's UPN, an application's object id. */
  caller: string;
  kind: 'User' | 'Application';
  /** The client application of the token (`appid` claim). */
  appId: string;
  /** Resource Graph's `clientType` (`Azure Portal`, `Azure CLI`, … or `Unknown`). */
  clientType: string;
  ip: string;
}

/** An Activity log event as Azure serves it, with its time in ms for filtering. */
export interface TwinActivityEvent {
  at: number;
  /** When the Activity log first shows it (a few minutes after `at`); absent in older saved states: at once. */
  visibleAt?: number;
  /** Insertion order: a Started and its Succeeded share a time. */
  seq: number;
  subscriptionId: string;
  event: EventData;
}

/** A Resource Graph change record (`resourcechanges`). */
export interface TwinChangeRecord {
  id: string;
  at: number;
  subscriptionId: string;
  targetResourceId: string;
  targetResourceType: string;
  changeType: 'Create' | 'Update' | 'Delete';
  changedBy: string;
  changedByType: string;
  clientType: string;
  operation: string;
  correlationId: string;
  changes: Record<string, { previousValue: string; newValue: string }>;
}

/** Key Vault audit rows in a workspace, already counted per day (the twin keeps no row per call). */
export interface TwinAuditRow {
  workspaceId: string;
  table: 'AZKVAuditLogs' | 'AzureDiagnostics';
  vaultId: string;
  day: number;
  operation: 'KeyWrap' | 'KeyUnwrap';
  keyId: string;
  appId: string;
  status: number;
  signature: string;
  callerIp: string;
  addressAuthorized: boolean;
  accessPolicyMatch: boolean;
  rbacAuthorized: boolean;
  calls: number;
  last: number;
}
