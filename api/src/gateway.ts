/**
 * Keyguard's Key Vault gateway: the one place a browser's data-plane key action reaches Key Vault, which answers no
 * browser (no CORS). It forwards the signed-in admin's own token to the vault's host for the key operations the
 * console uses, and nothing else.
 *
 * Security decisions, each tested in __tests__/gateway.test.ts:
 * - Only Key Vault hosts of the three clouds, written as a DNS name (no IP literal, port, user info or other host).
 * - Only the console's key operations, by method and exact path shape; names and versions match Key Vault's own
 *   grammar, so no encoded or dotted segment can climb out of /keys (`%`, `..`, `//`, `\` are refused outright).
 * - Only the query parameters those operations take, with checked values.
 * - A same-origin custom header (X-Keyguard): a page of another site cannot send it without a CORS preflight, which
 *   this gateway never grants.
 * - Redirects are not followed; no secret, no state; the token is passed on and never logged.
 */

export interface GatewayRequest {
  method: string;
  /** The path after `/api/keyvault`, still percent-encoded as it arrived. */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  headers: Record<string, string | undefined>;
  body?: string;
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface UpstreamResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type Upstream = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; redirect: 'manual' },
) => Promise<UpstreamResponse>;

/** What is written to the log: never a header, a body or a query string. */
export type GatewayLog = (entry: {
  method: string;
  host?: string;
  operation?: string;
  status: number;
}) => void;

const hostPattern = /^[a-z0-9-]{3,24}\.(vault\.azure\.net|vault\.usgovcloudapi\.net|vault\.azure\.cn)$/;
const name = '[0-9A-Za-z-]{1,127}';
const version = '[0-9a-f]{32}';

/** The key operations the console makes, by method and path shape (Key Vault keys.json). */
const operations: { id: string; method: string; path: RegExp }[] = [
  { id: 'create', method: 'POST', path: new RegExp(`^/keys/${name}/create$`) },
  { id: 'rotate', method: 'POST', path: new RegExp(`^/keys/${name}/rotate$`) },
  { id: 'update', method: 'PATCH', path: new RegExp(`^/keys/${name}/${version}$`) },
  { id: 'get-rotation-policy', method: 'GET', path: new RegExp(`^/keys/${name}/rotationpolicy$`) },
  { id: 'set-rotation-policy', method: 'PUT', path: new RegExp(`^/keys/${name}/rotationpolicy$`) },
  { id: 'delete', method: 'DELETE', path: new RegExp(`^/keys/${name}$`) },
  { id: 'list-deleted', method: 'GET', path: /^\/deletedkeys$/ },
  { id: 'get-deleted', method: 'GET', path: new RegExp(`^/deletedkeys/${name}$`) },
  { id: 'recover', method: 'POST', path: new RegExp(`^/deletedkeys/${name}/recover$`) },
];

const queryRules: Record<string, RegExp> = {
  'api-version': /^(7\.[0-9]|20[0-9]{2}-[0-9]{2}-[0-9]{2}(-preview)?)$/,
  maxresults: /^([1-9]|1[0-9]|2[0-5])$/,
  $skiptoken: /^[A-Za-z0-9+/=_-]{1,2048}$/,
};

const passHeaders = [
  'content-type',
  'retry-after',
  'www-authenticate',
  'x-ms-request-id',
  'x-ms-keyvault-region',
  'x-ms-keyvault-service-version',
];
const maxBody = 65_536;

function refuse(status: number, message: string): GatewayResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify({ error: { code: 'GatewayRefused', message } }),
  };
}

function header(req: GatewayRequest, nameLower: string): string | undefined {
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === nameLower) return v;
  return undefined;
}

/** Checks a request against the allow-list; on success, the vault URL to call and the operation. */
function checkRequest(
  req: GatewayRequest,
): { ok: true; url: string; host: string; operation: string } | { ok: false; response: GatewayResponse } {
  const no = (status: number, message: string) => ({ ok: false as const, response: refuse(status, message) });
  if (header(req, 'x-keyguard') !== 'gateway') return no(403, 'The X-Keyguard header is required.');
  if (!/^Bearer [A-Za-z0-9._~+/=-]+$/.test(header(req, 'authorization') ?? ''))
    return no(401, 'A bearer token for Azure Key Vault is required.');
  if (/[%\\@:\s]|\.\.|\/\//.test(req.path))
    return no(400, 'The path holds characters no key operation uses.');
  const m = /^\/([^/]+)(\/.*)$/.exec(req.path);
  if (!m) return no(404, 'Not a Key Vault key operation.');
  const host = m[1]!;
  const rest = m[2]!;
  if (!hostPattern.test(host)) return no(400, 'Only Azure Key Vault hosts are served.');
  const op = operations.find((o) => o.path.test(rest));
  if (!op) return no(404, 'Not a Key Vault key operation the gateway serves.');
  const allowed = operations.find((o) => o.path.test(rest) && o.method === req.method.toUpperCase());
  if (!allowed) return no(405, `${req.method} is not served for this operation.`);
  const params = new URLSearchParams(req.query);
  const out = new URLSearchParams();
  for (const [k, v] of params) {
    const rule = queryRules[k];
    if (!rule || !rule.test(v) || out.has(k)) return no(400, `The query parameter ${k} is not accepted.`);
    out.set(k, v);
  }
  if (!out.has('api-version')) return no(400, 'api-version is required.');
  if (req.body !== undefined && req.body.length > maxBody) return no(413, 'The body is too large.');
  if (req.body && ['GET', 'DELETE'].includes(req.method.toUpperCase()))
    return no(400, 'This operation takes no body.');
  if (req.body) {
    try {
      JSON.parse(req.body);
    } catch {
      return no(400, 'The body is not JSON.');
    }
  }
  return { ok: true, url: `https://${host}${rest}?${out.toString()}`, host, operation: allowed.id };
}

/** Answers the probe, or checks and forwards a key operation, passing Key Vault's answer through unchanged. */
export async function handleGateway(
  req: GatewayRequest,
  upstream: Upstream,
  log: GatewayLog = () => undefined,
): Promise<GatewayResponse> {
  if (req.path === '' || req.path === '/') {
    if (req.method.toUpperCase() !== 'GET') return refuse(405, 'Only GET is served here.');
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify({ service: 'keyguard-key-vault-gateway', version: 1 }),
    };
  }
  const checked = checkRequest(req);
  if (!checked.ok) {
    log({ method: req.method, status: checked.response.status });
    return checked.response;
  }
  let answer: UpstreamResponse;
  try {
    answer = await upstream(checked.url, {
      method: req.method.toUpperCase(),
      headers: {
        authorization: header(req, 'authorization')!,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: req.body || undefined,
      redirect: 'manual',
    });
  } catch {
    log({ method: req.method, host: checked.host, operation: checked.operation, status: 502 });
    return refuse(502, 'Azure Key Vault could not be reached from the gateway.');
  }
  if (answer.status >= 300 && answer.status < 400) {
    log({ method: req.method, host: checked.host, operation: checked.operation, status: 502 });
    return refuse(502, 'Key Vault answered with a redirect, which the gateway does not follow.');
  }
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  for (const h of passHeaders) {
    const v = answer.headers.get(h);
    if (v !== null) headers[h] = v;
  }
  log({ method: req.method, host: checked.host, operation: checked.operation, status: answer.status });
  return { status: answer.status, headers, body: await answer.text() };
}
