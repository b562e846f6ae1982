import { gatewayAnswer } from './gateway';
import { gatewayPathPattern } from '../shared/intercept';
import type { WireAnswer, WireRequest } from '../shared/protocol';
import type { TwinOutcome } from '../routes/hosts';
import type { Twin } from './twin';

// Real ARM answers browsers with CORS headers; the twin does too so the same client code sees the same headers.
const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Date, Retry-After, Location, Azure-AsyncOperation, ETag, x-ms-request-id, x-ms-correlation-request-id, x-ms-client-request-id, request-id',
};

const badJson = (cors: Record<string, string>): WireAnswer => ({
  status: 400,
  headers: { ...cors, 'Content-Type': 'application/json' },
  body: JSON.stringify({
    error: {
      code: 'InvalidRequestContent',
      message: 'The request content was invalid and could not be deserialized.',
    },
  }),
});

function parseBody(text: string): { ok: true; body: unknown } | { ok: false } {
  if (!text) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits out the outcome's hold and latency (on the twin's side), then gives Azure's answer as it goes on the wire. */
async function toWire(outcome: TwinOutcome, cors: Record<string, string>): Promise<WireAnswer> {
  if (outcome.until) await outcome.until;
  if (outcome.delayMs > 0) await wait(outcome.delayMs);
  if (!outcome.response) return { dropped: true };
  const { status, body, headers } = outcome.response;
  return {
    status,
    headers: {
      ...cors,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
      ...headers,
    },
    body: body === undefined ? null : JSON.stringify(body),
  };
}

/**
 * One request to the demo's Azure, answered as the real service would: CORS as Azure sends it (none from Key
 * Vault's data plane, which answers no browser), a body that is not JSON refused, the deployment's gateway, and the
 * twin for the rest. The same function serves the page (through the twin's worker) and Node (in-process).
 */
export async function answer(twin: Twin, request: WireRequest): Promise<WireAnswer> {
  const url = new URL(request.url);
  if (gatewayPathPattern.test(request.url)) return gatewayAnswer(twin, request);
  // Key Vault's data plane sends no CORS headers: a browser cannot call it, in the demo either.
  const vault = /\.vault\./i.test(url.hostname);
  const cors = vault ? {} : corsHeaders;
  if (request.method === 'OPTIONS')
    return {
      status: vault ? 405 : 204,
      headers: vault
        ? {}
        : {
            ...corsHeaders,
            'Access-Control-Allow-Methods': 'GET,PUT,PATCH,POST,DELETE',
            'Access-Control-Allow-Headers': '*',
          },
      body: null,
    };
  const parsed = parseBody(request.body);
  if (!parsed.ok) return badJson(cors);
  return toWire(
    twin.handle({ method: request.method, url, body: parsed.body, headers: request.headers }),
    cors,
  );
}
