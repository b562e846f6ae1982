import { apiVersions } from './api-versions';
import { armCloud, armFetch, armRequest } from './client';
import { ArmError, errorFromResponse } from './errors';

/** Direct Line of the cloud the console works in (public, US Government, China). */
const directLineBase = () => `${armCloud().directLineEndpoint}/v3/directline`;

interface ChannelWithKeys {
  properties?: { properties?: { sites?: { siteName?: string; key?: string; isEnabled?: boolean }[] } };
}

/** Channels_ListWithKeys for the Direct Line channel: the secret the message test talks with (kept in memory only). */
async function directLineSecret(botId: string, signal?: AbortSignal): Promise<string> {
  const r = await armRequest<ChannelWithKeys>({
    method: 'POST',
    path: `${botId}/channels/DirectLineChannel/listChannelWithKeys`,
    apiVersion: apiVersions.botService,
    signal,
    idempotent: true,
  });
  const site = r.body?.properties?.properties?.sites?.find((s) => s.isEnabled !== false && s.key);
  if (!site?.key)
    throw new ArmError({
      status: 404,
      code: 'DirectLineNotConfigured',
      message: 'The bot has no enabled Direct Line site, so Keyguard cannot send it a test message.',
    });
  return site.key;
}

async function call<T>(
  method: string,
  path: string,
  secret: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await armFetch(`${directLineBase()}${path}`, {
      method,
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch {
    throw new ArmError({ status: 0, code: 'NetworkError', message: 'Direct Line could not be reached.' });
  }
  const text = await response.text();
  if (!response.ok)
    throw errorFromResponse(response.status, response.statusText, text, response.headers, {
      method,
      url: `${directLineBase()}${path}`,
    });
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface MessageTestResult {
  sent: string;
  replies: string[];
}

/**
 * Sends one message to the bot over Direct Line and reads its replies: the same path Web Chat uses, so a bot whose
 * key is out of reach fails here exactly as it fails for users.
 */
export async function sendTestMessage(
  botId: string,
  text: string,
  signal?: AbortSignal,
): Promise<MessageTestResult> {
  const secret = await directLineSecret(botId, signal);
  const conversation = await call<{ conversationId: string }>(
    'POST',
    '/conversations',
    secret,
    undefined,
    signal,
  );
  await call(
    'POST',
    `/conversations/${conversation.conversationId}/activities`,
    secret,
    { type: 'message', from: { id: 'keyguard-test' }, text },
    signal,
  );
  for (let attempt = 0; attempt < 5; attempt++) {
    const page = await call<{ activities: { from?: { id?: string }; text?: string; type?: string }[] }>(
      'GET',
      `/conversations/${conversation.conversationId}/activities`,
      secret,
      undefined,
      signal,
    );
    const replies = page.activities
      .filter((a) => a.type === 'message' && a.from?.id !== 'keyguard-test')
      .map((a) => a.text ?? '');
    if (replies.length) return { sent: text, replies };
    await new Promise((r) => setTimeout(r, 500));
  }
  return { sent: text, replies: [] };
}
