import { clouds, type Cloud } from './clouds';
import { ArmError, errorFromResponse, isAbortError, type Service } from './errors';
import {
  decideRetry,
  defaultRetryPolicy,
  isIdempotent,
  parseRetryAfter,
  type HttpMethod,
  type RetryPolicy,
} from './retry-policy';
import { recordServerDate, serverNow } from './server-clock';
import { graphWaitMs, recordBudget } from './throttle-budget';
import { recordWrite } from './recent-writes';
import { sleep as defaultSleep } from './sleep';

export type { Service } from './errors';
type TokenProvider = (scope: string, signal?: AbortSignal) => Promise<string>;

export interface ArmClientOptions {
  cloud: Cloud;
  getToken: TokenProvider;
  fetch?: typeof fetch;
  retryPolicy?: RetryPolicy;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /**
   * The deployment's Key Vault gateway (same origin, `{app}/api/keyvault`): data-plane key actions go there, never to
   * the vault host, which answers no browser.
   */
  gatewayUrl?: string;
}

let current: ArmClientOptions = {
  cloud: clouds.AzureCloud,
  getToken: () =>
    Promise.reject(new Error('The ARM client has no token provider yet: call configureArmClient first.')),
};

export function configureArmClient(options: ArmClientOptions): void {
  current = options;
}

/**
 * Fetches the way the configured client does: every call to Azure goes through here (the demo holds its requests
 * until its interceptor is in place, so none reaches the real hosts).
 */
export function armFetch(input: string, init?: RequestInit): Promise<Response> {
  return (current.fetch ?? globalThis.fetch.bind(globalThis))(input, init);
}

/** Waits the way the configured client waits (tests move a simulated clock instead of the wall clock). */
export function armSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return (current.sleep ?? defaultSleep)(ms, signal);
}

export function armCloud(): Cloud {
  return current.cloud;
}

export interface ArmRequest {
  method: HttpMethod;
  /** A path below the service's base URL (`/subscriptions/...`) or an absolute URL from nextLink or a polling header. */
  path: string;
  apiVersion?: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  service?: Service;
  /** Declares a PATCH or POST safe to repeat (it sets state rather than adding to it). */
  idempotent?: boolean;
  /** Declares a POST that only reads (a Resource Graph query): it is retried like a GET. */
  readOnly?: boolean;
  headers?: Record<string, string>;
}

export interface ArmResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** The gateway of this deployment: configured, or `api/keyvault` beside the app. */
export function gatewayBase(): string {
  return (current.gatewayUrl ?? new URL('api/keyvault', document.baseURI).toString()).replace(/\/+$/, '');
}

function baseUrl(service: Service): string {
  const c = current.cloud;
  if (service === 'gateway') return gatewayBase();
  return service === 'graph' ? c.graphEndpoint : service === 'logs' ? c.logAnalyticsEndpoint : c.armEndpoint;
}

function buildUrl(req: ArmRequest, service: Service): URL {
  const base = baseUrl(service);
  const url = /^https?:\/\//i.test(req.path) ? new URL(req.path) : new URL(base + req.path);
  // The gateway lives under a path: a URL elsewhere on the same origin is not it.
  if (service === 'gateway' && !url.toString().startsWith(`${base}/`))
    throw new ArmError({
      status: 0,
      code: 'UntrustedUrl',
      message: `Refused to send credentials to ${url.toString()}: only the gateway at ${base} is trusted for this call.`,
      method: req.method,
      url: url.toString(),
    });
  // Security: a bearer token for ARM, Graph or Log Analytics is only ever sent to that service's own host. A nextLink or
  // polling URL pointing anywhere else is refused rather than followed.
  if (url.origin !== new URL(base).origin) {
    throw new ArmError({
      status: 0,
      code: 'UntrustedUrl',
      message: `Refused to send credentials to ${url.origin}: only ${new URL(base).origin} is trusted for this call.`,
      method: req.method,
      url: url.toString(),
    });
  }
  if (req.apiVersion && !url.searchParams.has('api-version'))
    url.searchParams.set('api-version', req.apiVersion);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
  return url;
}

function scopeFor(service: Service): string {
  const c = current.cloud;
  if (service === 'gateway') return c.keyVaultScope;
  return service === 'graph' ? c.graphScope : service === 'logs' ? c.logAnalyticsScope : c.armScope;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The one function that speaks HTTP to Azure: base URL per cloud, api-version, bearer token, client request id,
 * JSON in and out, retries (see retry-policy.ts) and cancellation.
 */
export async function armRequest<T>(req: ArmRequest): Promise<ArmResponse<T>> {
  const service = req.service ?? 'arm';
  const url = buildUrl(req, service);
  const sleep = current.sleep ?? defaultSleep;
  const random = current.random ?? Math.random;
  const policy = current.retryPolicy ?? defaultRetryPolicy;
  const readOnly = req.readOnly === true || req.method === 'GET';
  const idempotent = readOnly || isIdempotent(req.method, req.idempotent);

  for (let attempt = 0; ; attempt++) {
    // Resource Graph said its quota is spent: wait for it to refill rather than be throttled.
    if (url.pathname.toLowerCase() === '/providers/microsoft.resourcegraph/resources') {
      const wait = graphWaitMs(Date.now());
      if (wait > 0) await sleep(wait, req.signal);
    }
    const clientRequestId = crypto.randomUUID();
    const token = await current.getToken(scopeFor(service), req.signal);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'x-ms-client-request-id': clientRequestId,
      // The gateway serves only requests that carry it: a page of another site cannot send it without a preflight.
      ...(service === 'gateway' ? { 'X-Keyguard': 'gateway' } : {}),
      ...req.headers,
    };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await armFetch(url.toString(), {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: req.signal,
      });
    } catch (cause) {
      if (isAbortError(cause) || req.signal?.aborted) throw cause;
      const decision = decideRetry(
        { method: req.method, idempotent, readOnly, attempt, status: 0 },
        policy,
        random,
      );
      if (decision.retry) {
        await sleep(decision.delayMs, req.signal);
        continue;
      }
      throw new ArmError({
        status: 0,
        code: 'NetworkError',
        message: readOnly
          ? 'The connection to Azure dropped before an answer came back.'
          : 'The connection to Azure dropped before an answer came back, so it is not known whether the change was made. Refresh to see the current state before trying again.',
        clientRequestId,
        method: req.method,
        url: url.toString(),
        service,
      });
    }

    recordServerDate(response.headers.get('date'));
    recordBudget(url, response.headers, Date.now());
    if (response.ok) {
      if (service === 'arm' && !readOnly)
        recordWrite({ method: req.method, path: url.pathname, clientRequestId, atMs: serverNow() });
      return { status: response.status, headers: response.headers, body: (await readBody(response)) as T };
    }

    const text = await response.text();
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    const decision = decideRetry(
      { method: req.method, idempotent, readOnly, attempt, status: response.status, retryAfterMs },
      policy,
      random,
    );
    if (decision.retry) {
      await sleep(decision.delayMs, req.signal);
      continue;
    }
    throw errorFromResponse(response.status, response.statusText, text, response.headers, {
      method: req.method,
      url: url.toString(),
      clientRequestId,
      retryAfterMs,
      service,
    });
  }
}
