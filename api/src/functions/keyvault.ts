import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { handleGateway } from '../gateway.js';
import { readTextLimited } from '../gateway-io.js';

/** Reads a request body, giving up (undefined) as soon as it passes `maxBytes`, whatever content-length said. */
function readLimited(request: HttpRequest, maxBytes: number): Promise<string | undefined> {
  if (!request.body) return Promise.resolve('');
  // Functions types the body loosely; it is a byte stream.
  return readTextLimited(request.body as ReadableStream<Uint8Array>, maxBytes);
}

/**
 * KEYGUARD_ALLOWED_TENANTS (app setting): the tenant ids whose Key Vault tokens this gateway relays, separated by
 * commas. Unset: every tenant's.
 */
const allowedTenants = (process.env.KEYGUARD_ALLOWED_TENANTS ?? '').split(',').filter((t) => t.trim());

/** The Azure Functions binding (v4 model) of the gateway: everything else is in gateway.ts, which has the tests. */
async function keyVault(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => (headers[key] = value));
  const answer = await handleGateway(
    {
      method: request.method,
      path: url.pathname.replace(/^\/api\/keyvault/, ''),
      query: url.search.replace(/^\?/, ''),
      headers,
      readBody: (max) => readLimited(request, max),
    },
    (target, init) => fetch(target, init),
    {
      allowedTenants,
      log: (entry) =>
        context.log(`${entry.method} ${entry.host ?? '-'} ${entry.operation ?? '-'} ${entry.status}`),
    },
  );
  return { status: answer.status, headers: answer.headers, body: answer.body };
}

const methods: ('GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE')[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
app.http('keyvault-probe', {
  route: 'keyvault',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: keyVault,
});
app.http('keyvault', { route: 'keyvault/{*rest}', methods, authLevel: 'anonymous', handler: keyVault });
