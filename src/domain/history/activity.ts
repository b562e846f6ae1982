import type { EventData } from '../../arm/types/monitor';
import type { RecentWrite } from '../../arm/recent-writes';

export type OperationOutcome = 'succeeded' | 'failed' | 'running' | 'other';

/** One operation of the Activity log: its events (Started, then Succeeded or Failed) under one correlation id. */
export interface ActivityOperation {
  /** Stable key: correlation id, operation and resource. */
  key: string;
  correlationId: string;
  operationName: string;
  label: string;
  /** Azure's status of the newest event, verbatim. */
  status: string;
  outcome: OperationOutcome;
  /** Time of the newest event (ms). */
  at: number;
  /** Time of the first event (ms). */
  startedAt: number;
  caller?: string;
  /** The caller's object id from the token's claims, for a name from the directory. */
  callerObjectId?: string;
  callerAppId?: string;
  clientIp?: string;
  resourceId?: string;
  subscriptionId?: string;
  /** Oldest first. */
  events: EventData[];
  failure?: { code?: string; message: string };
}

const objectIdClaim = 'http://schemas.microsoft.com/identity/claims/objectidentifier';

/** Names the portal shows for the operations Keyguard makes; anything else keeps Azure's own words. */
const operationLabels: Record<string, string> = {
  'microsoft.botservice/botservices/write': 'Create or update bot',
  'microsoft.botservice/botservices/delete': 'Delete bot',
  'microsoft.keyvault/vaults/write': 'Update key vault',
  'microsoft.keyvault/vaults/delete': 'Delete key vault',
  'microsoft.keyvault/vaults/accesspolicies/write': 'Update key vault access policies',
  'microsoft.keyvault/vaults/keys/write': 'Create key',
  'microsoft.authorization/roleassignments/write': 'Create role assignment',
  'microsoft.authorization/roleassignments/delete': 'Delete role assignment',
  'microsoft.insights/diagnosticsettings/write': 'Create or update diagnostic setting',
  'microsoft.insights/diagnosticsettings/delete': 'Delete diagnostic setting',
};

function operationLabel(operationName: string, localized?: string): string {
  const lower = operationName.toLowerCase();
  const known = operationLabels[lower];
  if (known) return known;
  const register = /^([^/]+)\/register\/action$/.exec(lower);
  if (register) return `Register resource provider ${operationName.split('/')[0]}`;
  return localized && localized.toLowerCase() !== lower ? localized : operationName;
}

function outcomeOf(status: string): OperationOutcome {
  const s = status.toLowerCase();
  if (s === 'succeeded') return 'succeeded';
  if (s === 'failed') return 'failed';
  if (s === 'started' || s === 'accepted' || s === 'in progress') return 'running';
  return 'other';
}

const timeOf = (e: EventData) => Date.parse(e.eventTimestamp ?? '') || 0;
/** Within one instant, a Started event comes before the Succeeded or Failed that ends it. */
const phaseOf = (e: EventData) => (outcomeOf(e.status?.value ?? '') === 'running' ? 0 : 1);

/** Azure puts a failed operation's error, as JSON text, in `properties.statusMessage`. */
function failureOf(events: EventData[]): ActivityOperation['failure'] {
  for (const e of [...events].reverse()) {
    const raw = e.properties?.statusMessage;
    if (!raw) continue;
    try {
      const parsed = JSON.parse(raw) as { error?: { code?: unknown; message?: unknown } };
      const err = parsed.error;
      if (err && typeof err.message === 'string')
        return { code: typeof err.code === 'string' ? err.code : undefined, message: err.message };
    } catch {
      // Not JSON: shown as Azure wrote it.
    }
    return { message: raw };
  }
  return undefined;
}

/**
 * Groups events into operations (by correlation id, operation and resource), newest first. Events without a
 * correlation id stand alone.
 */
export function groupActivity(events: EventData[]): ActivityOperation[] {
  const groups = new Map<string, EventData[]>();
  for (const e of events) {
    const op = e.operationName?.value ?? '';
    const key = e.correlationId
      ? `${e.correlationId}|${op.toLowerCase()}|${(e.resourceId ?? '').toLowerCase()}`
      : (e.eventDataId ?? `${timeOf(e)}|${op}`);
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  const out: ActivityOperation[] = [];
  for (const [key, list] of groups) {
    const events = [...list].sort((a, b) => timeOf(a) - timeOf(b) || phaseOf(a) - phaseOf(b));
    const first = events[0]!;
    const last = events[events.length - 1]!;
    const named = events.find((e) => e.caller) ?? first;
    const status = last.status?.value ?? last.status?.localizedValue ?? '';
    const opName = last.operationName?.value ?? '';
    out.push({
      key,
      correlationId: last.correlationId ?? '',
      operationName: opName,
      label: operationLabel(opName, last.operationName?.localizedValue),
      status,
      outcome: outcomeOf(status),
      at: timeOf(last),
      startedAt: timeOf(first),
      caller: named.caller,
      callerObjectId: named.claims?.[objectIdClaim],
      callerAppId: named.claims?.appid,
      clientIp: named.httpRequest?.clientIpAddress ?? named.claims?.ipaddr,
      resourceId: last.resourceId ?? first.resourceId,
      subscriptionId: last.subscriptionId,
      events,
      failure: outcomeOf(status) === 'failed' ? failureOf(events) : undefined,
    });
  }
  return out.sort((a, b) => b.at - a.at);
}

/** Keeps a resource's own events and those of its children (access policies, keys, role assignments on it). */
export function isAboutResource(e: EventData, resourceId: string): boolean {
  const id = (e.resourceId ?? '').toLowerCase();
  const wanted = resourceId.toLowerCase().replace(/\/+$/, '');
  return id === wanted || id.startsWith(`${wanted}/`);
}

/**
 * This session's writes in the scope and span that the log does not show yet: Azure records an operation a few
 * minutes after it ran, under the client request id the request carried.
 */
export function writesNotYetLogged(
  writes: readonly RecentWrite[],
  operations: readonly ActivityOperation[],
  scopeId: string,
  range: { from: Date; to?: Date },
): RecentWrite[] {
  const scope = scopeId.toLowerCase().replace(/\/+$/, '');
  const logged = new Set(
    operations.flatMap((o) => o.events.map((e) => e.httpRequest?.clientRequestId?.toLowerCase())),
  );
  return writes.filter((w) => {
    const path = w.path.toLowerCase();
    return (
      (path === scope || path.startsWith(`${scope}/`)) &&
      w.atMs >= range.from.getTime() &&
      (!range.to || w.atMs <= range.to.getTime()) &&
      !logged.has(w.clientRequestId.toLowerCase())
    );
  });
}
