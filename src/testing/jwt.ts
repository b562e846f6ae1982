import { contoso } from '../mocks/scenarios/contoso-ids';
import { demoAccessToken, keyguardDemoAppId } from '../mocks/shared/demo-token';

/** An unsigned JWT-shaped token with these claims, as the gateway and the twin's Key Vault read them. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256', kid: 'test' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** A Contoso Key Vault token of the public cloud valid for an hour from `nowSeconds`. */
export function keyVaultJwt(nowSeconds: number, claims: Record<string, unknown> = {}): string {
  return unsignedJwt({
    aud: 'https://vault.azure.net',
    iss: `https://sts.windows.net/${contoso.tenantId}/`,
    tid: contoso.tenantId,
    nbf: nowSeconds - 300,
    exp: nowSeconds + 3600,
    ...claims,
  });
}

/** The demo admin's Key Vault token (as the console holds it), from `tenantId` (Contoso by default), for a header. */
export function adminKeyVaultBearer(tenantId: string = contoso.tenantId): string {
  return `Bearer ${demoAccessToken(
    'https://vault.azure.net/user_impersonation',
    { tenantId, objectId: contoso.user.objectId, upn: contoso.user.upn, appId: keyguardDemoAppId },
    Math.floor(Date.now() / 1000),
  )}`;
}

/** A credential for Azure's SDKs: the demo admin's token for the scope asked (Contoso), as @azure/identity gives one. */
export const testCredential = {
  getToken: async (scopes: string | string[]) => {
    const scope = (Array.isArray(scopes) ? scopes[0] : scopes) ?? 'https://management.azure.com/.default';
    const now = Math.floor(Date.now() / 1000);
    return {
      token: demoAccessToken(
        scope,
        {
          tenantId: contoso.tenantId,
          objectId: contoso.user.objectId,
          upn: contoso.user.upn,
          appId: keyguardDemoAppId,
        },
        now,
      ),
      expiresOnTimestamp: (now + 3600) * 1000,
    };
  },
};
