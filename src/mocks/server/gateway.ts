import { handleGateway, type GatewayResponse, type Upstream } from '../../../api/src/gateway';
import type { WireAnswer, WireRequest } from '../shared/protocol';
import type { Twin } from './twin';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Key Vault as the gateway's upstream: the twin's vault hosts, called from the gateway's own network (its private
 * endpoints, else its shared outbound address). Holds and latency are waited out as on the wire; a dropped
 * connection is a failed fetch, which the gateway answers with its 502.
 */
function twinKeyVault(twin: Twin): Upstream {
  return async (url, init) => {
    const outcome = twin.handle({
      method: init.method,
      url: new URL(url),
      body: init.body ? (JSON.parse(init.body) as unknown) : undefined,
      headers: init.headers,
      clientIp: twin.world.settings.gatewayIp,
      privateNetwork: twin.world.settings.gatewayNetwork,
    });
    if (outcome.until) await outcome.until;
    if (outcome.delayMs > 0) await wait(outcome.delayMs);
    if (init.signal.aborted || !outcome.response) throw new TypeError('fetch failed');
    const { status, body, headers = {} } = outcome.response;
    const text = body === undefined ? '' : JSON.stringify(body);
    const all = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    if (text) all.set('content-type', 'application/json; charset=utf-8');
    return {
      status,
      headers: { get: (name) => all.get(name.toLowerCase()) ?? null },
      text: async () => text,
    };
  };
}

const onWire = (r: GatewayResponse): WireAnswer => ({ status: r.status, headers: r.headers, body: r.body });

/**
 * The deployment's same-origin Key Vault gateway (`/api/keyvault/…`): the real one, api/src/gateway.ts, with the
 * twin's Key Vault as its upstream, so the demo and the end-to-end tests go through its allow-list and token checks.
 * The twin plays only what is the deployment's: whether it has the gateway (Static Web Apps answers 404 for an api
 * route it does not have) and its app setting KEYGUARD_ALLOWED_TENANTS.
 */
export async function gatewayAnswer(twin: Twin, request: WireRequest): Promise<WireAnswer> {
  if (!twin.world.settings.gateway) return { status: 404, headers: {}, body: null };
  const url = new URL(request.url);
  // A dropped connection is the browser's, on its call to the gateway; other faults are Key Vault's, which the
  // gateway passes on as they come (or answers with its own 502 and 504).
  if (twin.faults.take(request.method, url.pathname + url.search, ['drop']).length) return { dropped: true };
  const path = url.pathname.replace(/^.*?\/api\/keyvault/i, '');
  const answer = await handleGateway(
    {
      method: request.method,
      path,
      query: url.search.replace(/^\?/, ''),
      headers: request.headers,
      body: request.body,
    },
    twinKeyVault(twin),
    { allowedTenants: twin.world.settings.gatewayAllowedTenants ?? [] },
  );
  return onWire(answer);
}
