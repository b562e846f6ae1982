import { delay, http, HttpResponse } from 'msw';
import { gatewayOutcome } from './gateway';
import { armHosts, directLineHosts, graphHosts, logAnalyticsHosts, type TwinOutcome } from './twin/hosts';
import type { Twin } from './twin/twin';

const hostPattern = new RegExp(
  `^https://(${[...armHosts, ...graphHosts, ...directLineHosts, ...logAnalyticsHosts].map((h) => h.replace(/\./g, '\\.')).join('|')}|[a-z0-9-]{3,24}\\.(vault\\.azure\\.net|vault\\.usgovcloudapi\\.net|vault\\.azure\\.cn))/`,
  'i',
);
/** The deployment's own Key Vault gateway, on the app's origin. */
const gatewayPattern = /^https?:\/\/[^/]+\/(?:[^?#]*\/)?api\/keyvault(?:[/?]|$)/i;

// Real ARM answers browsers with CORS headers; the twin does too so the same client code sees the same headers.
const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Date, Retry-After, Location, Azure-AsyncOperation, ETag, x-ms-request-id, x-ms-correlation-request-id, x-ms-client-request-id, request-id',
};

async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
  const text = await request.text();
  if (!text) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function respond(outcome: TwinOutcome, cors: Record<string, string>): Promise<Response> | Response {
  const send = (): Response => {
    if (!outcome.response) return HttpResponse.error();
    const { status, body, headers: out } = outcome.response;
    return new HttpResponse(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: {
        ...cors,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
        ...out,
      },
    });
  };
  const waited = outcome.until ? outcome.until.then(() => undefined) : undefined;
  if (outcome.delayMs > 0) return (waited ?? Promise.resolve()).then(() => delay(outcome.delayMs)).then(send);
  return waited ? waited.then(send) : send();
}

function headersOf(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
  return headers;
}

const badJson = (cors: Record<string, string>) =>
  HttpResponse.json(
    {
      error: {
        code: 'InvalidRequestContent',
        message: 'The request content was invalid and could not be deserialized.',
      },
    },
    { status: 400, headers: cors },
  );

/** MSW handlers serving the twin on the real Azure hosts; `getTwin` is read per request so the twin can be swapped. */
export function twinHandlers(getTwin: () => Twin) {
  return [
    http.all(hostPattern, async ({ request }) => {
      // Key Vault's data plane sends no CORS headers: a browser cannot call it, in the demo either.
      const vault = /\.vault\./i.test(new URL(request.url).hostname);
      const cors = vault ? {} : corsHeaders;
      if (request.method === 'OPTIONS') {
        return new HttpResponse(null, {
          status: vault ? 405 : 204,
          headers: vault
            ? {}
            : {
                ...corsHeaders,
                'Access-Control-Allow-Methods': 'GET,PUT,PATCH,POST,DELETE',
                'Access-Control-Allow-Headers': '*',
              },
        });
      }
      const parsed = await readJson(request);
      if (!parsed.ok) return badJson(cors);
      const outcome = getTwin().handle({
        method: request.method,
        url: new URL(request.url),
        body: parsed.body,
        headers: headersOf(request),
      });
      return respond(outcome, cors);
    }),
    http.all(gatewayPattern, async ({ request }) => {
      const parsed = await readJson(request);
      if (!parsed.ok) return badJson({});
      return respond(
        gatewayOutcome(getTwin(), {
          method: request.method,
          url: new URL(request.url),
          headers: headersOf(request),
          body: parsed.body,
        }),
        {},
      );
    }),
  ];
}
