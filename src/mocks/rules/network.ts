/** IPv4 address or CIDR as Key Vault takes it in `networkAcls.ipRules[].value`. */
export function parseIpv4Rule(value: string): { octets: number[]; prefix: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(value);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  if (
    octets.some(
      (o, i) => o > 255 || ((m[i + 1] as string).length > 1 && (m[i + 1] as string).startsWith('0')),
    )
  )
    return undefined;
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  if (prefix > 32) return undefined;
  return { octets, prefix };
}

export function isPrivateOrReserved(octets: number[]): boolean {
  const [a = 0, b = 0] = octets;
  return (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a === 127 ||
    a === 0 ||
    (a === 169 && b === 254) ||
    a >= 224
  );
}

export function ipInRule(ip: string, rule: string): boolean {
  const addr = parseIpv4Rule(ip);
  const r = parseIpv4Rule(rule);
  if (!addr || !r) return false;
  const toInt = (o: number[]) => o.reduce((acc, x) => (acc << 8) + x, 0) >>> 0;
  const mask = r.prefix === 0 ? 0 : (0xffffffff << (32 - r.prefix)) >>> 0;
  return (toInt(addr.octets) & mask) === (toInt(r.octets) & mask);
}
