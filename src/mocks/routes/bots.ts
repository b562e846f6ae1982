import { accessChecker } from '../rules/authorization';
import { settleBot } from '../rules/bot-cmek';
import { applyBotPatch, applyBotPut } from '../rules/bot-update';
import { answered, fail } from '../rules/errors';
import { json, page, type Router } from './http';
import { botJson } from './serialize';
import {
  botId as botIdOf,
  getBot,
  newHex32,
  requireRegistered,
  requireResourceGroup,
  requireSubscription,
  type TwinContext,
} from './context';

const base = '/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.BotService/botServices';

export function registerBotRoutes(router: Router, ctx: TwinContext): void {
  const listed = (prefix: string) => {
    const now = ctx.now();
    const out = [];
    const readable = accessChecker(ctx.world, 'read');
    const wanted = prefix.toLowerCase();
    for (const b of ctx.world.bots.values()) {
      if (b.id.toLowerCase().startsWith(wanted) && readable(b.id))
        out.push(botJson(ctx.world, settleBot(ctx.world, b, now), now));
    }
    return out;
  };

  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/providers/Microsoft.BotService/botServices',
    ({ req, params }) => {
      requireSubscription(ctx, params.sub);
      requireRegistered(ctx, params.sub, 'Microsoft.BotService');
      return page(req, listed(`/subscriptions/${params.sub}/`), 100);
    },
  );

  router.add('arm', 'GET', base, ({ req, params }) => {
    requireResourceGroup(ctx, params.sub, params.rg);
    requireRegistered(ctx, params.sub, 'Microsoft.BotService');
    return page(req, listed(`/subscriptions/${params.sub}/resourceGroups/${params.rg}/`), 100);
  });

  router.add('arm', 'GET', `${base}/:name`, ({ params, now }) => {
    const bot = settleBot(ctx.world, getBot(ctx, params, 'read'), now);
    return json(200, botJson(ctx.world, bot, now), { ETag: `"${bot.etag}"` });
  });

  // Bots_Create on an existing bot replaces it (a Bicep or ARM template deployment); creating new bots is not modelled.
  router.add('arm', 'PUT', `${base}/:name`, ({ req, params, now }) => {
    requireResourceGroup(ctx, params.sub, params.rg);
    requireRegistered(ctx, params.sub, 'Microsoft.BotService');
    const existing = ctx.world.bots.get(botIdOf(params));
    if (!existing)
      fail(400, 'BadRequest', 'Creating bots is not part of this twin; it replaces existing bots only.');
    const bot = getBot(ctx, params, 'write');
    const next = answered(applyBotPut(ctx.world, bot, req.body, now, newHex32()));
    ctx.world.bots.set(next.id, next);
    return json(200, botJson(ctx.world, next, now), { ETag: `"${next.etag}"` });
  });

  router.add('arm', 'PATCH', `${base}/:name`, ({ req, params, now }) => {
    const bot = getBot(ctx, params, 'write');
    requireRegistered(ctx, params.sub, 'Microsoft.BotService');
    const next = answered(applyBotPatch(ctx.world, bot, req.body, now, newHex32()));
    ctx.world.bots.set(next.id, next);
    return json(200, botJson(ctx.world, next, now), { ETag: `"${next.etag}"` });
  });
}
