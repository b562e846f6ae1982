/**
 * Azure's idea of "now", read from the `Date` header of every answer. Progress is timed against this clock, never
 * the browser's, so a skewed laptop clock (or the demo twin's fast clock) tells the same truth as the server.
 */
let offsetMs: number | undefined;

export function recordServerDate(header: string | null): void {
  if (!header) return;
  const serverMs = Date.parse(header);
  if (Number.isNaN(serverMs)) return;
  offsetMs = serverMs - Date.now();
}

/** Whether any answer has said what time Azure has. */
export function serverClockKnown(): boolean {
  return offsetMs !== undefined;
}

export function serverNow(): number {
  return Date.now() + (offsetMs ?? 0);
}
