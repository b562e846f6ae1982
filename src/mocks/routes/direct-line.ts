import { botKeyProblem, settleBot } from '../rules/bot-cmek';
import { echo, fail } from '../rules/errors';
import { json, type Router } from './http';
import type { TwinBot } from '../store/model';
import { getBot, newGuid, type TwinContext } from './context';

const base = '/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.BotService/botServices/:name';

/**
 * The twin answers Direct Line for its bots: the secret comes from Channels_ListWithKeys, and a bot whose key is out of
 * reach cannot send or receive messages (the seed doc). The echo reply stands in for the bot's own code.
 */
export function registerDirectLineRoutes(router: Router, ctx: TwinContext): void {
  const conversations = new Map<
    string,
    { botId: string; activities: { type: string; from: { id: string }; text: string }[] }
  >();
  const botBySecret = (auth: string | undefined): TwinBot => {
    const secret = auth?.replace(/^Bearer /i, '') ?? '';
    const botId = secret.startsWith('dl-') ? secret.slice(3).split('|')[0] : undefined;
    const bot = botId ? [...ctx.world.bots.values()].find((b) => b.id.toLowerCase() === botId) : undefined;
    return bot ?? fail(403, 'Forbidden', 'The Direct Line secret is not valid.');
  };

  router.add('arm', 'POST', `${base}/channels/DirectLineChannel/listChannelWithKeys`, ({ params }) => {
    const bot = getBot(ctx, params, 'write');
    return json(200, {
      id: `${bot.id}/channels/DirectLineChannel`,
      name: 'DirectLineChannel',
      type: 'Microsoft.BotService/botServices/channels',
      location: 'global',
      properties: {
        channelName: 'DirectLineChannel',
        properties: {
          sites: [{ siteName: 'Default Site', isEnabled: true, key: `dl-${bot.id.toLowerCase()}|demo` }],
        },
      },
    });
  });

  router.add('directline', 'POST', '/v3/directline/conversations', ({ req, now }) => {
    const bot = settleBot(ctx.world, botBySecret(req.headers.authorization), now);
    const problem = botKeyProblem(ctx.world, bot, now);
    if (problem)
      fail(
        502,
        'BotError',
        `The bot could not be reached: its data is encrypted with a customer-managed key that Azure Bot Service cannot use (${problem.message})`,
      );
    const id = newGuid();
    conversations.set(id, { botId: bot.id, activities: [] });
    return json(201, { conversationId: id, expires_in: 1800 });
  });

  router.add('directline', 'POST', '/v3/directline/conversations/:id/activities', ({ req, params, now }) => {
    const bot = settleBot(ctx.world, botBySecret(req.headers.authorization), now);
    const conversation = conversations.get(params.id) ?? fail(404, 'BadArgument', 'Conversation not found.');
    const problem = botKeyProblem(ctx.world, bot, now);
    if (problem) fail(502, 'BotError', `The bot could not be reached: ${problem.message}`);
    const sent = (req.body as { text?: unknown } | undefined)?.text;
    const text = sent === undefined ? '' : echo(sent);
    conversation.activities.push({ type: 'message', from: { id: 'keyguard-test' }, text });
    conversation.activities.push({
      type: 'message',
      from: { id: bot.name },
      text: `${bot.displayName} received: ${text}`,
    });
    return json(200, { id: `${params.id}|${conversation.activities.length}` });
  });

  router.add('directline', 'GET', '/v3/directline/conversations/:id/activities', ({ params }) => {
    const conversation = conversations.get(params.id) ?? fail(404, 'BadArgument', 'Conversation not found.');
    return json(200, {
      activities: conversation.activities,
      watermark: String(conversation.activities.length),
    });
  });
}
