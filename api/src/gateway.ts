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

interface UpstreamResponse {
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

/** The Key Vault resource (a token's `aud`) of each cloud, by its vault host suffix. */
const keyVaultAudiences: Record<string, string> = {
  'vault.azure.net': 'https://vault.azure.net',
  'vault.usgovcloudapi.net': 'https://vault.usgovcloudapi.net',
  'vault.azure.cn': 'https://vault.azure.cn',
};
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
/** Ample for any key operation's answer (a key bundle is a few kB; a page of deleted keys tens of kB). */
const maxAnswer = 1_048_576;
const maxTimeoutMs = 30_000;
const clockSkewSeconds = 120;

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

function base64UrlJson(segment: string): unknown {
  const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

/** A JWT's payload, decoded (not verified: Key Vault verifies the signature); undefined when it is not a JWT. */
function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  try {
    const headerJson = base64UrlJson(parts[0]!);
    const payload = base64UrlJson(parts[1]!);
    if (typeof headerJson !== 'object' || headerJson === null) return undefined;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
    return payload as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Why a bearer may not be relayed to this host, or undefined when it may. */
function tokenProblem(
  bearer: string,
  host: string,
  options: GatewayOptions,
): { status: number; message: string } | undefined {
  const payload = jwtPayload(bearer);
  if (!payload) return { status: 401, message: 'The bearer is not a JSON Web Token.' };
  const suffix = host.slice(host.indexOf('.') + 1);
  const want = keyVaultAudiences[suffix]!;
  const aud = typeof payload.aud === 'string' ? payload.aud.replace(/\/+$/, '').toLowerCase() : undefined;
  if (aud !== want)
    return {
      status: 401,
      message: `Only a token for ${want} (Azure Key Vault of this vault's cloud) is relayed.`,
    };
  const now = (options.nowSeconds ?? (() => Date.now() / 1000))();
  if (typeof payload.exp !== 'number' || payload.exp + clockSkewSeconds <= now)
    return { status: 401, message: 'The token has expired: sign in again.' };
  if (typeof payload.nbf === 'number' && payload.nbf - clockSkewSeconds > now)
    return { status: 401, message: 'The token is not valid yet.' };
  const tenants = (options.allowedTenants ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean);
  const tid = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
  if (tenants.length > 0 && !tenants.includes(tid))
    return { status: 403, message: 'This gateway does not serve the token’s tenant.' };
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

/** Key Vault's answer as text, or undefined past the cap (from content-length, or counted as it streams). */
async function answerText(answer: UpstreamResponse): Promise<string | undefined> {
  const length = answer.headers.get('content-length');
  if (length !== null && Number(length) > maxAnswer) return undefined;
  if (!answer.body) {
    const text = await answer.text();
    return new TextEncoder().encode(text).length > maxAnswer ? undefined : text;
  }
  const reader = answer.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxAnswer) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
}

class GatewayTimeout extends Error {}

/** Runs `work` with a signal that aborts after `ms`; a timeout rejects with GatewayTimeout even if `work` hangs. */
async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new GatewayTimeout());
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
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
