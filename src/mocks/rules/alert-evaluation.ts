import { assumptions } from '../store/assumptions';
import type { TwinActivityEvent, TwinAlertingResource, TwinAuditRow } from '../store/model';
import type { World } from '../store/world';
import { compileQuery } from './kql/compile';
import { runQuery, type Row } from './kql/evaluate';

/**
 * Azure Monitor running the alert rules on the twin's clock: log search alert rules over the audit rows their
 * workspace holds, Activity log alerts over the Activity log, and Event Grid's near-expiry events raised as Azure
 * Monitor alerts. What fired is derived from the world each time it is asked (nothing is stored), as the Alerts API
 * keeps it: the last 30 days.
 */
export interface FiredAlert {
  id: string;
  ruleId: string;
  ruleName: string;
  severity: string;
  signalType: 'Log' | 'Activity Log' | 'Event';
  monitorService: string;
  monitorCondition: 'Fired' | 'Resolved';
  targetResource: string;
  startMs: number;
  resolvedMs?: number;
  description?: string;
}

const minute = 60_000;
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const day = 24 * 60 * minute;
const keptMs = 30 * day;

/** ISO 8601 durations the rules use (PT5M, PT1H, P1D). */
function durationMs(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m) return NaN;
  return (Number(m[1] ?? 0) * 24 * 60 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * minute;
}

/** A stable id from a text, shaped like Azure's alert GUIDs. */
function guidOf(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 + text.charCodeAt(i), 2246822519) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Each audit row stands for `calls` calls, one per `unwrapEveryMs` back from its last: the twin's own rhythm. */
function callRows(r: TwinAuditRow, from: number): Row[] {
  const out: Row[] = [];
  for (
    let k = 0, at = r.last;
    k < r.calls && at >= r.day && at >= from;
    k++, at -= assumptions.keyUse.unwrapEveryMs
  ) {
    const time = new Date(at).toISOString();
    out.push(
      r.table === 'AZKVAuditLogs'
        ? {
            TimeGenerated: time,
            OperationName: r.operation,
            Id: r.keyId,
            HttpStatusCode: r.status,
            ResultSignature: r.signature,
            CallerIpAddress: r.callerIp,
            Identity: { claim: { appid: r.appId } },
            _ResourceId: r.vaultId.toLowerCase(),
          }
        : {
            TimeGenerated: time,
            ResourceProvider: 'MICROSOFT.KEYVAULT',
            Category: 'AuditEvent',
            OperationName: r.operation,
            id_s: r.keyId,
            httpStatusCode_d: r.status,
            ResultSignature: r.signature,
            CallerIPAddress: r.callerIp,
            identity_claim_appid_g: r.appId,
            _ResourceId: r.vaultId.toLowerCase(),
          },
    );
  }
  return out;
}

type Condition = {
  query?: string;
  operator?: string;
  threshold?: number;
  dimensions?: { name: string; operator: string; values: string[] }[];
  resourceIdColumn?: string;
  failingPeriods?: { numberOfEvaluationPeriods?: number; minFailingPeriodsToAlert?: number };
};

const breaches = (count: number, op: string | undefined, threshold: number) =>
  op === 'Equals'
    ? count === threshold
    : op === 'GreaterThanOrEqual'
      ? count >= threshold
      : op === 'LessThan'
        ? count < threshold
        : op === 'LessThanOrEqual'
          ? count <= threshold
          : count > threshold;

function logAlerts(world: World, rule: TwinAlertingResource, now: number): FiredAlert[] {
  const p = rule.properties as {
    enabled?: boolean;
    scopes?: string[];
    evaluationFrequency?: string;
    windowSize?: string;
    severity?: number;
    autoMitigate?: boolean;
    description?: string;
    criteria?: { allOf?: Condition[] };
  };
  const c = p.criteria?.allOf?.[0];
  const workspace = p.scopes?.[0]?.toLowerCase();
  if (p.enabled === false || !c?.query || !workspace) return [];
  const q = compileQuery(c.query, () => true);
  if ('message' in q) return [];
  const frequency = durationMs(p.evaluationFrequency ?? 'PT5M');
  const window = durationMs(p.windowSize ?? 'PT5M');
  const periods = c.failingPeriods?.numberOfEvaluationPeriods ?? 1;
  const needed = c.failingPeriods?.minFailingPeriodsToAlert ?? 1;
  const first = Math.max(rule.createdAt, now - keptMs);
  const rows = [...world.auditRows.values()]
    .filter(
      (r) => r.workspaceId.toLowerCase() === workspace && r.table.toLowerCase() === q.table.toLowerCase(),
    )
    .flatMap((r) => callRows(r, first - window * periods));
  const matched = runQuery(q, rows, now);
  const dims = (c.dimensions ?? []).filter((d) => d.operator === 'Include');
  const groups = new Map<string, { target: string; times: number[] }>();
  for (const row of matched) {
    const at = Date.parse(text(row.TimeGenerated));
    if (Number.isNaN(at)) continue;
    const values = dims.map((d) => text(row[d.name]));
    if (dims.some((d, i) => !d.values.includes('*') && !d.values.includes(values[i]!))) continue;
    const target = (c.resourceIdColumn && text(row[c.resourceIdColumn])) || workspace;
    const key = [target, ...values].join('|');
    const g = groups.get(key) ?? { target, times: [] };
    g.times.push(at);
    groups.set(key, g);
  }
  const out: FiredAlert[] = [];
  const threshold = c.threshold ?? 0;
  for (const [key, g] of groups) {
    const times = g.times.sort((a, b) => a - b);
    const countIn = (end: number) => times.filter((t) => t > end - window && t <= end).length;
    let open: FiredAlert | undefined;
    for (let t = first + frequency; t <= now; t += frequency) {
      let failing = 0;
      for (let k = 0; k < periods; k++)
        if (breaches(countIn(t - k * window), c.operator, threshold)) failing++;
      const firing = failing >= needed;
      if (firing && !open) {
        open = {
          id: guidOf(`${rule.id}|${key}|${t}`),
          ruleId: rule.id,
          ruleName: rule.name,
          severity: `Sev${p.severity ?? 3}`,
          signalType: 'Log',
          monitorService: 'Log Alerts V2',
          monitorCondition: 'Fired',
          targetResource: g.target,
          startMs: t,
          description: p.description,
        };
        out.push(open);
      } else if (!firing && open) {
        if (p.autoMitigate !== false) {
          open.monitorCondition = 'Resolved';
          open.resolvedMs = t;
        }
        open = undefined;
      }
    }
  }
  return out;
}

type Leaf = { field?: string; equals?: string; containsAny?: string[]; anyOf?: Leaf[] };

function fieldOf(e: TwinActivityEvent, field: string): string {
  const d = e.event;
  switch (field.toLowerCase()) {
    case 'category':
      return d.category?.value ?? '';
    case 'operationname':
      return d.operationName?.value ?? '';
    case 'status':
      return d.status?.value ?? '';
    case 'resourceid':
      return d.resourceId ?? '';
    case 'caller':
      return d.caller ?? '';
    case 'level':
      return d.level ?? '';
    default:
      return d.properties?.[field.replace(/^properties\./i, '')] ?? '';
  }
}

const leafMatches = (e: TwinActivityEvent, l: Leaf): boolean =>
  l.anyOf
    ? l.anyOf.some((x) => leafMatches(e, x))
    : l.field !== undefined &&
      [l.equals, ...(l.containsAny ?? [])].some(
        (v) => v !== undefined && fieldOf(e, l.field!).toLowerCase() === v.toLowerCase(),
      );

function activityAlerts(world: World, alert: TwinAlertingResource, now: number): FiredAlert[] {
  const p = alert.properties as {
    enabled?: boolean;
    scopes?: string[];
    description?: string;
    condition?: { allOf?: Leaf[] };
  };
  if (p.enabled === false) return [];
  const scopes = (p.scopes ?? []).map((s) => s.toLowerCase().replace(/\/+$/, ''));
  const from = Math.max(alert.createdAt, now - keptMs);
  return [...world.activityEvents.values()]
    .filter((e) => e.at >= from && (e.visibleAt ?? e.at) <= now)
    .filter((e) => {
      const id = (e.event.resourceId ?? '').toLowerCase();
      return scopes.some((s) => id === s || id.startsWith(`${s}/`));
    })
    .filter((e) => (p.condition?.allOf ?? []).every((l) => leafMatches(e, l)))
    .map((e) => ({
      id: guidOf(`${alert.id}|${e.event.eventDataId ?? e.seq}`),
      ruleId: alert.id,
      ruleName: alert.name,
      severity: 'Sev4',
      signalType: 'Activity Log' as const,
      monitorService: 'ActivityLog Administrative',
      monitorCondition: 'Fired' as const,
      targetResource: e.event.resourceId ?? '',
      startMs: e.visibleAt ?? e.at,
      description: p.description,
    }));
}

function expiryAlerts(world: World, sub: TwinAlertingResource, now: number): FiredAlert[] {
  const p = sub.properties as {
    filter?: { includedEventTypes?: string[] };
    destination?: { endpointType?: string; properties?: { severity?: string; description?: string } };
  };
  if (p.destination?.endpointType !== 'MonitorAlert') return [];
  const topicId = sub.id.replace(/\/eventSubscriptions\/[^/]+$/i, '');
  const source = text(world.systemTopics.get(topicId)?.properties.source);
  if (!source) return [];
  const types = p.filter?.includedEventTypes;
  const wants = (t: string) => !types || types.includes(t);
  const out: FiredAlert[] = [];
  for (const key of world.keys.values()) {
    if (key.vaultId.toLowerCase() !== source.toLowerCase()) continue;
    for (const v of key.versions) {
      // Key Vault raises these only for versions created after the subscription exists.
      if (!v.exp || v.created < Math.floor(sub.createdAt / 1000)) continue;
      const expMs = v.exp * 1000;
      const events: [string, number][] = [
        // A version made inside the window is near expiry from its creation.
        [
          'Microsoft.KeyVault.KeyNearExpiry',
          Math.max(expMs - assumptions.alerting.nearExpiryMs, v.created * 1000),
        ],
        ['Microsoft.KeyVault.KeyExpired', expMs],
      ];
      for (const [type, at] of events)
        if (wants(type) && at <= now && at >= now - keptMs)
          out.push({
            id: guidOf(`${sub.id}|${key.name}|${v.version}|${type}`),
            ruleId: sub.id,
            ruleName: sub.name,
            severity: p.destination.properties?.severity ?? 'Sev2',
            signalType: 'Event',
            monitorService: assumptions.alerting.eventGridMonitorService,
            monitorCondition: 'Fired',
            targetResource: source,
            startMs: at,
            description: `${type}: ${key.name}/${v.version}`,
          });
    }
  }
  return out;
}

/** Every alert fired in the last 30 days, newest first. */
export function firedAlerts(world: World, now: number): FiredAlert[] {
  return [
    ...[...world.scheduledQueryRules.values()].flatMap((r) => logAlerts(world, r, now)),
    ...[...world.activityLogAlerts.values()].flatMap((a) => activityAlerts(world, a, now)),
    ...[...world.eventSubscriptions.values()].flatMap((s) => expiryAlerts(world, s, now)),
  ].sort((a, b) => b.startMs - a.startMs);
}
