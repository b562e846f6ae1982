import type { UpstreamResponse } from './gateway.js';

/** Ample for any key operation's answer (a key bundle is a few kB; a page of deleted keys tens of kB). */
const maxAnswer = 1_048_576;

/** Key Vault's answer as text, or undefined past the cap (from content-length, or counted as it streams). */
export async function answerText(answer: UpstreamResponse): Promise<string | undefined> {
  const length = answer.headers.get('content-length');
  if (length !== null && Number(length) > maxAnswer) return undefined;
  if (!answer.body) {
    const text = await answer.text();
    return new TextEncoder().encode(text).length > maxAnswer ? undefined : text;
  }
  return readTextLimited(answer.body, maxAnswer);
}

/**
 * A byte stream as UTF-8 text, or undefined as soon as it passes `maxBytes` (whatever content-length said): the
 * stream is then cancelled, so an oversized body is never held whole.
 */
export async function readTextLimited(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<string | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
}

export class GatewayTimeout extends Error {}

/** Runs `work` with a signal that aborts after `ms`; a timeout rejects with GatewayTimeout even if `work` hangs. */
export async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new GatewayTimeout());
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
