/**
 * The demo's access tokens: shaped as Microsoft Entra ID's (a JWT with the resource as audience, the tenant as issuer,
 * a lifetime), but unsigned, so the gateway and the twin's Key Vault read the same claims they read live. Nobody
 * verifies a signature in the demo; Key Vault does live.
 */

/** The client id Keyguard signs in with in the demo (a live deployment has its own app registration). */
export const keyguardDemoAppId = '0f4e1b7a-6c2d-4e8f-9a3b-5d7c1e2f4a6b';

/** The Azure CLI's public client id, as its tokens carry it. */
export const azureCliAppId = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

export interface DemoTokenSubject {
  tenantId: string;
  objectId: string;
  upn: string;
  /** The client the token was issued to: Keyguard's demo app, or the Azure CLI for "another admin". */
  appId: string;
}

/** Entra ID's default access token lifetime is 60–90 minutes; the demo takes the middle. */
export const demoTokenLifetimeSeconds = 75 * 60;

/** A delegated scope's resource, as the token's `aud`: `https://vault.azure.net/user_impersonation` → `https://vault.azure.net`. */
const resourceOfScope = (scope: string): string => new URL(scope).origin;

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned access token for `scope`, issued at `nowSeconds` (the wall clock, as a browser's token cache keeps it). */
export function demoAccessToken(scope: string, who: DemoTokenSubject, nowSeconds: number): string {
  const claims = {
    aud: resourceOfScope(scope),
    iss: `https://sts.windows.net/${who.tenantId}/`,
    iat: nowSeconds,
    nbf: nowSeconds,
    exp: nowSeconds + demoTokenLifetimeSeconds,
    appid: who.appId,
    oid: who.objectId,
    upn: who.upn,
    tid: who.tenantId,
    scp: 'user_impersonation',
    ver: '1.0',
  };
  const header = { typ: 'JWT', alg: 'RS256', kid: 'keyguard-demo' };
  return `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}.${base64Url('unsigned: the demo')}`;
}

/** A JWT's claims, decoded (not verified); undefined when the text is not a JWT. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  try {
    const b64 = parts[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
    const claims: unknown = JSON.parse(text);
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
