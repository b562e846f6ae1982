/** The Activity log's time spans, as the portal offers them; a custom range may go back 90 days at most. */
export type TimeSpanPreset = '1h' | '24h' | '7d' | '30d' | '90d';

const hour = 60 * 60 * 1000;
const day = 24 * hour;
const activityLogRetentionMs = 90 * day;

export const timeSpanPresets: { id: TimeSpanPreset; label: string; ms: number }[] = [
  { id: '1h', label: 'Last hour', ms: hour },
  { id: '24h', label: 'Last 24 hours', ms: day },
  { id: '7d', label: 'Last 7 days', ms: 7 * day },
  { id: '30d', label: 'Last 30 days', ms: 30 * day },
  { id: '90d', label: 'Last 90 days', ms: activityLogRetentionMs },
];

export interface TimeRange {
  from: Date;
  /** Absent: up to now (Azure's now, which a fast or skewed clock here cannot cut short). */
  to?: Date;
}

export function presetRange(preset: TimeSpanPreset, nowMs: number): TimeRange {
  const span = timeSpanPresets.find((p) => p.id === preset)?.ms ?? day;
  // An hour inside the retention: "90 days ago" by the time the request lands is already out of it, and Azure's now
  // is estimated from the last answer's Date header, which may be minutes old (or far more on the demo's fast clock).
  const from = Math.max(nowMs - span, nowMs - activityLogRetentionMs + 60 * 60_000);
  return { from: new Date(from) };
}

/**
 * A custom range typed by the admin (`datetime-local` values, read as local time). Each way of getting it wrong has
 * its own message; nothing is sent until it is right.
 */
export function customRange(
  fromText: string,
  toText: string,
  nowMs: number,
): { ok: true; range: TimeRange } | { ok: false; message: string } {
  const from = Date.parse(fromText);
  const to = Date.parse(toText);
  if (!fromText || Number.isNaN(from)) return { ok: false, message: 'Enter a start date and time.' };
  if (!toText || Number.isNaN(to)) return { ok: false, message: 'Enter an end date and time.' };
  if (from >= to) return { ok: false, message: 'The start must be before the end.' };
  if (from < nowMs - activityLogRetentionMs)
    return {
      ok: false,
      message: `The Activity log keeps 90 days: start on or after ${new Date(nowMs - activityLogRetentionMs + 60_000).toLocaleString()}.`,
    };
  if (from > nowMs) return { ok: false, message: 'The start is in the future.' };
  return { ok: true, range: { from: new Date(from), to: new Date(Math.min(to, nowMs)) } };
}
