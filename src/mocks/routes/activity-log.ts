import { authorize } from './context';
import { assumptions } from '../store/assumptions';
import { fail } from '../rules/errors';
import { json, type Router, type TwinRequest } from './http';
import type { TwinActivityEvent } from '../store/model';
import { requireSubscription, type TwinContext } from './context';

const day = 24 * 60 * 60 * 1000;
const retentionMs = 90 * day;
type Clause = 'resourcegroupname' | 'resourceuri' | 'resourceprovider' | 'correlationid';

interface Filter {
  from: number;
  to: number;
  clause?: { field: Clause; value: string };
}

const badFilter = (): never => fail(400, 'BadRequest', assumptions.history.activityLogBadFilter, '$filter');

/** The Activity log's own reading of `$filter`: the forms its spec allows and nothing else (activityLogs_API.json). */
/** @internal Exported for its unit tests. */
export function parseActivityFilter(text: string | null, now: number): Filter {
  if (!text)
    fail(
      400,
      'BadRequest',
      'The $filter query parameter is required, with at least a start time.',
      '$filter',
    );
  const m =
    /^\s*eventTimestamp ge '([^']+)'(?: and eventTimestamp le '([^']+)')?(?: and (resourceGroupName|resourceUri|resourceProvider|correlationId) eq '([^']+)')?\s*$/i.exec(
      text!,
    ) ?? badFilter();
  const from = Date.parse(m[1]!);
  const to = m[2] === undefined ? Infinity : Date.parse(m[2]);
  if (Number.isNaN(from) || Number.isNaN(to)) badFilter();
  if (from < now - retentionMs) fail(400, 'BadRequest', assumptions.history.activityLogTooOld, '$filter');
  return {
    from,
    to,
    clause: m[3] ? { field: m[3].toLowerCase() as Clause, value: m[4]!.toLowerCase() } : undefined,
  };
}

function matches(e: TwinActivityEvent, f: Filter): boolean {
  if (e.at < f.from || e.at > f.to) return false;
  if (!f.clause) return true;
  const ev = e.event;
  switch (f.clause.field) {
    case 'resourcegroupname':
      return (ev.resourceGroupName ?? '').toLowerCase() === f.clause.value;
    case 'resourceuri':
      return (ev.resourceId ?? '').toLowerCase() === f.clause.value;
    case 'resourceprovider':
      return (ev.resourceProviderName?.value ?? '').toLowerCase() === f.clause.value;
    case 'correlationid':
      return (ev.correlationId ?? '').toLowerCase() === f.clause.value;
  }
}

function scopeOf(sub: string, f: Filter): string {
  if (f.clause?.field === 'resourcegroupname')
    return `/subscriptions/${sub}/resourceGroups/${f.clause.value}`;
  if (f.clause?.field === 'resourceuri' && f.clause.value.startsWith(`/subscriptions/${sub.toLowerCase()}/`))
    return f.clause.value;
  return `/subscriptions/${sub}`;
}

/** ActivityLogs_List: newest first, paged by `nextLink` that keeps the filter and adds a skip token. */
export function registerActivityLogRoutes(router: Router, ctx: TwinContext): void {
  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/providers/microsoft.insights/eventtypes/management/values',
    ({ req, params, now }) => {
      const sub = params.sub;
      requireSubscription(ctx, sub);
      const filter = parseActivityFilter(req.url.searchParams.get('$filter'), now);
      authorize(ctx.world, scopeOf(sub, filter), 'Microsoft.Insights/eventtypes/values/read', 'read');
      const events: TwinActivityEvent[] = [];
      for (const e of ctx.world.activityEvents.values())
        if (
          e.subscriptionId.toLowerCase() === sub.toLowerCase() &&
          (e.visibleAt ?? e.at) <= now &&
          matches(e, filter)
        )
          events.push(e);
      events.sort((a, b) => b.at - a.at || b.seq - a.seq);
      return pageOf(req, events, assumptions.history.activityLogPageSize);
    },
  );
}

function pageOf(req: TwinRequest, events: TwinActivityEvent[], size: number) {
  const skip = Number(req.url.searchParams.get('$skiptoken') ?? '0') || 0;
  const body: Record<string, unknown> = { value: events.slice(skip, skip + size).map((e) => select(req, e)) };
  if (skip + size < events.length) {
    const next = new URL(req.url.toString());
    next.searchParams.set('$skiptoken', String(skip + size));
    body.nextLink = next.toString();
  }
  return json(200, body);
}

/** `$select` keeps only the named fields, as the service does. */
function select(req: TwinRequest, e: TwinActivityEvent): unknown {
  const wanted = req.url.searchParams.get('$select');
  if (!wanted) return e.event;
  const fields = new Set(wanted.split(',').map((f) => f.trim().toLowerCase()));
  return Object.fromEntries(Object.entries(e.event).filter(([k]) => fields.has(k.toLowerCase())));
}
