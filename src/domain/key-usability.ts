import type { Key } from '../arm/types/key-vault';

/** Why Azure Bot Service could not use this key version, in plain words; undefined when it can. */
export function keyUnusableReason(key: Key, nowMs: number): string | undefined {
  const p = key.properties;
  const a = p.attributes ?? {};
  const now = nowMs / 1000;
  if (a.enabled === false) return 'Disabled';
  if (a.exp !== undefined && a.exp <= now) return `Expired on ${new Date(a.exp * 1000).toLocaleDateString()}`;
  if (a.nbf !== undefined && a.nbf > now)
    return `Not valid before ${new Date(a.nbf * 1000).toLocaleDateString()}`;
  if (p.kty !== 'RSA' && p.kty !== 'RSA-HSM') return `${p.kty ?? 'Unknown'} key: RSA needed`;
  const ops = p.keyOps ?? [];
  const missing = ['wrapKey', 'unwrapKey'].filter((o) => !ops.includes(o));
  if (missing.length) return `Does not allow ${missing.join(' and ')}`;
  return undefined;
}
