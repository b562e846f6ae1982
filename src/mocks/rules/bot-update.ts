import type { BotPatch } from '../../arm/types/bot';
import { assumptions } from '../twin/assumptions';
import { badRequest, fail } from '../twin/errors';
import type { TwinBot } from '../twin/model';
import type { World } from '../twin/world';
import { botKeyProblem, settleBot } from './bot-cmek';
import { evaluateBotKeyAccess } from './bot-key-access';

type Body = Partial<BotPatch> & { properties?: Record<string, unknown> };

function readBody(raw: unknown): Body {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    badRequest('InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
  return raw as Body;
}

/**
 * Bots_Update. The body uses the Bot schema, whose required properties (displayName, endpoint, msaAppId) a strict
 * validator asks for on PATCH too. Turning CMK on or rotating needs a key the Bot Service can really use; any change
 * is refused while the bot's current key is out of reach.
 */
export function applyBotPatch(
  world: World,
  current: TwinBot,
  raw: unknown,
  nowMs: number,
  newEtag: string,
): TwinBot {
  const bot = settleBot(world, current, nowMs);
  const body = readBody(raw);
  const props = body.properties;
  if (!props || typeof props !== 'object')
    badRequest(
      'InvalidRequestContent',
      "The request content is missing the required property 'properties'.",
      'properties',
    );
  const p = props as Record<string, unknown>;
  const problem = botKeyProblem(world, bot, nowMs);
  if (problem) {
    fail(
      409,
      assumptions.keyInaccessibleCode,
      `The data of bot '${bot.name}' is encrypted with a customer-managed key that Azure Bot Service cannot use: ${problem.message} Restore access to the key to read or change this bot.`,
      'properties.cmekKeyVaultUrl',
    );
  }

  for (const required of ['displayName', 'endpoint', 'msaAppId'] as const) {
    if (!(required in p))
      badRequest(
        'InvalidRequestContent',
        `The property '${required}' is required.`,
        `properties.${required}`,
      );
  }
  if (typeof p.msaAppId !== 'string' || p.msaAppId.toLowerCase() !== bot.msaAppId.toLowerCase()) {
    badRequest(
      'InvalidBotData',
      'The property msaAppId cannot be changed after the bot is created.',
      'properties.msaAppId',
    );
  }
  if (typeof p.displayName !== 'string' || p.displayName.trim() === '' || p.displayName.length > 64) {
    badRequest(
      'InvalidBotData',
      'The display name must be 1 to 64 characters long.',
      'properties.displayName',
    );
  }

  const wantEnabled = typeof p.isCmekEnabled === 'boolean' ? p.isCmekEnabled : bot.cmek.enabled;
  const wantUrl = 'cmekKeyVaultUrl' in p ? (p.cmekKeyVaultUrl as string | null) : bot.cmek.keyUrl;
  if ('cmekKeyVaultUrl' in p && p.cmekKeyVaultUrl !== null && typeof p.cmekKeyVaultUrl !== 'string') {
    badRequest(
      'InvalidRequestContent',
      'The property cmekKeyVaultUrl must be a string.',
      'properties.cmekKeyVaultUrl',
    );
  }

  let cmek = bot.cmek;
  const ends = nowMs + assumptions.encryptionPhaseMs;
  if (wantEnabled) {
    const access = evaluateBotKeyAccess(world, bot.tenantId, wantUrl, nowMs);
    if (!access.ok) fail(400, access.code, access.message, 'properties.cmekKeyVaultUrl');
    const url = (wantUrl as string).trim();
    if (!bot.cmek.enabled) cmek = { enabled: true, keyUrl: url, phase: 'encrypting', phaseEndsAt: ends };
    else if (url.toLowerCase() !== (bot.cmek.keyUrl ?? '').toLowerCase()) {
      cmek = {
        enabled: true,
        keyUrl: url,
        phase: 'rotating',
        phaseEndsAt: ends,
        previousKeyUrl: bot.cmek.keyUrl ?? undefined,
      };
    }
  } else if (bot.cmek.enabled) {
    cmek = { enabled: false, keyUrl: bot.cmek.keyUrl, phase: 'decrypting', phaseEndsAt: ends };
  } else if ('cmekKeyVaultUrl' in p) {
    cmek = { ...bot.cmek, keyUrl: wantUrl };
  }

  const str = (k: string, fallback: string) => (typeof p[k] === 'string' ? (p[k] as string) : fallback);
  const next: TwinBot = {
    ...bot,
    displayName: str('displayName', bot.displayName),
    description: str('description', bot.description),
    endpoint: p.endpoint === null ? '' : str('endpoint', bot.endpoint),
    tags: body.tags && typeof body.tags === 'object' ? { ...body.tags } : bot.tags,
    cmek,
    etag: newEtag,
    modifiedAt: nowMs,
  };
  world.bots.set(bot.id, next);
  return next;
}
