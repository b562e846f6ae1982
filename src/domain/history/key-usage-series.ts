import { failureReasonText, reasonOf, type UsageRow } from './key-usage';

/** One day of Bot Service CMEK Prod's calls on a key: successful and failed wraps and unwraps, and why calls failed. */
export interface UsageDay {
  day: number;
  okWrap: number;
  okUnwrap: number;
  failedWrap: number;
  failedUnwrap: number;
  /** The failure reasons of the day, in words, most calls first. */
  reasons: string[];
}

/** The rows per day, oldest first (a chart reads left to right). */
export function usageByDay(rows: UsageRow[]): UsageDay[] {
  const days = new Map<number, UsageDay & { why: Map<string, number> }>();
  for (const r of rows) {
    const d = days.get(r.day) ?? {
      day: r.day,
      okWrap: 0,
      okUnwrap: 0,
      failedWrap: 0,
      failedUnwrap: 0,
      reasons: [],
      why: new Map<string, number>(),
    };
    days.set(r.day, d);
    const wrap = r.operation === 'KeyWrap';
    const reason = reasonOf(r);
    if (!reason) {
      if (wrap) d.okWrap += r.calls;
      else d.okUnwrap += r.calls;
      continue;
    }
    if (wrap) d.failedWrap += r.calls;
    else d.failedUnwrap += r.calls;
    const text = failureReasonText[reason];
    d.why.set(text, (d.why.get(text) ?? 0) + r.calls);
  }
  return [...days.values()]
    .sort((a, b) => a.day - b.day)
    .map(({ why, ...d }) => ({
      ...d,
      reasons: [...why.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t),
    }));
}
