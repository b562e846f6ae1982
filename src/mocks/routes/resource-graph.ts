import { visibleSubscriptionIds } from '../rules/authorization';
import { fail } from '../rules/errors';
import { compileQuery } from '../rules/kql/compile';
import { cutsRows, runQuery, type Row } from '../rules/kql/evaluate';
import { KqlError } from '../rules/kql/errors';
import type { Query } from '../rules/kql/ast';
import { toJson } from '../rules/kql/values';
import { assumptions } from '../store/assumptions';
import type { TwinContext } from './context';
import { json, type Router, type TwinResponse } from './http';
import { resourceGraphTables } from './resource-graph-tables';

interface Cursor {
  fingerprint: string;
  rows: Row[];
  pageable: boolean;
}

/** Resource Graph's support text, which opens every refusal's message (its correlation id left out). */
const supportText = 'Please provide below info when asking for support: the query could not be run.';
const invalidQuery = {
  code: 'InvalidQuery',
  message:
    'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
};

/** Resource Graph's 400 for a query it cannot run: InvalidQuery, then where and what (aztfexport#485; azqr#847). */
function refuseQuery(e: KqlError): never {
  if (e.kind === 'table')
    return fail(400, 'BadRequest', supportText, undefined, [
      invalidQuery,
      { code: 'DisallowedLogicalTableName', message: e.message },
    ]);
  return fail(400, 'BadRequest', supportText, undefined, [
    invalidQuery,
    {
      code: 'ParserFailure',
      message: 'ParserFailure',
      line: e.at.line,
      characterPositionInLine: e.at.col,
      token: e.token,
    } as { code: string; message: string },
  ]);
}

function readBody(body: unknown): {
  subscriptions?: string[];
  query: string;
  top: number;
  skip?: number;
  token?: string;
} {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.query !== 'string' || !b.query.trim())
    fail(400, 'BadRequest', supportText, 'query', [invalidQuery]);
  if (
    b.subscriptions !== undefined &&
    !(Array.isArray(b.subscriptions) && b.subscriptions.every((s) => typeof s === 'string'))
  )
    fail(400, 'BadRequest', 'subscriptions must be an array of subscription ids.', 'subscriptions');
  const o = (b.options ?? {}) as Record<string, unknown>;
  if (o.resultFormat !== undefined && o.resultFormat !== 'objectArray')
    fail(400, 'BadRequest', assumptions.resourceGraph.onlyObjectArray, 'options.resultFormat');
  // The spec: 1 to 1000, 1000 when not given.
  const top = o.$top === undefined ? 1000 : o.$top;
  if (typeof top !== 'number' || !Number.isInteger(top) || top < 1 || top > 1000)
    fail(400, 'BadRequest', '$top must be a whole number from 1 to 1000.', 'options.$top');
  const skip = o.$skip;
  if (skip !== undefined && (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0))
    fail(400, 'BadRequest', '$skip must be a whole number, 0 or more.', 'options.$skip');
  if (o.$skipToken !== undefined && typeof o.$skipToken !== 'string')
    fail(400, 'BadRequest', '$skipToken must be a string.', 'options.$skipToken');
  return {
    subscriptions: b.subscriptions as string[] | undefined,
    query: b.query as string,
    top: top as number,
    skip: skip as number | undefined,
    token: o.$skipToken as string | undefined,
  };
}

/** The query parsed and checked, or Resource Graph's refusal. Never a crash: the query is data. */
function parsed(text: string): Query {
  const q = compileQuery(text, (table) => resourceGraphTables[table] !== undefined);
  return q instanceof KqlError ? refuseQuery(q) : q;
}

/** Rows as the objectArray answer carries them: datetimes as ISO strings, every column read once. */
const wire = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toJson(v)]));

/** Resource Graph's per-user quota, on the twin's clock: queries left in the window, and when it refills. */
function quota(now: () => number) {
  const { queries, windowMs } = assumptions.resourceGraph.quota;
  let windowEnds = 0;
  let left = queries;
  // Whole seconds, rounded up: a client that waits what it is told must find the window refilled.
  const hhmmss = (ms: number) =>
    new Date(Math.ceil(Math.max(0, ms) / 1000) * 1000).toISOString().slice(11, 19);
  return {
    /** Spends one query; false when none is left. The headers say what remains, as every answer does. */
    take(): { ok: boolean; headers: Record<string, string> } {
      const t = now();
      // A new window once this one is over (or the clock was set back: a reset world starts afresh).
      if (t >= windowEnds || t < windowEnds - windowMs) {
        windowEnds = t + windowMs;
        left = queries;
      }
      const ok = left > 0;
      if (ok) left--;
      return {
        ok,
        headers: {
          'x-ms-user-quota-remaining': String(left),
          'x-ms-user-quota-resets-after': hhmmss(windowEnds - t),
        },
      };
    },
  };
}

/**
 * Azure Resource Graph's Resources operation: the query language over `resources`, `resourcechanges` and
 * `policyresources` (rules/kql), paged as the service pages (`$top`, `$skip`, `$skipToken`, `resultTruncated`),
 * within its quota. Pages are cut from a cursor taken on the first page (as a `$skipToken` carries the query's
 * context), so paging through a tenant-scale answer runs the query once.
 */
export function registerResourceGraphRoutes(router: Router, ctx: TwinContext): void {
  const cursors = new Map<string, Cursor>();
  const budget = quota(() => ctx.now());
  let nextCursor = 0;
  router.add('arm', 'POST', '/providers/Microsoft.ResourceGraph/resources', ({ req, now }) => {
    const spent = budget.take();
    if (!spent.ok)
      fail(
        429,
        'RateLimiting',
        supportText,
        undefined,
        [
          {
            code: 'RateLimiting',
            message:
              'Client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed. Please see https://aka.ms/resourcegraph-throttling for help.',
          },
        ],
        spent.headers,
      );
    const body = readBody(req.body);
    const q = parsed(body.query);
    // No subscriptions: a tenant query, over the subscriptions Subscriptions_List shows the caller.
    const subscriptions = body.subscriptions ?? visibleSubscriptionIds(ctx.world);
    const fingerprint = JSON.stringify([
      body.query,
      body.subscriptions?.map((s) => s.toLowerCase()) ?? 'tenant',
    ]);
    let offset = body.skip ?? 0;
    let cursor: Cursor | undefined;
    let cursorId: string | undefined;
    if (body.token) {
      const token = decodeToken(body.token);
      cursor = token && cursors.get(token.cursor);
      if (!token || (cursor && cursor.fingerprint !== fingerprint))
        fail(
          400,
          'BadRequest',
          'The $skipToken does not belong to this query and these subscriptions.',
          'options.$skipToken',
        );
      // With a token, $skip sets the offset (the spec: it "overrides the next page offset").
      offset = body.skip ?? token!.offset;
      cursorId = token!.cursor;
    }
    if (!cursor) {
      const rows = runQuery(q, resourceGraphTables[q.table]!(ctx, subscriptions, now), now).map(wire);
      // Resource Graph pages only by `id`, and never a query cut by take, limit or top (work-with-data).
      const pageable = !cutsRows(q) && rows.every((r) => 'id' in r);
      cursor = { fingerprint, rows, pageable };
      cursorId = String(++nextCursor);
      cursors.set(cursorId, cursor);
      // A handful of open cursors is plenty for one console; the oldest goes first.
      if (cursors.size > 16) cursors.delete(cursors.keys().next().value!);
    }
    if (!cursor.pageable) offset = 0;
    const data = cursor.rows.slice(offset, offset + body.top);
    const more = offset + body.top < cursor.rows.length;
    const out: Record<string, unknown> = {
      totalRecords: cursor.rows.length,
      count: data.length,
      resultTruncated: more && !cursor.pageable ? 'true' : 'false',
      data,
      facets: [],
    };
    if (more && cursor.pageable)
      out.$skipToken = encodeToken({ cursor: cursorId!, offset: offset + body.top });
    const answer: TwinResponse = json(200, out, spent.headers);
    return answer;
  });
}

function encodeToken(t: { cursor: string; offset: number }): string {
  return btoa(JSON.stringify(t));
}

function decodeToken(s: string): { cursor: string; offset: number } | undefined {
  try {
    const t = JSON.parse(atob(s)) as { cursor?: unknown; offset?: unknown };
    return typeof t.cursor === 'string' && typeof t.offset === 'number' && t.offset >= 0
      ? { cursor: t.cursor, offset: t.offset }
      : undefined;
  } catch {
    return undefined;
  }
}
