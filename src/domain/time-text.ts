const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "3 minutes ago", "6 days ago": how long before `nowMs`, in the largest whole unit. */
export function timeAgo(ms: number, nowMs: number): string {
  const d = Math.max(0, nowMs - ms);
  if (d < minute) return 'less than a minute ago';
  const [n, unit] =
    d < hour
      ? [Math.floor(d / minute), 'minute']
      : d < day
        ? [Math.floor(d / hour), 'hour']
        : [Math.floor(d / day), 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A moment in the admin's own time zone. */
export function dateTimeText(ms: number): string {
  return format.format(new Date(ms));
}

/** A UTC day, as Log Analytics bins it. */
export function dayText(ms: number): string {
  return dateOnly.format(new Date(ms));
}
