import { keyVaultHost } from '../shared/intercept';
import type { TwinOutcome } from '../routes/hosts';
import type { Twin } from './twin';

/**
 * The same-origin Key Vault gateway of a deployment (`/api/keyvault/{vault host}/{key path}`), as the twin plays it:
 * present or not (`settings.gateway`), answering its probe, requiring its header, and passing the call to the vault
 * host with the gateway's own address as the caller's. What the real gateway refuses (api/src/gateway.ts) the vault
 * would refuse as well here; the gateway's allow-list has its own tests.
 */
export function gatewayOutcome(
  twin: Twin,
  req: { method: string; url: URL; headers: Record<string, string>; body: unknown },
): TwinOutcome {
  const json = (status: number, body: unknown): TwinOutcome => ({ response: { status, body }, delayMs: 0 });
  // Static Web Apps answers 404 for an api route a deployment does not have.
  if (!twin.world.settings.gateway) return json(404, undefined);
  const rest = req.url.pathname.replace(/^.*?\/api\/keyvault/, '');
  if (rest === '' || rest === '/')
    return req.method === 'GET'
      ? json(200, { service: 'keyguard-key-vault-gateway', version: 1 })
      : json(405, { error: { code: 'GatewayRefused', message: 'Only GET is served here.' } });
  if (req.headers['x-keyguard'] !== 'gateway')
    return json(403, { error: { code: 'GatewayRefused', message: 'The X-Keyguard header is required.' } });
  const m = /^\/([^/]+)(\/(?:keys|deletedkeys)(?:\/.*)?)$/.exec(rest);
  if (!m || !keyVaultHost.test(m[1]!))
    return json(400, { error: { code: 'GatewayRefused', message: 'Not a Key Vault key operation.' } });
  return twin.handle({
    method: req.method,
    url: new URL(`https://${m[1]!.toLowerCase()}${m[2]}${req.url.search}`),
    body: req.body,
    headers: { authorization: req.headers.authorization ?? '', 'content-type': 'application/json' },
    clientIp: twin.world.settings.gatewayIp,
    privateNetwork: twin.world.settings.gatewayNetwork,
  });
}
