import { delay, http, HttpResponse } from 'msw';
import { armHosts, directLineHosts, graphHosts, logAnalyticsHosts } from './twin/hosts';
import type { Twin } from './twin/twin';

const hostPattern = new RegExp(
  `^https://(${[...armHosts, ...graphHosts, ...directLineHosts, ...logAnalyticsHosts].map((h) => h.replace(/\./g, '\\.')).join('|')})/`,
  'i',
);

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

/** MSW handlers serving the twin on the real Azure hosts; `getTwin` is read per request so the twin can be swapped. */
export function twinHandlers(getTwin: () => Twin) {
  return [
    http.all(hostPattern, async ({ request }) => {
      if (request.method === 'OPTIONS') {
        return new HttpResponse(null, {
          status: 204,
          headers: {
            ...corsHeaders,
            'Access-Control-Allow-Methods': 'GET,PUT,PATCH,POST,DELETE',
            'Access-Control-Allow-Headers': '*',
          },
        });
      }
      const parsed = await readJson(request);
      if (!parsed.ok) {
        return HttpResponse.json(
          {
            error: {
              code: 'InvalidRequestContent',
              message: 'The request content was invalid and could not be deserialized.',
            },
          },
          { status: 400, headers: corsHeaders },
        );
      }
      const headers: Record<string, string> = {};
      request.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
      const outcome = getTwin().handle({
        method: request.method,
        url: new URL(request.url),
        body: parsed.body,
        headers,
      });
      if (outcome.delayMs > 0) await delay(outcome.delayMs);
      if (!outcome.response) return HttpResponse.error();
      const { status, body, headers: out } = outcome.response;
      return new HttpResponse(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: {
          ...corsHeaders,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
          ...out,
        },
      });
    }),
  ];
}
