import { contoso } from '../scenarios/contoso-ids';
import { demoAccessToken, demoTokenLifetimeSeconds, keyguardDemoAppId } from '../shared/demo-token';

/** The demo's signed-in identity: the scenario's admin, in the Contoso tenant. */
export function demoAccount() {
  return {
    name: contoso.user.name,
    username: contoso.user.upn,
    tenantId: contoso.tenantId,
    homeTenantId: contoso.tenantId,
    objectId: contoso.user.objectId,
  };
}

/** Renewed this long before it expires, as MSAL renews a cached token. */
const renewBeforeSeconds = 5 * 60;

/**
 * The demo's token source: a token per scope for the directory the admin works in, kept until shortly before it
 * expires (on the wall clock, as MSAL's cache), then issued again.
 */
export function demoTokens(
  account: () => { tenantId: string; objectId?: string; username: string },
  nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
): (scope: string) => Promise<string> {
  const cache = new Map<string, { token: string; exp: number }>();
  return async (scope) => {
    const { tenantId, objectId, username } = account();
    const key = `${tenantId}|${scope}`;
    const now = nowSeconds();
    const cached = cache.get(key);
    if (cached && cached.exp - renewBeforeSeconds > now) return cached.token;
    const token = demoAccessToken(
      scope,
      { tenantId, objectId: objectId ?? contoso.user.objectId, upn: username, appId: keyguardDemoAppId },
      now,
    );
    cache.set(key, { token, exp: now + demoTokenLifetimeSeconds });
    return token;
  };
}
