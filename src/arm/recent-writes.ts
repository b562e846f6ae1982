/**
 * The writes this session made through ARM and Azure took (2xx), newest last: the Activity log records each under the
 * client request id the request carried, a few minutes later. Views compare them with what the log already shows.
 */
export interface RecentWrite {
  method: string;
  /** The request's path: the resource written, or an action on it. */
  path: string;
  clientRequestId: string;
  /** When Azure answered, on Azure's clock (its Date header). */
  atMs: number;
}

const kept = 50;
let writes: readonly RecentWrite[] = [];
const listeners = new Set<() => void>();

export function recordWrite(write: RecentWrite): void {
  writes = [...writes, write].slice(-kept);
  for (const l of listeners) l();
}

export function recentWrites(): readonly RecentWrite[] {
  return writes;
}

export function onRecentWrites(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
