/** An unsigned JWT-shaped token with these claims, as the gateway and the twin's Key Vault read them. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256', kid: 'test' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** A Key Vault token of the public cloud valid for an hour from `nowSeconds`. */
export function keyVaultJwt(nowSeconds: number, claims: Record<string, unknown> = {}): string {
  return unsignedJwt({
    aud: 'https://vault.azure.net',
    iss: 'https://sts.windows.net/00000000-0000-0000-0000-000000000001/',
    tid: '00000000-0000-0000-0000-000000000001',
    nbf: nowSeconds - 300,
    exp: nowSeconds + 3600,
    ...claims,
  });
}
