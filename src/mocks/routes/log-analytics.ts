import { canAccess } from '../rules/authorization';
import { assumptions } from '../store/assumptions';
import { echo, fail } from '../rules/errors';
import { json, type Router } from './http';
import type { TwinAuditRow } from '../store/model';
import type { TwinContext } from './context';

const day = 24 * 60 * 60 * 1000;

interface UsageQuery {
  days: number;
  appId: string;
  vaultId: string;
  keyPrefix?: string;
}

const unsupported = (): never => fail(400, 'BadArgumentError', assumptions.logAnalytics.unsupportedQuery);

/**
 * The twin runs no KQL. It recognises the one query shape Keyguard sends for key usage (a union of AZKVAuditLogs and
 * AzureDiagnostics, filtered to one app, one vault and perhaps one key, summarised per day) and refuses anything else.
 */
/** @internal Exported for its unit tests. */
export function parseUsageQuery(text: string): UsageQuery {
  const lines = text.split('\n').map((l) => l.trim());
  if (lines.length !== 8 || lines[0] !== 'union isfuzzy=true') unsupported();
  const azkv =
    /^\(AZKVAuditLogs \| where TimeGenerated > ago\((\d+)d\) and OperationName in \('KeyWrap', 'KeyUnwrap'\) and tostring\(Identity\.claim\.appid\) == '([0-9a-f-]{36})'$/i.exec(
      lines[1]!,
    ) ?? unsupported();
  const diag =
    /^\(AzureDiagnostics \| where TimeGenerated > ago\((\d+)d\) and ResourceProvider == 'MICROSOFT\.KEYVAULT' and Category == 'AuditEvent' and OperationName in \('KeyWrap', 'KeyUnwrap'\) and identity_claim_appid_g == '([0-9a-f-]{36})'$/i.exec(
      lines[3]!,
    ) ?? unsupported();
  if (
    !/^\| project TimeGenerated, OperationName, Id, HttpStatusCode = toint\(HttpStatusCode\),.*\),$/.test(
      lines[2]!,
    )
  )
    unsupported();
  if (
    !/^\| project TimeGenerated, OperationName, Id = id_s, HttpStatusCode = toint\(httpStatusCode_d\),.*\)$/.test(
      lines[4]!,
    )
  )
    unsupported();
  const scope =
    /^\| where ResourceId =~ '(\/subscriptions\/[^']+)'(?: and Id startswith '(https:\/\/[^']+\/)')?$/i.exec(
      lines[5]!,
    ) ?? unsupported();
  if (
    !/^\| summarize Calls = count\(\), Last = max\(TimeGenerated\) by Day = startofday\(TimeGenerated\), OperationName, Id, HttpStatusCode, ResultSignature, CallerIpAddress, IsAddressAuthorized, IsAccessPolicyMatch, IsRbacAuthorized$/.test(
      lines[6]!,
    )
  )
    unsupported();
  if (
    lines[7] !== '| order by Day desc' ||
    azkv[1] !== diag[1] ||
    azkv[2]!.toLowerCase() !== diag[2]!.toLowerCase()
  )
    unsupported();
  return { days: Number(azkv[1]), appId: azkv[2]!.toLowerCase(), vaultId: scope[1]!, keyPrefix: scope[2] };
}

/** An ISO 8601 duration of whole days or hours (`P30D`, `PT12H`), in ms. */
function timespanMs(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const m = typeof value === 'string' ? /^P(?:(\d+)D)?(?:T(\d+)H)?$/.exec(value) : null;
  if (!m || (!m[1] && !m[2])) fail(400, 'BadArgumentError', `The timespan '${echo(value)}' is not valid.`);
  return (Number(m![1] ?? 0) * 24 + Number(m![2] ?? 0)) * 60 * 60 * 1000;
}

const columns = [
  { name: 'Day', type: 'datetime' },
  { name: 'OperationName', type: 'string' },
  { name: 'Id', type: 'string' },
  { name: 'HttpStatusCode', type: 'int' },
  { name: 'ResultSignature', type: 'string' },
  { name: 'CallerIpAddress', type: 'string' },
  { name: 'IsAddressAuthorized', type: 'string' },
  { name: 'IsAccessPolicyMatch', type: 'string' },
  { name: 'IsRbacAuthorized', type: 'string' },
  { name: 'Calls', type: 'long' },
  { name: 'Last', type: 'datetime' },
];

function rowOf(r: TwinAuditRow): unknown[] {
  const flag = (b: boolean) => (r.table === 'AZKVAuditLogs' ? String(b) : '');
  return [
    new Date(r.day).toISOString(),
    r.operation,
    r.keyId,
    r.status,
    r.signature,
    r.callerIp,
    flag(r.addressAuthorized),
    flag(r.accessPolicyMatch),
    flag(r.rbacAuthorized),
    r.calls,
    new Date(r.last).toISOString(),
  ];
}

/** Log Analytics' query API on its own hosts (`POST /v1/workspaces/{customerId}/query`). */
export function registerLogAnalyticsRoutes(router: Router, ctx: TwinContext): void {
  router.add('logs', 'POST', '/v1/workspaces/:customerId/query', ({ req, params, now }) => {
    const workspace = [...ctx.world.workspaces.values()].find(
      (w) => w.customerId.toLowerCase() === params.customerId.toLowerCase(),
    );
    if (!workspace)
      fail(404, 'WorkspaceNotFoundError', `Workspace '${params.customerId}' could not be found.`);
    if (!canAccess(ctx.world, workspace!.id, 'read'))
      fail(
        403,
        'InsufficientAccessError',
        'The provided credentials have insufficient access to perform the requested operation',
      );
    const body = (req.body ?? {}) as { query?: unknown; timespan?: unknown };
    if (typeof body.query !== 'string') fail(400, 'BadArgumentError', 'The request needs a query.');
    const q = parseUsageQuery(body.query as string);
    // `union isfuzzy=true` skips a leg whose table the workspace lacks; with no leg left it is a semantic error. A
    // workspace gets Key Vault's tables with the first audit rows a vault sends it.
    const tables = new Set(
      [...ctx.world.auditRows.values()]
        .filter((r) => r.workspaceId.toLowerCase() === workspace!.id.toLowerCase())
        .map((r) => r.table),
    );
    if (tables.size === 0)
      fail(400, 'BadArgumentError', 'The request had some invalid properties', undefined, [
        { code: 'SemanticError', message: 'A semantic error occurred.' },
        {
          code: 'SEM0100',
          message: "'union' operator: Failed to resolve table expression named 'AZKVAuditLogs'",
        },
      ]);
    const span = Math.min(
      q.days * day,
      timespanMs(body.timespan) ?? Infinity,
      workspace!.retentionInDays * day,
    );
    const since = now - span;
    const rows: unknown[][] = [];
    const sorted = [...ctx.world.auditRows.values()].sort((a, b) => b.day - a.day);
    for (const r of sorted) {
      if (r.workspaceId.toLowerCase() !== workspace!.id.toLowerCase()) continue;
      if (r.vaultId.toLowerCase() !== q.vaultId.toLowerCase() || r.appId.toLowerCase() !== q.appId) continue;
      if (q.keyPrefix && !r.keyId.toLowerCase().startsWith(q.keyPrefix.toLowerCase())) continue;
      if (r.last < since) continue;
      rows.push(rowOf(r));
    }
    return json(200, { tables: [{ name: 'PrimaryResult', columns, rows }] });
  });
}
