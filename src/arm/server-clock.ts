/**
 * Azure's idea of "now", read from the `Date` header of every answer. Progress is timed against this clock, never
 * the browser's, so a skewed laptop clock (or the demo twin's fast clock) tells the same truth as the server.
 */
let offsetMs: number | undefined;
const listeners = new Set<() => void>();

export function recordServerDate(header: string | null): void {
  if (!header) return;
  const serverMs = Date.parse(header);
  if (Number.isNaN(serverMs)) return;
  const next = serverMs - Date.now();
  // Date headers have 1 s resolution; ignore sub-second jitter so subscribers are not woken for nothing.
  if (offsetMs !== undefined && Math.abs(next - offsetMs) < 1000) return;
  offsetMs = next;
  listeners.forEach((l) => l());
}

export function serverNow(): number {
  return Date.now() + (offsetMs ?? 0);
}

export function hasServerTime(): boolean {
  return offsetMs !== undefined;
}

export function subscribeServerClock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function resetServerClock(): void {
  offsetMs = undefined;
}
