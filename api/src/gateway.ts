/**
 * Keyguard's Key Vault gateway: the one place a browser's data-plane key action reaches Key Vault, which answers no
 * browser (no CORS). It forwards the signed-in admin's own token to the vault's host for the key operations the
 * console uses, and nothing else.
 *
 * Security decisions, each tested in __tests__/gateway.test.ts:
 * - Only a Key Vault token is relayed: a JWT whose audience is the Key Vault resource of the vault host's own cloud,
 *   inside its lifetime (exp, nbf, two minutes of clock skew), and, when KEYGUARD_ALLOWED_TENANTS is set, from one
 *   of those tenants. The payload is decoded, not verified: Key Vault checks the signature. This keeps the gateway
 *   from carrying an ARM or Graph token (or anything else) to a host that should never see it.
 * - Only Key Vault hosts of the three clouds, written as a DNS name (no IP literal, port, user info or other host).
 * - Only the console's key operations, by method and exact path shape; names and versions match Key Vault's own
 *   grammar, so no encoded or dotted segment can climb out of /keys (`%`, `..`, `//`, `\` are refused outright).
 * - Only the query parameters those operations take, with checked values.
 * - A same-origin custom header (X-Keyguard): a page of another site cannot send it without a CORS preflight, which
 *   this gateway never grants.
 * - Bounded: the request's size is checked from content-length before its body is read, Key Vault gets at most 30 s,
 *   and its answer at most 1 MiB.
 * - Redirects are not followed; no secret, no state; the token is passed on and never logged.
 */

import { answerText, GatewayTimeout, withTimeout } from './gateway-io.js';
import { tokenProblem } from './gateway-token.js';

export interface GatewayRequest {
  method: string;
  /** The path after `/api/keyvault`, still percent-encoded as it arrived. */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  headers: Record<string, string | undefined>;
  /** A body already read (tests, the demo's twin). */
  body?: string;
  /**
   * Reads the body, giving up past `maxBytes` (undefined then). Called only once every other check has passed and
   * content-length has been found within the limit.
   */
  readBody?: (maxBytes: number) => Promise<string | undefined>;
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface UpstreamResponse {
  status: number;
  headers: { get(name: string): string | null };
  /** Read with a cap when present (fetch's stream); `text()` otherwise. */
  body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

export type Upstream = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    redirect: 'manual';
    signal: AbortSignal;
  },
) => Promise<UpstreamResponse>;

/** What is written to the log: never a header, a body or a query string. */
type GatewayLog = (entry: { method: string; host?: string; operation?: string; status: number }) => void;

export interface GatewayOptions {
  log?: GatewayLog;
  /** Tenants whose tokens are served (app setting KEYGUARD_ALLOWED_TENANTS); unset or empty: any tenant. */
  allowedTenants?: readonly string[];
  /** The clock for token lifetimes, in seconds since the epoch. */
  nowSeconds?: () => number;
  /** How long Key Vault may take (at most, and by default, 30 s). */
  timeoutMs?: number;
}

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
const maxTimeoutMs = 30_000;

const ownHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

function own(status: number, code: string, message: string): GatewayResponse {
  return { status, headers: { ...ownHeaders }, body: JSON.stringify({ error: { code, message } }) };
}

/** Refused before anything was sent to Key Vault. */
const refuse = (status: number, message: string) => own(status, 'GatewayRefused', message);
/** Sent to Key Vault, but its answer could not be passed on: whether the operation took effect is not known. */
const badGateway = (message: string) => own(502, 'BadGateway', message);

function header(req: GatewayRequest, nameLower: string): string | undefined {
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === nameLower) return v;
  return undefined;
}

type Checked =
  { ok: true; url: string; host: string; operation: string } | { ok: false; response: GatewayResponse };

/** Checks a request against the allow-list; on success, the vault URL to call and the operation. */
function checkRequest(req: GatewayRequest, options: GatewayOptions): Checked {
  const no = (status: number, message: string): Checked => ({ ok: false, response: refuse(status, message) });
  if (header(req, 'x-keyguard') !== 'gateway') return no(403, 'The X-Keyguard header is required.');
  const bearer = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header(req, 'authorization') ?? '')?.[1];
  if (!bearer) return no(401, 'A bearer token for Azure Key Vault is required.');
  if (/[%\\@:\s]|\.\.|\/\//.test(req.path))
    return no(400, 'The path holds characters no key operation uses.');
  const m = /^\/([^/]+)(\/.*)$/.exec(req.path);
  if (!m) return no(404, 'Not a Key Vault key operation.');
  const host = m[1]!;
  const rest = m[2]!;
  if (!hostPattern.test(host)) return no(400, 'Only Azure Key Vault hosts are served.');
  const token = tokenProblem(bearer, host, options);
  if (token) return no(token.status, token.message);
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
  const length = header(req, 'content-length');
  if (length !== undefined && (!/^\d+$/.test(length) || Number(length) > maxBody))
    return no(413, 'The body is too large.');
  return { ok: true, url: `https://${host}${rest}?${out.toString()}`, host, operation: allowed.id };
}

/** The body, read within the limit and checked: JSON, and only for operations that take one. */
async function bodyOf(req: GatewayRequest): Promise<{ body?: string } | { response: GatewayResponse }> {
  const body = req.body ?? (req.readBody ? await req.readBody(maxBody) : '');
  if (body === undefined || body.length > maxBody) return { response: refuse(413, 'The body is too large.') };
  if (!body) return {};
  if (['GET', 'DELETE'].includes(req.method.toUpperCase()))
    return { response: refuse(400, 'This operation takes no body.') };
  try {
    JSON.parse(body);
  } catch {
    return { response: refuse(400, 'The body is not JSON.') };
  }
  return { body };
}

/** Answers the probe, or checks and forwards a key operation, passing Key Vault's answer through unchanged. */
export async function handleGateway(
  req: GatewayRequest,
  upstream: Upstream,
  options: GatewayOptions = {},
): Promise<GatewayResponse> {
  const log = options.log ?? (() => undefined);
  if (req.path === '' || req.path === '/') {
    if (req.method.toUpperCase() !== 'GET') return refuse(405, 'Only GET is served here.');
    return {
      status: 200,
      headers: { ...ownHeaders },
      body: JSON.stringify({ service: 'keyguard-key-vault-gateway', version: 1 }),
    };
  }
  const checked = checkRequest(req, options);
  if (!checked.ok) {
    log({ method: req.method, status: checked.response.status });
    return checked.response;
  }
  const at = { method: req.method, host: checked.host, operation: checked.operation };
  const read = await bodyOf(req);
  if ('response' in read) {
    log({ ...at, status: read.response.status });
    return read.response;
  }
  const timeoutMs = Math.min(options.timeoutMs ?? maxTimeoutMs, maxTimeoutMs);
  let answer: { status: number; headers: Record<string, string>; text: string | undefined };
  try {
    answer = await withTimeout(timeoutMs, async (signal) => {
      const r = await upstream(checked.url, {
        method: req.method.toUpperCase(),
        headers: {
          authorization: header(req, 'authorization')!,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: read.body,
        redirect: 'manual',
        signal,
      });
      const headers: Record<string, string> = {
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      };
      for (const h of passHeaders) {
        const v = r.headers.get(h);
        if (v !== null) headers[h] = v;
      }
      // A redirect is not followed, nor is its body read.
      const text = r.status >= 300 && r.status < 400 ? '' : await answerText(r);
      return { status: r.status, headers, text };
    });
  } catch (e) {
    const response =
      e instanceof GatewayTimeout
        ? own(504, 'GatewayTimeout', `Azure Key Vault did not answer within ${timeoutMs / 1000} s.`)
        : badGateway('Azure Key Vault could not be reached from the gateway.');
    log({ ...at, status: response.status });
    return response;
  }
  let response: GatewayResponse;
  if (answer.status >= 300 && answer.status < 400)
    response = badGateway('Key Vault answered with a redirect, which the gateway does not follow.');
  else if (answer.text === undefined)
    response = badGateway('Key Vault’s answer is larger than any key operation’s: it was not passed on.');
  else response = { status: answer.status, headers: answer.headers, body: answer.text };
  log({ ...at, status: response.status });
  return response;
}
