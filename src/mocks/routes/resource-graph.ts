import { accessChecker, visibleSubscriptionIds } from '../rules/authorization';
import { assumptions } from '../store/assumptions';
import { fail } from '../rules/errors';
import { json, type Router } from './http';
import type { TwinContext } from './context';
import type { TwinBot, TwinVault, TwinWorkspace } from '../store/model';
import { botJson, vaultJson } from './serialize';
import { changeRow, parseChangesQuery, type ChangesQuery } from './resource-changes-query';
import {
  graphColumns,
  parseGraphQuery,
  type ComputedColumn,
  type GraphColumn,
  type GraphQuery,
} from './resource-graph-query';
import { parsePolicyStatesQuery, policyStateRows } from './policy-states-query';
import { workspaceJson } from './workspaces';

type Row = Record<string, unknown>;

interface Cursor {
  fingerprint: string;
  rows: Row[];
}

const invalid = (message: string): never =>
  fail(
    400,
    'BadRequest',
    'Please provide below info when asking for support: the query could not be run.',
    undefined,
    [
      {
        code: 'InvalidQuery',
        message:
          'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
      },
      { code: 'ParserFailure', message },
    ],
  );

function readBody(body: unknown): {
  subscriptions?: string[];
  query: string;
  top: number;
  skip?: number;
  token?: string;
} {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.query !== 'string' || !b.query.trim()) invalid('The request needs a query.');
  if (
    b.subscriptions !== undefined &&
    !(Array.isArray(b.subscriptions) && b.subscriptions.every((s) => typeof s === 'string'))
  )
    fail(400, 'BadRequest', 'subscriptions must be an array of subscription ids.', 'subscriptions');
  const o = (b.options ?? {}) as Record<string, unknown>;
  if (o.resultFormat !== undefined && o.resultFormat !== 'objectArray')
    fail(400, 'BadRequest', assumptions.resourceGraph.onlyObjectArray, 'options.resultFormat');
  const top = o.$top === undefined ? assumptions.resourceGraph.defaultTop : o.$top;
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

interface Hit {
  /** The lower-cased id, which orders the rows. */
  key: string;
  type: string;
  resource: TwinBot | TwinVault | TwinWorkspace;
  tenantId: string;
}

/** Serialised once per row however many columns read it (a bot's status weighs its key's state). */
const serialised = new WeakMap<Hit, unknown>();

/** The resource's ARM properties, as Resource Graph's `properties` column carries them. */
function propertiesOf(ctx: TwinContext, hit: Hit, now: number): unknown {
  if (serialised.has(hit)) return serialised.get(hit);
  const r = hit.resource;
  const json =
    hit.type === 'microsoft.botservice/botservices'
      ? botJson(ctx.world, r as TwinBot, now)
      : hit.type === 'microsoft.keyvault/vaults'
        ? vaultJson(r as TwinVault)
        : workspaceJson(r as TwinWorkspace);
  serialised.set(hit, json.properties);
  return json.properties;
}

function computed(ctx: TwinContext, hit: Hit, c: ComputedColumn, now: number): unknown {
  let v: unknown = propertiesOf(ctx, hit, now);
  for (const k of c.path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (c.convert === 'tobool')
    return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : null;
  if (c.convert === 'toint') return typeof v === 'number' ? Math.trunc(v) : null;
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function cell(ctx: TwinContext, hit: Hit, column: GraphColumn, now: number): unknown {
  const r = hit.resource;
  switch (column) {
    case 'properties':
      return propertiesOf(ctx, hit, now) ?? {};
    case 'id':
      return r.id;
    case 'name':
      return r.name;
    case 'type':
      return hit.type;
    case 'kind':
      return 'kind' in r ? r.kind : '';
    case 'location':
      return r.location.toLowerCase();
    case 'resourceGroup':
      return r.resourceGroup.toLowerCase();
    case 'subscriptionId':
      return r.subscriptionId;
    case 'tenantId':
      return hit.tenantId;
    case 'tags':
      return 'tags' in r ? r.tags : {};
  }
}

/** Every resource the demo user can read in the given subscriptions, as rows of Resource Graph's `resources` table. */
function resourceRows(ctx: TwinContext, subscriptions: string[], q: GraphQuery, now: number): Row[] {
  const readable = accessChecker(ctx.world, 'read');
  const wanted = (type: string) => !q.types || q.types.includes(type);
  const hits: Hit[] = [];
  const seen = new Set<string>();
  const collect = (type: string, resources: readonly Hit['resource'][], tenantId: string) => {
    if (!wanted(type)) return;
    for (const resource of resources)
      if (readable(resource.id)) hits.push({ key: resource.id.toLowerCase(), type, resource, tenantId });
  };
  for (const requested of subscriptions) {
    const sub = ctx.world.subscriptions.get(requested);
    // Subscriptions the caller cannot see are left out, not refused (see assumptions.resourceGraph).
    if (!sub || seen.has(sub.subscriptionId.toLowerCase())) continue;
    seen.add(sub.subscriptionId.toLowerCase());
    collect(
      'microsoft.botservice/botservices',
      ctx.world.bots.inSubscription(sub.subscriptionId),
      sub.tenantId,
    );
    collect('microsoft.keyvault/vaults', ctx.world.vaults.inSubscription(sub.subscriptionId), sub.tenantId);
    collect(
      'microsoft.operationalinsights/workspaces',
      ctx.world.workspaces.inSubscription(sub.subscriptionId),
      sub.tenantId,
    );
  }
  if (q.orderById) {
    const dir = q.orderById === 'asc' ? 1 : -1;
    hits.sort((a, b) => (a.key < b.key ? -dir : a.key > b.key ? dir : 0));
  }
  const columns = q.columns ?? graphColumns;
  return hits.map((hit) => {
    const row: Row = {};
    for (const c of columns) {
      if (typeof c === 'string') row[c] = cell(ctx, hit, c, now);
      else row[c.alias] = computed(ctx, hit, c, now);
    }
    return row;
  });
}

/** Change records of readable resources in the given subscriptions, newest first, within 14 days at most. */
function changeRows(ctx: TwinContext, subscriptions: string[], q: ChangesQuery, now: number): Row[] {
  const readable = accessChecker(ctx.world, 'read');
  const subs = new Set(subscriptions.map((s) => s.toLowerCase()));
  const targets = q.targets ? new Set(q.targets.map((t) => t.toLowerCase())) : undefined;
  const since = now - Math.min(q.days, 14) * 24 * 60 * 60 * 1000;
  return [...ctx.world.changeRecords.values()]
    .filter(
      (r) =>
        subs.has(r.subscriptionId.toLowerCase()) &&
        (targets ? targets.has(r.targetResourceId.toLowerCase()) : r.targetResourceType === q.type) &&
        r.at > since &&
        readable(r.targetResourceId),
    )
    .sort((a, b) => b.at - a.at)
    .map(changeRow);
}

/**
 * Azure Resource Graph's Resources operation, for the query shapes in resource-graph-query.ts. Pages are cut from a
 * cursor taken on the first page (as a `$skipToken` carries the query's context), so paging through a tenant-scale
 * answer builds and sorts it once.
 */
export function registerResourceGraphRoutes(router: Router, ctx: TwinContext): void {
  const cursors = new Map<string, Cursor>();
  let nextCursor = 0;
  router.add('arm', 'POST', '/providers/Microsoft.ResourceGraph/resources', ({ req, now }) => {
    const body = readBody(req.body);
    const changes = parseChangesQuery(body.query);
    const policy = changes ? undefined : parsePolicyStatesQuery(body.query);
    const q =
      changes || policy
        ? undefined
        : (parseGraphQuery(body.query) ?? invalid(assumptions.resourceGraph.unsupportedQuery));
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
      cursor = {
        fingerprint,
        rows: changes
          ? changeRows(ctx, subscriptions, changes, now)
          : policy
            ? policyStateRows(ctx, subscriptions, policy, now)
            : resourceRows(ctx, subscriptions, q!, now),
      };
      cursorId = String(++nextCursor);
      cursors.set(cursorId, cursor);
      // A handful of open cursors is plenty for one console; the oldest goes first.
      if (cursors.size > 16) cursors.delete(cursors.keys().next().value!);
    }
    const data = cursor.rows.slice(offset, offset + body.top);
    const more = offset + body.top < cursor.rows.length;
    // Without the id column Resource Graph cannot page: it cuts the answer and says so.
    const canPage = !q?.columns || q.columns.includes('id');
    const out: Record<string, unknown> = {
      totalRecords: cursor.rows.length,
      count: data.length,
      resultTruncated: more && !canPage ? 'true' : 'false',
      data,
    };
    if (more && canPage) out.$skipToken = encodeToken({ cursor: cursorId!, offset: offset + body.top });
    return json(200, out);
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
