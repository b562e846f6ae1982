import { createHash, randomBytes } from 'node:crypto';
import type { Page, Route } from '@playwright/test';
import { clouds } from '../../src/arm/clouds';
import { ManagedTwin } from '../../src/mocks/harness/create-twin';
import { contoso } from '../../src/mocks/scenarios/contoso';
import type { ScenarioName } from '../../src/mocks/scenarios';

/**
 * A stand-in for Microsoft Entra ID, ARM, Graph and Log Analytics, answered inside the test by Playwright's request routing on the
 * real hosts, so the live build runs unchanged. The identity provider checks PKCE and the nonce like the real one; ARM
 * and Graph are the twin behind a bearer-token check (audience, expiry, tenant).
 */

export const clientId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const { authority: login, armScope, graphScope, logAnalyticsScope } = clouds.AzureCloud;

interface Issued {
  scope: string;
  tenantId: string;
  expiresAt: number;
}

interface PendingCode {
  challenge: string;
  nonce: string;
  scope: string;
  redirectUri: string;
}

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Allow-Methods': 'GET,PUT,PATCH,POST,DELETE,OPTIONS',
  'Access-Control-Expose-Headers':
    'Date, Retry-After, Location, Azure-AsyncOperation, x-ms-request-id, x-ms-correlation-request-id, x-ms-client-request-id',
};

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const secret = (prefix: string) => `${prefix}-${randomBytes(18).toString('base64url')}`;

function idToken(tenantId: string, nonce: string | undefined, audience: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: audience,
    iss: `${login}/${tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    name: contoso.user.name,
    preferred_username: contoso.user.upn,
    oid: contoso.user.objectId,
    sub: `sub-${contoso.user.objectId}`,
    tid: tenantId,
    ver: '2.0',
    ...(nonce ? { nonce } : {}),
  };
  return `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'stand-in' }))}.${b64url(JSON.stringify(claims))}.${b64url('not-a-signature')}`;
}

/** The kinds of call a latency model prices (the bench gives each Azure's own typical delay). */
export type CallKind = 'arm-read' | 'arm-write' | 'resource-graph' | 'graph' | 'logs' | 'token';

export class StandInAzure {
  readonly managed: ManagedTwin;
  /** Milliseconds to hold each answer, by kind of call (none unless set: the end-to-end tests run without it). */
  latency?: (kind: CallKind) => number;

  constructor(scenario: ScenarioName = 'cross-tenant') {
    this.managed = new ManagedTwin({ scenario });
  }

  private async hold(kind: CallKind): Promise<void> {
    const ms = this.latency?.(kind) ?? 0;
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }

  readonly issued = new Map<string, Issued>();
  private readonly codes = new Map<string, PendingCode>();
  /** Every token secret handed to the browser, for the leak search. */
  readonly secrets: string[] = [];
  /** Requests to ARM or Graph, with what their bearer token was. */
  readonly calls: { host: string; path: string; scope?: string; tenantId?: string; ok: boolean }[] = [];
  readonly authorizeRequests: URL[] = [];
  readonly tokenGrants: { grant: string; tenant: string; scope: string }[] = [];
  readonly logouts: URL[] = [];
  /** Seconds an access token lives (MSAL renews tokens that expire within five minutes). */
  accessTokenLifetime = 3600;
  /** The session needs the user: refresh-token grants answer invalid_grant and silent (prompt=none) sign-in fails. */
  refuseRefresh = false;

  async install(page: Page, appOrigin: string): Promise<void> {
    await page.route(`${appOrigin}/config.json`, (route) =>
      route.fulfill({ json: { clientId, tenantId: 'organizations' } }),
    );
    await page.route(`${login}/**`, (route) => this.identity(route));
    await page.route('https://management.azure.com/**', (route) => this.api(route, armScope));
    await page.route('https://graph.microsoft.com/**', (route) => this.api(route, graphScope));
    await page.route('https://api.loganalytics.azure.com/**', (route) => this.api(route, logAnalyticsScope));
  }

  private async identity(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const [tenant = 'organizations', ...rest] = url.pathname.split('/').filter(Boolean);
    const path = rest.join('/');
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    // The identity provider's fetches (metadata, discovery, tokens) cost a round trip; the authorize redirect is a page.
    if (path !== 'oauth2/v2.0/authorize' && path !== 'oauth2/v2.0/token') await this.hold('token');
    if (path === 'v2.0/.well-known/openid-configuration') {
      const base = `${login}/${tenant}`;
      return route.fulfill({
        headers: cors,
        json: {
          issuer: `${login}/{tenantid}/v2.0`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${login}/${tenant}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
          code_challenge_methods_supported: ['S256'],
        },
      });
    }
    if (tenant === 'common' && path === 'discovery/instance') {
      return route.fulfill({
        headers: cors,
        json: {
          tenant_discovery_endpoint: `${login}/organizations/v2.0/.well-known/openid-configuration`,
          metadata: [
            {
              preferred_network: 'login.microsoftonline.com',
              preferred_cache: 'login.windows.net',
              aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com'],
            },
          ],
        },
      });
    }
    if (path === 'oauth2/v2.0/authorize') return this.authorize(route, url);
    if (path === 'oauth2/v2.0/token') return this.token(route, tenant);
    if (path === 'oauth2/v2.0/logout') {
      this.logouts.push(url);
      const back = url.searchParams.get('post_logout_redirect_uri') ?? '/';
      return route.fulfill({ status: 302, headers: { location: back } });
    }
    return route.fulfill({ status: 404, headers: cors, json: { error: 'not_found' } });
  }

  private authorize(route: Route, url: URL): Promise<void> {
    this.authorizeRequests.push(url);
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    const code = secret('code');
    this.codes.set(code, {
      challenge: q.get('code_challenge') ?? '',
      nonce: q.get('nonce') ?? '',
      scope: q.get('scope') ?? '',
      redirectUri,
    });
    if (q.get('prompt') === 'none' && this.refuseRefresh) {
      // A silent attempt (hidden iframe) while the session needs the user: Entra ID answers interaction_required.
      this.codes.delete(code);
      const error = new URLSearchParams({
        error: 'interaction_required',
        error_description: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
        state: q.get('state') ?? '',
      });
      return route.fulfill({ status: 302, headers: { location: `${redirectUri}#${error}` } });
    }
    const answer = new URLSearchParams({
      code,
      state: q.get('state') ?? '',
      client_info: b64url(JSON.stringify({ uid: contoso.user.objectId, utid: contoso.tenantId })),
    });
    const location =
      q.get('response_mode') === 'query' ? `${redirectUri}?${answer}` : `${redirectUri}#${answer}`;
    return route.fulfill({ status: 302, headers: { location } });
  }

  private async token(route: Route, pathTenant: string): Promise<void> {
    await this.hold('token');
    const form = new URLSearchParams(route.request().postData() ?? '');
    const grant = form.get('grant_type') ?? '';
    const tenantId = /^[0-9a-f-]{36}$/i.test(pathTenant) ? pathTenant : contoso.tenantId;
    const fail = (error: string, description: string) =>
      route.fulfill({
        status: 400,
        headers: cors,
        json: { error, error_description: description, error_codes: [50173], suberror: 'bad_token' },
      });
    let nonce: string | undefined;
    let scope = form.get('scope') ?? '';
    if (grant === 'authorization_code') {
      const pending = this.codes.get(form.get('code') ?? '');
      if (!pending) return fail('invalid_grant', 'AADSTS70008: The authorization code is unknown or used.');
      this.codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const expected = createHash('sha256').update(verifier).digest('base64url');
      if (!verifier || expected !== pending.challenge)
        return fail('invalid_grant', 'AADSTS501481: The code_verifier does not match the code_challenge.');
      if (form.get('redirect_uri') !== pending.redirectUri)
        return fail('invalid_grant', 'AADSTS50011: The redirect URI does not match.');
      nonce = pending.nonce;
      scope = scope || pending.scope;
    } else if (grant === 'refresh_token') {
      if (this.refuseRefresh || !this.secrets.includes(form.get('refresh_token') ?? ''))
        return fail('invalid_grant', 'AADSTS50173: The provided grant has expired due to it being revoked.');
    } else {
      return fail('unsupported_grant_type', `AADSTS70003: ${grant} is not supported here.`);
    }
    this.tokenGrants.push({ grant, tenant: tenantId, scope });
    const resource = scope.split(' ').find((s) => s.startsWith('https://')) ?? armScope;
    const accessToken = secret('at');
    const refreshToken = secret('rt');
    this.secrets.push(accessToken, refreshToken);
    this.issued.set(accessToken, {
      scope: resource,
      tenantId,
      expiresAt: Date.now() + this.accessTokenLifetime * 1000,
    });
    return route.fulfill({
      headers: cors,
      json: {
        token_type: 'Bearer',
        scope: `${resource} openid profile offline_access`,
        expires_in: this.accessTokenLifetime,
        ext_expires_in: this.accessTokenLifetime,
        access_token: accessToken,
        refresh_token: refreshToken,
        id_token: idToken(tenantId, nonce, clientId),
        client_info: b64url(JSON.stringify({ uid: contoso.user.objectId, utid: contoso.tenantId })),
      },
    });
  }

  private async api(route: Route, audience: string): Promise<void> {
    const request = route.request();
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const url = new URL(request.url());
    await this.hold(
      url.host === 'graph.microsoft.com'
        ? 'graph'
        : url.host === 'api.loganalytics.azure.com'
          ? 'logs'
          : /\/providers\/microsoft\.resourcegraph\//i.test(url.pathname)
            ? 'resource-graph'
            : request.method() === 'GET'
              ? 'arm-read'
              : 'arm-write',
    );
    const bearer = /^Bearer (.+)$/.exec((await request.headerValue('authorization')) ?? '')?.[1];
    const token = bearer ? this.issued.get(bearer) : undefined;
    const ok = token !== undefined && token.scope === audience && token.expiresAt > Date.now();
    this.calls.push({
      host: url.host,
      path: url.pathname,
      scope: token?.scope,
      tenantId: token?.tenantId,
      ok,
    });
    if (!ok) {
      return route.fulfill({
        status: 401,
        headers: cors,
        json: {
          error: {
            code: 'InvalidAuthenticationToken',
            message: 'The access token is missing, expired or for another audience.',
          },
        },
      });
    }
    const twin = this.managed.twin;
    twin.world.settings.activeTenantId = token.tenantId;
    const text = request.postData();
    const headers = await request.allHeaders();
    const outcome = twin.handle({
      method: request.method(),
      url,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      headers,
    });
    if (!outcome.response) return route.abort('connectionreset');
    const { status, body, headers: out } = outcome.response;
    return route.fulfill({
      status,
      headers: { ...cors, 'Content-Type': 'application/json; charset=utf-8', ...out },
      body: body === undefined ? '' : JSON.stringify(body),
    });
  }
}
