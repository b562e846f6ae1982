/**
 * What Azure says is left of its request budgets, from the headers of its answers: ARM's
 * `x-ms-ratelimit-remaining-subscription-writes` per subscription (arm-reference §1.2) and Resource Graph's
 * `x-ms-user-quota-remaining` with `x-ms-user-quota-resets-after` (fleet-posture §1). A browser reads them only where
 * the service exposes them (CORS); unknown is left unknown.
 */
const writesLeft = new Map<string, { left: number; atMs: number }>();
/** A count older than this says nothing about now (ARM's budgets refill continuously). */
const freshForMs = 60_000;
let graphQuota: { remaining: number; resetsAtMs: number } | undefined;

/** `hh:mm:ss` in milliseconds. */
function duration(text: string | null): number | undefined {
  const m = text ? /^(\d+):(\d{2}):(\d{2})$/.exec(text.trim()) : null;
  return m ? ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 : undefined;
}

export function recordBudget(url: URL, headers: Headers, nowMs: number): void {
  const writes = headers.get('x-ms-ratelimit-remaining-subscription-writes');
  const sub = /^\/subscriptions\/([^/]+)/i.exec(url.pathname)?.[1];
  if (writes !== null && sub && /^\d+$/.test(writes))
    writesLeft.set(sub.toLowerCase(), { left: Number(writes), atMs: nowMs });
  const quota = headers.get('x-ms-user-quota-remaining');
  if (quota !== null && /^\d+$/.test(quota)) {
    const resets = duration(headers.get('x-ms-user-quota-resets-after')) ?? 5000;
    graphQuota = { remaining: Number(quota), resetsAtMs: nowMs + resets };
  }
}

/** ARM writes left in the subscription's window, if Azure said within the last minute. */
export function writesRemaining(subscriptionId: string, nowMs = Date.now()): number | undefined {
  const known = writesLeft.get(subscriptionId.toLowerCase());
  return known && nowMs - known.atMs < freshForMs ? known.left : undefined;
}

/** How long to hold a Resource Graph query: until the quota resets, when Azure said none is left. */
export function graphWaitMs(nowMs: number): number {
  if (!graphQuota || graphQuota.remaining > 0) return 0;
  const wait = graphQuota.resetsAtMs - nowMs;
  if (wait <= 0) graphQuota = undefined;
  return Math.max(0, wait);
}
