import { assumptions } from '../store/assumptions';
import { echo, invalid, isRefusal, refusal, type Refusal } from './errors';
import type { TwinBot } from '../store/model';
import type { World } from '../store/world';
import { botKeyProblem, settleBot } from './bot-cmek';
import { policyRefusal } from './policy';
import { botTenantOf, evaluateBotKeyAccess } from './bot-key-access';

type Props = Record<string, unknown>;

function readBody(
  raw: unknown,
): ({ properties?: unknown; tags?: unknown } & Record<string, unknown>) | Refusal {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return invalid('InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
  return raw as Record<string, unknown>;
}

function requireProperties(body: { properties?: unknown }): Props | Refusal {
  const props = body.properties;
  if (!props || typeof props !== 'object' || Array.isArray(props))
    return invalid(
      'InvalidRequestContent',
      "The request content is missing the required property 'properties'.",
      'properties',
    );
  return props as Props;
}

/** The required properties (a strict validator asks for them on PATCH too), and the ones fixed at creation. */
function validateCommon(bot: TwinBot, p: Props): Refusal | undefined {
  for (const required of ['displayName', 'endpoint', 'msaAppId'] as const) {
    if (!(required in p))
      return invalid(
        'InvalidRequestContent',
        `The property '${required}' is required.`,
        `properties.${required}`,
      );
  }
  if (typeof p.msaAppId !== 'string' || p.msaAppId.toLowerCase() !== bot.msaAppId.toLowerCase())
    return invalid(
      'InvalidBotData',
      'The property msaAppId cannot be changed after the bot is created.',
      'properties.msaAppId',
    );
  for (const fixed of ['msaAppTenantId', 'tenantId'] as const) {
    const now = fixed === 'tenantId' ? bot.tenantId : bot.msaAppTenantId;
    if (typeof p[fixed] === 'string' && p[fixed].toLowerCase() !== (now ?? '').toLowerCase())
      return invalid(
        'InvalidBotData',
        `The property ${fixed} cannot be changed after the bot is created.`,
        `properties.${fixed}`,
      );
  }
  if (typeof p.displayName !== 'string' || p.displayName.trim() === '' || p.displayName.length > 64)
    return invalid(
      'InvalidBotData',
      'The display name must be 1 to 64 characters long.',
      'properties.displayName',
    );
  if ('cmekKeyVaultUrl' in p && p.cmekKeyVaultUrl !== null && typeof p.cmekKeyVaultUrl !== 'string')
    return invalid(
      'InvalidRequestContent',
      'The property cmekKeyVaultUrl must be a string.',
      'properties.cmekKeyVaultUrl',
    );
  return undefined;
}

/** Every change is refused while the bot's current key is out of reach (its configuration cannot be decrypted). */
function unreachableRefusal(world: World, bot: TwinBot, nowMs: number): Refusal | undefined {
  const problem = botKeyProblem(world, bot, nowMs);
  if (!problem) return undefined;
  return refusal(
    409,
    assumptions.keyInaccessibleCode,
    `The data of bot '${bot.name}' is encrypted with a customer-managed key that Azure Bot Service cannot use: ${problem.message} Restore access to the key to read or change this bot.`,
    'properties.cmekKeyVaultUrl',
  );
}

/** Turning CMK on or rotating needs a key the Bot Service can really use; the work then runs on the clock. */
function cmekAfter(
  world: World,
  bot: TwinBot,
  wantEnabled: boolean,
  wantUrl: string | null,
  nowMs: number,
): TwinBot['cmek'] | Refusal {
  const ends = nowMs + assumptions.encryptionPhaseMs;
  if (wantEnabled) {
    // Setting a key makes Azure Bot Service wrap with it: an expired or not yet valid version is refused.
    const access = evaluateBotKeyAccess(world, botTenantOf(world, bot), wantUrl, nowMs, 'wrap');
    if (!access.ok) return invalid(access.code, access.message, 'properties.cmekKeyVaultUrl');
    const url = (wantUrl as string).trim();
    if (!bot.cmek.enabled) return { enabled: true, keyUrl: url, phase: 'encrypting', phaseEndsAt: ends };
    if (url.toLowerCase() !== (bot.cmek.keyUrl ?? '').toLowerCase())
      return {
        enabled: true,
        keyUrl: url,
        phase: 'rotating',
        phaseEndsAt: ends,
        previousKeyUrl: bot.cmek.keyUrl ?? undefined,
      };
    return bot.cmek;
  }
  if (bot.cmek.enabled) return { enabled: false, keyUrl: wantUrl, phase: 'decrypting', phaseEndsAt: ends };
  return { ...bot.cmek, keyUrl: wantUrl };
}

const str = (p: Props, k: string, fallback: string) => (typeof p[k] === 'string' ? p[k] : fallback);

/** Bots_Update (PATCH): what the body names changes, the rest stays. */
export function applyBotPatch(
  world: World,
  current: TwinBot,
  raw: unknown,
  nowMs: number,
  newEtag: string,
): TwinBot | Refusal {
  const bot = settleBot(world, current, nowMs);
  const body = readBody(raw);
  if (isRefusal(body)) return body;
  const p = requireProperties(body);
  if (isRefusal(p)) return p;
  const refused = unreachableRefusal(world, bot, nowMs) ?? validateCommon(bot, p);
  if (refused) return refused;
  const wantEnabled = typeof p.isCmekEnabled === 'boolean' ? p.isCmekEnabled : bot.cmek.enabled;
  const wantUrl = 'cmekKeyVaultUrl' in p ? (p.cmekKeyVaultUrl as string | null) : bot.cmek.keyUrl;
  const denied = policyRefusal(world, bot, wantEnabled);
  if (denied) return denied;
  const cmek = cmekAfter(world, bot, wantEnabled, wantUrl, nowMs);
  if (isRefusal(cmek)) return cmek;
  return {
    ...bot,
    displayName: str(p, 'displayName', bot.displayName),
    description: str(p, 'description', bot.description),
    endpoint: p.endpoint === null ? '' : str(p, 'endpoint', bot.endpoint),
    tags:
      body.tags && typeof body.tags === 'object' ? { ...(body.tags as Record<string, string>) } : bot.tags,
    cmek,
    etag: newEtag,
    modifiedAt: nowMs,
  };
}

const nullableString = (p: Props, k: string) => (typeof p[k] === 'string' ? p[k] : null);
const stringMap = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Record<string, string>) } : null;

/**
 * Bots_Create on an existing bot (PUT): the body replaces the bot. Every writable property it leaves out goes back to
 * its default, write-only secrets included: what a deployment of a partial template does to a real bot.
 */
export function applyBotPut(
  world: World,
  current: TwinBot,
  raw: unknown,
  nowMs: number,
  newEtag: string,
): TwinBot | Refusal {
  const bot = settleBot(world, current, nowMs);
  const body = readBody(raw);
  if (isRefusal(body)) return body;
  const p = requireProperties(body);
  if (isRefusal(p)) return p;
  const refused = unreachableRefusal(world, bot, nowMs) ?? validateCommon(bot, p);
  if (refused) return refused;
  const sku = (body.sku as { name?: unknown } | undefined)?.name;
  if (sku !== 'F0' && sku !== 'S1')
    return invalid('InvalidRequestContent', "The property 'sku.name' must be F0 or S1.", 'sku.name');
  const kind = body.kind;
  if (kind !== undefined && !['sdk', 'designer', 'bot', 'function', 'azurebot'].includes(kind as string))
    return invalid('InvalidRequestContent', `The kind '${echo(kind)}' is not valid.`, 'kind');
  const msaAppType = p.msaAppType;
  if (
    msaAppType !== undefined &&
    !['UserAssignedMSI', 'SingleTenant', 'MultiTenant'].includes(msaAppType as string)
  )
    return invalid(
      'InvalidBotData',
      `The msaAppType '${echo(msaAppType)}' is not valid.`,
      'properties.msaAppType',
    );
  const denied = policyRefusal(world, bot, p.isCmekEnabled === true);
  if (denied) return denied;
  const cmek = cmekAfter(
    world,
    bot,
    p.isCmekEnabled === true,
    typeof p.cmekKeyVaultUrl === 'string' ? p.cmekKeyVaultUrl : null,
    nowMs,
  );
  if (isRefusal(cmek)) return cmek;
  return {
    ...bot,
    location: typeof body.location === 'string' ? body.location : bot.location,
    sku: sku,
    kind: (kind as TwinBot['kind'] | undefined) ?? bot.kind,
    tags: stringMap(body.tags) ?? {},
    displayName: p.displayName as string,
    description: str(p, 'description', ''),
    endpoint: str(p, 'endpoint', ''),
    // Left out, the app type is no longer known: the service then treats the app as multi-tenant (an assumption).
    msaAppType: (msaAppType as TwinBot['msaAppType'] | undefined) ?? assumptions.botAppTypeWhenOmitted,
    msaAppMSIResourceId: nullableString(p, 'msaAppMSIResourceId'),
    settings: {
      iconUrl: str(p, 'iconUrl', ''),
      publicNetworkAccess: p.publicNetworkAccess === 'Disabled' ? 'Disabled' : 'Enabled',
      disableLocalAuth: p.disableLocalAuth === true,
      isStreamingSupported: p.isStreamingSupported === true,
      developerAppInsightKey: nullableString(p, 'developerAppInsightKey'),
      developerAppInsightsApplicationId: nullableString(p, 'developerAppInsightsApplicationId'),
      developerAppInsightsApiKeySet:
        typeof p.developerAppInsightsApiKey === 'string' && p.developerAppInsightsApiKey !== '',
      luisAppIds: Array.isArray(p.luisAppIds)
        ? p.luisAppIds.filter((x): x is string => typeof x === 'string')
        : [],
      luisKeySet: typeof p.luisKey === 'string' && p.luisKey !== '',
      schemaTransformationVersion: nullableString(p, 'schemaTransformationVersion'),
      storageResourceId: nullableString(p, 'storageResourceId'),
      manifestUrl: nullableString(p, 'manifestUrl'),
      openWithHint: nullableString(p, 'openWithHint'),
      appPasswordHint: nullableString(p, 'appPasswordHint'),
      allSettings: stringMap(p.allSettings),
      parameters: stringMap(p.parameters),
    },
    cmek,
    etag: newEtag,
    modifiedAt: nowMs,
  };
}
