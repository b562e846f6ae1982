import { jwtClaims } from '../shared/demo-token';
import { assumptions } from '../store/assumptions';

/** The audiences Key Vault takes: its resource, or its application id (as `AKV10022` lists them). */
const keyVaultAudiences = ['https://vault.azure.net', 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093'];

/**
 * Why Key Vault refuses a bearer token (its 401 message), or undefined when it takes it: a JWT, for Key Vault, issued
 * by the vault's own tenant, inside its lifetime. The claims are read, not verified: nobody signs the demo's tokens.
 * The wording of the audience and issuer refusals is recorded in public issues (AKV10022, AKV10032).
 */
export function keyVaultTokenRefusal(
  bearer: string,
  vaultTenantId: string,
  nowSeconds: number,
): string | undefined {
  const claims = jwtClaims(bearer);
  const { notAToken, expired, notYetValid, clockSkewSeconds } = assumptions.keyVault.tokens;
  if (!claims) return notAToken;
  const aud = typeof claims.aud === 'string' ? claims.aud : '';
  if (!keyVaultAudiences.includes(aud))
    return `AKV10022: Invalid audience. Expected ${keyVaultAudiences.join(' or ')}, found: ${aud}.`;
  const issuer = `https://sts.windows.net/${vaultTenantId.toLowerCase()}/`;
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  if (iss.toLowerCase() !== issuer)
    return `AKV10032: Invalid issuer. Expected one of ${issuer}, found ${iss}.`;
  if (typeof claims.exp !== 'number' || claims.exp + clockSkewSeconds <= nowSeconds) return expired;
  if (typeof claims.nbf === 'number' && claims.nbf - clockSkewSeconds > nowSeconds) return notYetValid;
  return undefined;
}
