/**
 * Stands in for `tldts` in builds (see vite.config.ts). tldts carries the whole public suffix list, about half of the
 * demo's MSW code, and MSW needs it only for its cookie store: tough-cookie asks for the registrable domain of each
 * request's host. The twin answers only Azure's hosts, whose registrable domain is their last two labels, and never
 * sets a cookie. Tests run with the real tldts and check this agrees with it on those hosts.
 */
export function getDomain(hostname: string): string | null {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  const last = labels[labels.length - 1] ?? '';
  // A single label (localhost) or an IPv4 address has no registrable domain.
  if (labels.length < 2 || /^\d+$/.test(last)) return null;
  return labels.slice(-2).join('.');
}
