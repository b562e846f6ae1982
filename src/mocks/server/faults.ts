import type { FaultInput, FaultRule } from '../shared/faults';

/** The faults armed for the next matching requests, first armed first served. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;
  /** Answers held by a `hold` fault, by its id, until it is released. */
  private held = new Map<string, { until: Promise<void>; release(): void }>();
  private released = new Set<string>();

  /** What an answer held by this fault waits for (at once, once the fault has been released). */
  holdFor(id: string): Promise<void> {
    if (this.released.has(id)) return Promise.resolve();
    let hold = this.held.get(id);
    if (!hold) {
      let release = () => undefined as void;
      const until = new Promise<void>((resolve) => (release = resolve));
      hold = { until, release };
      this.held.set(id, hold);
    }
    return hold.until;
  }

  /** Lets the answers held by one fault (or by all) go, and any later request it would hold. */
  release(id?: string): void {
    for (const [key, hold] of this.held) {
      if (id !== undefined && key !== id) continue;
      hold.release();
      this.held.delete(key);
      this.released.add(key);
    }
    if (id !== undefined) this.released.add(id);
  }

  arm(input: FaultInput): FaultRule {
    const { count, ...rest } = input;
    const rule: FaultRule = { ...rest, id: `fault-${this.nextId++}`, remaining: count ?? 1 };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
    this.release();
  }

  /** Takes the first armed fault that matches this request (one request spends one hit of one fault). */
  take(method: string, path: string, kinds?: readonly FaultRule['kind'][]): FaultRule[] {
    const lower = path.toLowerCase();
    const decoded = safeDecode(path);
    const rule = this.rules.find(
      (r) =>
        r.remaining > 0 &&
        (!kinds || kinds.includes(r.kind)) &&
        (!r.method || r.method.toUpperCase() === method.toUpperCase()) &&
        (!r.pathIncludes || lower.includes(r.pathIncludes.toLowerCase())) &&
        (!r.pathPattern || new RegExp(r.pathPattern, 'i').test(decoded)),
    );
    if (!rule) return [];
    rule.remaining--;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return [{ ...rule }];
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
