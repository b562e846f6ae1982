import type { GatewayOptions } from './gateway.js';

/**
 * The gateway's token rule: only a Key Vault token of the vault host's own cloud, inside its lifetime, from an allowed
 * tenant, is relayed. The payload is decoded, not verified: Key Vault checks the signature.
 */

/** The Key Vault resource (a token's `aud`) of each cloud, by its vault host suffix. */
const keyVaultAudiences: Record<string, string> = {
  'vault.azure.net': 'https://vault.azure.net',
  'vault.usgovcloudapi.net': 'https://vault.usgovcloudapi.net',
  'vault.azure.cn': 'https://vault.azure.cn',
};
const clockSkewSeconds = 120;

function base64UrlJson(segment: string): unknown {
  const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

/** A JWT's payload, decoded (not verified: Key Vault verifies the signature); undefined when it is not a JWT. */
function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  try {
    const headerJson = base64UrlJson(parts[0]!);
    const payload = base64UrlJson(parts[1]!);
    if (typeof headerJson !== 'object' || headerJson === null) return undefined;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
    return payload as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Why a bearer may not be relayed to this host, or undefined when it may. */
export function tokenProblem(
  bearer: string,
  host: string,
  options: Pick<GatewayOptions, 'allowedTenants' | 'nowSeconds'>,
): { status: number; message: string } | undefined {
  const payload = jwtPayload(bearer);
  if (!payload) return { status: 401, message: 'The bearer is not a JSON Web Token.' };
  const suffix = host.slice(host.indexOf('.') + 1);
  const want = keyVaultAudiences[suffix]!;
  const aud = typeof payload.aud === 'string' ? payload.aud.replace(/\/+$/, '').toLowerCase() : undefined;
  if (aud !== want)
    return {
      status: 401,
      message: `Only a token for ${want} (Azure Key Vault of this vault's cloud) is relayed.`,
    };
  const now = (options.nowSeconds ?? (() => Date.now() / 1000))();
  if (typeof payload.exp !== 'number' || payload.exp + clockSkewSeconds <= now)
    return { status: 401, message: 'The token has expired: sign in again.' };
  if (typeof payload.nbf === 'number' && payload.nbf - clockSkewSeconds > now)
    return { status: 401, message: 'The token is not valid yet.' };
  const tenants = (options.allowedTenants ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean);
  const tid = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
  if (tenants.length > 0 && !tenants.includes(tid))
    return { status: 403, message: 'This gateway does not serve the token’s tenant.' };
  return undefined;
}
