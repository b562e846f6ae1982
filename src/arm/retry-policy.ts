export type HttpMethod = 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out silently: the caller gets the 429/503 and can tell the user. */
  maxRetryAfterSeconds: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterSeconds: 30,
};

function isSafeMethod(method: HttpMethod): boolean {
  return method === 'GET';
}

export function isIdempotent(method: HttpMethod, declared?: boolean): boolean {
  return declared ?? (method === 'GET' || method === 'PUT' || method === 'DELETE');
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Capped exponential backoff with full jitter. */
function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

export interface AttemptOutcome {
  method: HttpMethod;
  idempotent: boolean;
  /** A GET, or a POST declared to only read. */
  readOnly?: boolean;
  attempt: number;
  /** HTTP status, or 0 when the connection dropped. */
  status: number;
  retryAfterMs?: number;
}

/**
 * Which failures are repeated:
 * - 429: ARM throttles before it executes anything, so any method may wait `Retry-After` and go again.
 * - 503 with Retry-After: idempotent calls only.
 * - other 5xx and dropped connections: safe reads only; a write whose answer was lost is never resent blindly.
 */
export function decideRetry(o: AttemptOutcome, policy: RetryPolicy, random: () => number): RetryDecision {
  if (o.attempt + 1 >= policy.maxAttempts) return { retry: false };
  const tooLong = o.retryAfterMs !== undefined && o.retryAfterMs > policy.maxRetryAfterSeconds * 1000;
  if (o.status === 429) {
    if (tooLong) return { retry: false };
    return { retry: true, delayMs: o.retryAfterMs ?? backoffDelay(o.attempt, policy, random) };
  }
  if (o.status === 503 && o.retryAfterMs !== undefined && o.idempotent) {
    return tooLong ? { retry: false } : { retry: true, delayMs: o.retryAfterMs };
  }
  const transient = o.status === 0 || o.status >= 500;
  if (transient && (o.readOnly === true || isSafeMethod(o.method))) {
    return { retry: true, delayMs: o.retryAfterMs ?? backoffDelay(o.attempt, policy, random) };
  }
  return { retry: false };
}
