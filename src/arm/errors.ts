export interface ArmErrorDetail {
  code?: string;
  message?: string;
  target?: string;
  details?: ArmErrorDetail[];
  additionalInfo?: { type: string; info: unknown }[];
}

/** Which endpoint answered: ARM, Microsoft Graph, Log Analytics, or the deployment's Key Vault gateway. */
export type Service = 'arm' | 'graph' | 'logs' | 'gateway';

export interface ArmErrorInit {
  status: number;
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorDetail[];
  requestId?: string;
  correlationId?: string;
  clientRequestId?: string;
  method?: string;
  url?: string;
  service?: Service;
  /** A throttled or unavailable answer's `Retry-After`, in milliseconds. */
  retryAfterMs?: number;
}

/** The one error type of the ARM layer: an HTTP failure, an ARM/Key Vault/Graph error envelope, or a dropped connection. */
export class ArmError extends Error {
  readonly status: number;
  readonly code: string;
  readonly target?: string;
  readonly details: ArmErrorDetail[];
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly clientRequestId?: string;
  readonly method?: string;
  readonly url?: string;
  /** Through the gateway, the caller Key Vault sees is the gateway, not the admin's browser. */
  readonly service?: Service;
  readonly retryAfterMs?: number;

  constructor(init: ArmErrorInit) {
    super(init.message);
    this.name = 'ArmError';
    this.status = init.status;
    this.code = init.code;
    this.target = init.target;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.correlationId = init.correlationId;
    this.clientRequestId = init.clientRequestId;
    this.method = init.method;
    this.url = init.url;
    this.service = init.service;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Status 0: the request never got an HTTP answer (network down, connection dropped). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isArmError(error: unknown): error is ArmError {
  return error instanceof ArmError;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === 'AbortError'
    : (error as { name?: string })?.name === 'AbortError';
}

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function readDetail(v: unknown): ArmErrorDetail | undefined {
  const o = asObject(v);
  if (!o) return undefined;
  const nested = Array.isArray(o.details)
    ? o.details.map(readDetail).filter((d) => d !== undefined)
    : undefined;
  return {
    code: asString(o.code),
    message: asString(o.message),
    target: asString(o.target),
    details: nested,
  };
}

interface ParsedErrorBody {
  code?: string;
  message?: string;
  target?: string;
  details?: ArmErrorDetail[];
  graphRequestId?: string;
}

/**
 * Reads the error envelopes Azure uses: ARM `{error:{code,message,target,details}}`, Key Vault data plane
 * `{error:{code,message,innererror}}`, Graph `{error:{code,message,innerError:{request-id}}}`, and the bare
 * `{code,message}` some older providers return.
 */
function parseErrorBody(text: string): ParsedErrorBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const root = asObject(parsed);
  if (!root) return undefined;
  const err = asObject(root.error) ?? (asString(root.code) || asString(root.message) ? root : undefined);
  if (!err) return undefined;
  const details = Array.isArray(err.details)
    ? err.details.map(readDetail).filter((d) => d !== undefined)
    : [];
  const inner = asObject(err.innererror) ?? asObject(err.innerError);
  // Key Vault nests one innererror, Log Analytics several (BadArgumentError > SemanticError > SEM0100): each level
  // becomes a detail, outermost first.
  if (!details.length)
    for (let level = inner; level && asString(level.code); level = asObject(level.innererror))
      details.push({ code: asString(level.code), message: asString(level.message) });
  return {
    code: asString(err.code),
    message: asString(err.message),
    target: asString(err.target),
    details,
    graphRequestId: inner ? asString(inner['request-id']) : undefined,
  };
}

const statusCodes: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export function errorFromResponse(
  status: number,
  statusText: string,
  text: string,
  headers: Headers,
  request: {
    method: string;
    url: string;
    clientRequestId?: string;
    retryAfterMs?: number;
    service?: Service;
  },
): ArmError {
  const body = parseErrorBody(text);
  const snippet = text.trim().replace(/\s+/g, ' ').slice(0, 200);
  return new ArmError({
    status,
    code: body?.code ?? statusCodes[status] ?? `Http${status}`,
    message:
      body?.message ??
      (snippet && !snippet.startsWith('<')
        ? snippet
        : `${request.method} failed with HTTP ${status}${statusText ? ` ${statusText}` : ''}.`),
    target: body?.target,
    details: body?.details,
    requestId:
      headers.get('x-ms-request-id') ?? body?.graphRequestId ?? headers.get('request-id') ?? undefined,
    correlationId: headers.get('x-ms-correlation-request-id') ?? undefined,
    clientRequestId: headers.get('x-ms-client-request-id') ?? request.clientRequestId,
    method: request.method,
    url: request.url,
    service: request.service,
    retryAfterMs: request.retryAfterMs,
  });
}
