import type { LogsQueryResult } from '../../arm/types/monitor';

/** One row of the Key usage query's answer. */
export interface UsageRow {
  day: number;
  operation: string;
  /** The key identifier Bot Service called (with its version). */
  keyId: string;
  status: number;
  signature: string;
  callerIp: string;
  addressAuthorized?: boolean;
  accessPolicyMatch?: boolean;
  rbacAuthorized?: boolean;
  calls: number;
  last: number;
}

export type FailureReason =
  'firewall' | 'access' | 'key-unusable' | 'forbidden' | 'not-found' | 'unauthenticated' | 'other';

export const failureReasonText: Record<FailureReason, string> = {
  firewall: 'Refused by the vault firewall (the caller’s address is not allowed)',
  access: 'Refused: no access policy or role gives Bot Service CMEK Prod this permission',
  'key-unusable':
    'Refused although access and network were allowed: the key is disabled, expired or does not permit the operation',
  forbidden: 'Forbidden (access policy, role, firewall or a disabled key; this log table does not say which)',
  'not-found': 'Key not found (deleted, purged, or a version that does not exist)',
  unauthenticated: 'Not authenticated',
  other: 'Another error',
};

const flag = (v: unknown): boolean | undefined =>
  v === true || v === 'true' || v === 'True'
    ? true
    : v === false || v === 'false' || v === 'False'
      ? false
      : undefined;

/** Reads the query's table by column name (Log Analytics may order columns differently). */
export function parseUsageRows(result: LogsQueryResult): UsageRow[] {
  const table = result.tables?.[0];
  if (!table) return [];
  const col = new Map(table.columns.map((c, i) => [c.name, i]));
  const get = (row: unknown[], name: string) => {
    const i = col.get(name);
    return i === undefined ? undefined : row[i];
  };
  // A cell as text: Log Analytics sends strings, numbers and booleans; anything else is not a value here.
  const text = (row: unknown[], name: string) => {
    const v = get(row, name);
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  };
  const out: UsageRow[] = [];
  for (const row of table.rows) {
    const day = Date.parse(text(row, 'Day'));
    const last = Date.parse(text(row, 'Last'));
    const status = Number(get(row, 'HttpStatusCode'));
    if (Number.isNaN(day) || Number.isNaN(last) || !Number.isFinite(status)) continue;
    out.push({
      day,
      operation: text(row, 'OperationName'),
      keyId: text(row, 'Id'),
      status,
      signature: text(row, 'ResultSignature'),
      callerIp: text(row, 'CallerIpAddress'),
      addressAuthorized: flag(get(row, 'IsAddressAuthorized')),
      accessPolicyMatch: flag(get(row, 'IsAccessPolicyMatch')),
      rbacAuthorized: flag(get(row, 'IsRbacAuthorized')),
      calls: Number(get(row, 'Calls')) || 0,
      last,
    });
  }
  return out;
}

/** Why a call failed, in the audit log's terms (undefined: it did not). */
export function reasonOf(r: UsageRow): FailureReason | undefined {
  if (r.status < 400) return undefined;
  if (r.status === 401) return 'unauthenticated';
  if (r.status === 404) return 'not-found';
  if (r.status !== 403) return 'other';
  if (r.addressAuthorized === false) return 'firewall';
  if (r.accessPolicyMatch === true || r.rbacAuthorized === true) return 'key-unusable';
  if (r.accessPolicyMatch === false || r.rbacAuthorized === false) return 'access';
  return 'forbidden';
}

interface DayUsage {
  day: number;
  successes: number;
  failures: number;
}

interface FailureGroup {
  reason: FailureReason;
  status: number;
  signature: string;
  calls: number;
  last: number;
  callerIps: string[];
}

interface VersionUsage {
  keyId: string;
  successes: number;
  failures: number;
  last: number;
}

export interface UsageSummary {
  days: DayUsage[];
  lastSuccess?: number;
  lastFailure?: number;
  failures: FailureGroup[];
  versions: VersionUsage[];
  total: { successes: number; failures: number };
}

/** Per day, per failure reason and per key version, newest first. */
export function summarizeUsage(rows: UsageRow[]): UsageSummary {
  const days = new Map<number, DayUsage>();
  const failures = new Map<string, FailureGroup>();
  const versions = new Map<string, VersionUsage>();
  let lastSuccess: number | undefined;
  let lastFailure: number | undefined;
  const total = { successes: 0, failures: 0 };
  for (const r of rows) {
    const reason = reasonOf(r);
    const d = days.get(r.day) ?? { day: r.day, successes: 0, failures: 0 };
    days.set(r.day, d);
    const v = versions.get(r.keyId.toLowerCase()) ?? { keyId: r.keyId, successes: 0, failures: 0, last: 0 };
    versions.set(r.keyId.toLowerCase(), v);
    v.last = Math.max(v.last, r.last);
    if (!reason) {
      d.successes += r.calls;
      v.successes += r.calls;
      total.successes += r.calls;
      lastSuccess = Math.max(lastSuccess ?? 0, r.last);
      continue;
    }
    d.failures += r.calls;
    v.failures += r.calls;
    total.failures += r.calls;
    lastFailure = Math.max(lastFailure ?? 0, r.last);
    const key = `${reason}|${r.status}|${r.signature}`;
    const f = failures.get(key) ?? {
      reason,
      status: r.status,
      signature: r.signature,
      calls: 0,
      last: 0,
      callerIps: [],
    };
    failures.set(key, f);
    f.calls += r.calls;
    f.last = Math.max(f.last, r.last);
    if (r.callerIp && !f.callerIps.includes(r.callerIp)) f.callerIps.push(r.callerIp);
  }
  return {
    days: [...days.values()].sort((a, b) => b.day - a.day),
    lastSuccess,
    lastFailure,
    failures: [...failures.values()].sort((a, b) => b.last - a.last),
    versions: [...versions.values()].sort((a, b) => b.last - a.last),
    total,
  };
}
