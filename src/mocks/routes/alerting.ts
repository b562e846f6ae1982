import { accessChecker } from '../rules/authorization';
import {
  validActionGroup,
  validActivityLogAlert,
  validEventSubscription,
  validScheduledQueryRule,
  validSystemTopic,
} from '../rules/alerting';
import { answered, fail, notFound } from '../rules/errors';
import type { TwinAlertingResource } from '../store/model';
import type { Table } from '../store/table';
import type { World } from '../store/world';
import { authorize, requireResourceGroup, requireSubscription, type TwinContext } from './context';
import { json, page, type Router, type TwinRequest } from './http';

type Validate = (world: World, id: string, body: unknown) => ReturnType<typeof validActionGroup>;

interface Kind {
  provider: string;
  /** The type's segment as ARM spells it. */
  segment: string;
  table: (w: World) => Table<TwinAlertingResource>;
  validate: Validate;
}

const kinds: Kind[] = [
  {
    provider: 'Microsoft.Insights',
    segment: 'actionGroups',
    table: (w) => w.actionGroups,
    validate: (_w, _id, b) => validActionGroup(b),
  },
  {
    provider: 'Microsoft.Insights',
    segment: 'scheduledQueryRules',
    table: (w) => w.scheduledQueryRules,
    validate: (w, _id, b) => validScheduledQueryRule(w, b),
  },
  {
    provider: 'Microsoft.Insights',
    segment: 'activityLogAlerts',
    table: (w) => w.activityLogAlerts,
    validate: (w, _id, b) => validActivityLogAlert(w, b),
  },
  {
    provider: 'Microsoft.EventGrid',
    segment: 'systemTopics',
    table: (w) => w.systemTopics,
    validate: (w, id, b) => validSystemTopic(w, id, b),
  },
];

function alertingJson(r: TwinAlertingResource) {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    ...(r.location !== undefined ? { location: r.location } : {}),
    ...(r.kind !== undefined ? { kind: r.kind } : {}),
    ...(r.tags ? { tags: structuredClone(r.tags) } : {}),
    properties: structuredClone(r.properties),
  };
}

function validName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,259}$/.test(name))
    fail(400, 'BadRequest', `'${name}' is not a valid resource name.`);
}

function put(
  ctx: TwinContext,
  table: Table<TwinAlertingResource>,
  id: string,
  name: string,
  type: string,
  req: TwinRequest,
  validate: (id: string, body: unknown) => ReturnType<typeof validActionGroup>,
) {
  authorize(ctx.world, id, `${type}/write`, 'write');
  validName(name);
  const body = answered(validate(id, req.body));
  const existing = table.get(id);
  const existed = existing !== undefined;
  const row: TwinAlertingResource = {
    createdAt: existing?.createdAt ?? ctx.now(),
    id,
    name,
    type,
    location: typeof body.location === 'string' ? body.location : undefined,
    kind: typeof body.kind === 'string' ? body.kind : undefined,
    tags: (body.tags as Record<string, string> | undefined) ?? undefined,
    properties: body.properties as Record<string, unknown>,
  };
  table.set(id, row);
  return json(existed ? 200 : 201, alertingJson(row));
}

function getOne(
  ctx: TwinContext,
  table: Table<TwinAlertingResource>,
  id: string,
  type: string,
  name: string,
  rg: string,
) {
  authorize(ctx.world, id, `${type}/read`, 'read');
  const row = table.get(id);
  return row ? json(200, alertingJson(row)) : notFound(type, name, rg);
}

function remove(ctx: TwinContext, table: Table<TwinAlertingResource>, id: string, type: string) {
  authorize(ctx.world, id, `${type}/delete`, 'write');
  if (!table.has(id)) return json(204, undefined);
  table.delete(id);
  return json(200, undefined);
}

/**
 * Azure Monitor's alerting resources (action groups, log search alert rules, Activity log alerts) and Event Grid's
 * system topics with their event subscriptions: read, list, write with Azure's validation, delete.
 */
export function registerAlertingRoutes(router: Router, ctx: TwinContext): void {
  for (const k of kinds) {
    const type = `${k.provider}/${k.segment}`;
    const one = `/subscriptions/:sub/resourceGroups/:rg/providers/${k.provider}/${k.segment}/:name` as const;
    const idOf = (p: { sub: string; rg: string; name: string }) =>
      `/subscriptions/${p.sub}/resourceGroups/${p.rg}/providers/${type}/${p.name}`;
    router.add('arm', 'GET', one, ({ params }) => {
      requireResourceGroup(ctx, params.sub, params.rg);
      return getOne(ctx, k.table(ctx.world), idOf(params), type, params.name, params.rg);
    });
    router.add('arm', 'PUT', one, ({ req, params }) => {
      requireResourceGroup(ctx, params.sub, params.rg);
      return put(ctx, k.table(ctx.world), idOf(params), params.name, type, req, (id, body) =>
        k.validate(ctx.world, id, body),
      );
    });
    router.add('arm', 'DELETE', one, ({ params }) => {
      requireResourceGroup(ctx, params.sub, params.rg);
      if (k.segment === 'systemTopics')
        for (const s of [...ctx.world.eventSubscriptions.values()])
          if (s.id.toLowerCase().startsWith(`${idOf(params).toLowerCase()}/`))
            ctx.world.eventSubscriptions.delete(s.id);
      return remove(ctx, k.table(ctx.world), idOf(params), type);
    });
    const list = (req: TwinRequest, prefix: string) => {
      const readable = accessChecker(ctx.world, 'read');
      const rows = [...k.table(ctx.world).values()]
        .filter((r) => r.id.toLowerCase().startsWith(prefix.toLowerCase()) && readable(r.id))
        .map(alertingJson);
      return page(req, rows, 100);
    };
    router.add(
      'arm',
      'GET',
      `/subscriptions/:sub/providers/${k.provider}/${k.segment}`,
      ({ req, params }) => {
        requireSubscription(ctx, params.sub);
        return list(req, `/subscriptions/${params.sub}/`);
      },
    );
    router.add(
      'arm',
      'GET',
      `/subscriptions/:sub/resourceGroups/:rg/providers/${k.provider}/${k.segment}`,
      ({ req, params }) => {
        requireResourceGroup(ctx, params.sub, params.rg);
        return list(req, `/subscriptions/${params.sub}/resourceGroups/${params.rg}/`);
      },
    );
  }

  const subType = 'Microsoft.EventGrid/systemTopics/eventSubscriptions';
  const topicOf = (p: { sub: string; rg: string; topic: string }) => {
    requireResourceGroup(ctx, p.sub, p.rg);
    const id = `/subscriptions/${p.sub}/resourceGroups/${p.rg}/providers/Microsoft.EventGrid/systemTopics/${p.topic}`;
    return ctx.world.systemTopics.get(id) ?? notFound('Microsoft.EventGrid/systemTopics', p.topic, p.rg);
  };
  const subPath =
    '/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.EventGrid/systemTopics/:topic/eventSubscriptions/:name';
  router.add('arm', 'GET', subPath, ({ params }) => {
    const topic = topicOf(params);
    return getOne(
      ctx,
      ctx.world.eventSubscriptions,
      `${topic.id}/eventSubscriptions/${params.name}`,
      subType,
      params.name,
      params.rg,
    );
  });
  router.add('arm', 'PUT', subPath, ({ req, params }) => {
    const topic = topicOf(params);
    const id = `${topic.id}/eventSubscriptions/${params.name}`;
    return put(ctx, ctx.world.eventSubscriptions, id, params.name, subType, req, (_id, body) =>
      validEventSubscription(ctx.world, body),
    );
  });
  router.add('arm', 'DELETE', subPath, ({ params }) => {
    const topic = topicOf(params);
    return remove(
      ctx,
      ctx.world.eventSubscriptions,
      `${topic.id}/eventSubscriptions/${params.name}`,
      subType,
    );
  });
  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.EventGrid/systemTopics/:topic/eventSubscriptions',
    ({ req, params }) => {
      const topic = topicOf(params);
      authorize(ctx.world, topic.id, `${subType}/read`, 'read');
      const prefix = `${topic.id.toLowerCase()}/eventsubscriptions/`;
      const rows = [...ctx.world.eventSubscriptions.values()]
        .filter((s) => s.id.toLowerCase().startsWith(prefix))
        .map(alertingJson);
      return page(req, rows, 100);
    },
  );
}
