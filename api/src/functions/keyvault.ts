import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { handleGateway } from '../gateway.js';

/** The Azure Functions binding (v4 model) of the gateway: everything else is in gateway.ts, which has the tests. */
async function keyVault(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => (headers[key] = value));
  const body = ['POST', 'PUT', 'PATCH'].includes(request.method) ? await request.text() : undefined;
  const answer = await handleGateway(
    {
      method: request.method,
      path: url.pathname.replace(/^\/api\/keyvault/, ''),
      query: url.search.replace(/^\?/, ''),
      headers,
      body,
    },
    (target, init) => fetch(target, init),
    (entry) => context.log(`${entry.method} ${entry.host ?? '-'} ${entry.operation ?? '-'} ${entry.status}`),
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
