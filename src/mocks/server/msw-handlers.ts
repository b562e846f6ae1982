import { http, HttpResponse } from 'msw';
import { azureHostPattern, gatewayPathPattern } from '../shared/intercept';
import type { WireAnswer, WireRequest } from '../shared/protocol';

async function wireOf(request: Request): Promise<WireRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
  return { method: request.method, url: request.url, headers, body: await request.text() };
}

function responseOf(a: WireAnswer): Response {
  if ('dropped' in a) return HttpResponse.error();
  return new HttpResponse(a.body, { status: a.status, headers: a.headers });
}

/**
 * MSW handlers for the demo's Azure: each request on an Azure host or the deployment's gateway path goes, as it came,
 * to `send`, and its answer back. On the page `send` posts it to the twin's worker; in Node it calls the twin in
 * process. This is the one seam between them.
 */
export function forwardingHandlers(send: (request: WireRequest) => Promise<WireAnswer>) {
  const forward = async ({ request }: { request: Request }) => responseOf(await send(await wireOf(request)));
  return [http.all(azureHostPattern, forward), http.all(gatewayPathPattern, forward)];
}
