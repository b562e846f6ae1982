import {
  BrowserCacheLocation,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
} from '@azure/msal-browser';
import { ArmError } from '../arm/errors';
import type { Cloud } from '../arm/clouds';
import { clearInteraction, requireInteraction } from './interaction';
import { objectIdIn } from './account';
import type { Account, Session } from './session';

export interface LiveConfig {
  clientId: string;
  /** A tenant id or domain, or `organizations` (default) for any work account. */
  tenantId?: string;
  cloud: Cloud;
}

export type LiveStart =
  | { signedIn: true; session: Session; getToken: (scope: string) => Promise<string> }
  | { signedIn: false; signIn: () => Promise<void> };

const tenantKey = 'keyguard.live.tenant';

function toAccount(a: AccountInfo, tenantId: string): Account {
  return {
    name: a.name ?? a.username,
    username: a.username,
    tenantId,
    homeTenantId: a.tenantId,
    objectId: objectIdIn(a, tenantId),
  };
}

/**
 * Live start-up: MSAL redirect sign-in with PKCE (MSAL always uses the auth code flow with PKCE in the browser),
 * tokens cached by MSAL in sessionStorage only. The deep link travels through sign-in in the `state` parameter.
 */
export async function startLive(config: LiveConfig): Promise<LiveStart> {
  const authority = `${config.cloud.authority}/${config.tenantId ?? 'organizations'}`;
  const pca = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority,
      redirectUri: window.location.origin + window.location.pathname,
      postLogoutRedirectUri: window.location.origin + window.location.pathname,
      knownAuthorities: [new URL(config.cloud.authority).host],
    },
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
  });
  await pca.initialize();
  const result = await pca.handleRedirectPromise({ navigateToLoginRequestUrl: false });
  if (result?.state && result.state.startsWith('#')) window.history.replaceState(null, '', result.state);
  if (result?.account) pca.setActiveAccount(result.account);
  const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];

  const signIn = (extra: { authority?: string; loginHint?: string; prompt?: string } = {}) =>
    pca.loginRedirect({
      scopes: [config.cloud.armScope],
      // One consent for the other audiences the console calls (Graph, Log Analytics, Key Vault through the
      // gateway), so a token for them can be had silently later; an admin may have consented for the organisation.
      extraScopesToConsent: [
        config.cloud.graphScope,
        config.cloud.logAnalyticsScope,
        config.cloud.keyVaultScope,
      ],
      state: window.location.hash || '#home',
      authority: extra.authority ?? authority,
      loginHint: extra.loginHint,
      prompt: extra.prompt,
    });

  if (!account) return { signedIn: false, signIn: () => signIn() };
  pca.setActiveAccount(account);

  let activeTenant =
    sessionStorage.getItem(tenantKey) ??
    (config.tenantId && /^[0-9a-f-]{36}$/i.test(config.tenantId) ? config.tenantId : account.tenantId);
  const tenantAuthority = () => `${config.cloud.authority}/${activeTenant}`;

  // Silent renewal in a hidden iframe ends on a blank page, not on the app itself (which would boot inside it).
  const silentRedirectUri = `${window.location.origin}${window.location.pathname.replace(/[^/]*$/, '')}auth-redirect.html`;

  // MSAL looks tokens up by the account's tenant before the authority's, so the account is given as its profile in
  // the directory the console works in (a guest directory after a switch).
  const inActiveTenant = (a: AccountInfo): AccountInfo => ({ ...a, tenantId: activeTenant });

  const getToken = async (scope: string): Promise<string> => {
    const current = pca.getActiveAccount() ?? account;
    try {
      const r = await pca.acquireTokenSilent({
        scopes: [scope],
        account: inActiveTenant(current),
        authority: tenantAuthority(),
        redirectUri: silentRedirectUri,
      });
      clearInteraction();
      learnObjectId(r);
      return r.accessToken;
    } catch (e) {
      if (e instanceof InteractionRequiredAuthError) {
        requireInteraction();
        throw new ArmError({
          status: 401,
          code: 'InteractionRequired',
          message: 'Your sign-in has expired or needs consent. Select "Sign in again" to continue.',
        });
      }
      throw e;
    }
  };

  // A profile MSAL did not have at start-up (a directory switched to) arrives with the first token there.
  const learnObjectId = (r: AuthenticationResult) => {
    if (session.account.objectId) return;
    const claims = r.idTokenClaims as { oid?: string; tid?: string };
    const id =
      (r.account ? objectIdIn(r.account, activeTenant) : undefined) ??
      (claims.tid?.toLowerCase() === activeTenant.toLowerCase() ? claims.oid : undefined);
    if (id) session.account = { ...session.account, objectId: id };
  };

  const session: Session = {
    mode: 'live',
    cloud: config.cloud,
    portalUrl: config.cloud.portalUrl,
    account: toAccount(account, activeTenant),
    async signOut() {
      sessionStorage.removeItem(tenantKey);
      await pca.logoutRedirect({ account: pca.getActiveAccount() ?? account });
    },
    async switchTenant(tenantId) {
      activeTenant = tenantId;
      sessionStorage.setItem(tenantKey, tenantId);
      session.account = { ...session.account, tenantId };
      try {
        await pca.acquireTokenSilent({
          scopes: [config.cloud.armScope],
          account: inActiveTenant(account),
          authority: tenantAuthority(),
          redirectUri: silentRedirectUri,
        });
      } catch (e) {
        if (e instanceof InteractionRequiredAuthError)
          return signIn({ authority: tenantAuthority(), loginHint: account.username });
        throw e;
      }
      // Like the portal, a directory switch starts the console afresh: nothing read in the old directory lingers.
      window.location.hash = '#home';
      window.location.reload();
    },
    signInAgain: () => signIn({ authority: tenantAuthority(), loginHint: account.username }),
  };
  return { signedIn: true, session, getToken };
}
