/** The faults a test or the demo panel can arm: plain data, shared by the page and the twin. */
export type FaultKind =
  | 'throttle'
  | 'error403'
  | 'error500'
  | 'error503'
  | 'drop'
  | 'latency'
  /** Azure takes the request, and its answer waits until the fault is released (tests, instead of a time window). */
  | 'hold'
  | 'concurrent';

interface ConcurrentChange {
  method: string;
  /** ARM path (with api-version) of the other admin's request. */
  path: string;
  body?: unknown;
}

export interface FaultRule {
  id: string;
  kind: FaultKind;
  /** Only requests of this method (any when absent). */
  method?: string;
  /** Only requests whose path contains this text, case-insensitively (any when absent). */
  pathIncludes?: string;
  /** Only requests whose decoded path and query match this regular expression, case-insensitively. */
  pathPattern?: string;
  /** How many matching requests it hits before it is spent. */
  remaining: number;
  retryAfterSeconds?: number;
  latencyMs?: number;
  change?: ConcurrentChange;
}

export type FaultInput = Omit<FaultRule, 'id' | 'remaining'> & { count?: number };
