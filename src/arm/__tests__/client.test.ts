import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { armRequest, configureArmClient } from '../client';
import { clouds } from '../clouds';
import { ArmError } from '../errors';
import { botsGet, botsUpdate } from '../operations/bots';
import { contosoBotId } from '../../mocks/scenarios/contoso';
import { control, sleeps, testTwin } from '../../testing/twin';
import { jwtClaims } from '../../mocks/shared/demo-token';

const server = testTwin.server;

describe('armRequest', () => {
  it('sends api-version, a bearer token, a client request id and JSON', async () => {
    let seen: Request | undefined;
    server.use(
      http.get(
        'https://management.azure.com/subscriptions/s1/providers/Microsoft.Test/things/a',
        ({ request }) => {
          seen = request.clone();
          return HttpResponse.json({ ok: true });
        },
      ),
    );
    const r = await armRequest<{ ok: boolean }>({
      method: 'GET',
      path: '/subscriptions/s1/providers/Microsoft.Test/things/a',
      apiVersion: '2099-01-01',
    });
    expect(r.body).toEqual({ ok: true });
    expect(new URL(seen!.url).searchParams.get('api-version')).toBe('2099-01-01');
    const bearer = seen!.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    expect(jwtClaims(bearer)).toMatchObject({ aud: 'https://management.azure.com' });
    expect(seen!.headers.get('x-ms-client-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('uses the sovereign cloud base URL and token scope', async () => {
    const scopes: string[] = [];
    configureArmClient({
      cloud: clouds.AzureUSGovernment,
      getToken: async (s) => (scopes.push(s), 't'),
      sleep: async () => undefined,
    });
    server.use(
      http.get('https://management.usgovcloudapi.net/subscriptions', () => HttpResponse.json({ value: [] })),
    );
    await armRequest({ method: 'GET', path: '/subscriptions', apiVersion: '2022-12-01' });
    expect(scopes).toEqual(['https://management.usgovcloudapi.net/user_impersonation']);
  });

  it('refuses to send the token to a host that is not the service', async () => {
    await expect(
      armRequest({ method: 'GET', path: 'https://evil.example/subscriptions?x=1' }),
    ).rejects.toMatchObject({ code: 'UntrustedUrl' });
  });

  it('reads the ARM error envelope with target, details and request ids', async () => {
    const error = await botsUpdate(contosoBotId, {
      properties: { displayName: 'x', endpoint: null, msaAppId: 'wrong' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArmError);
    expect(error).toMatchObject({ status: 400, code: 'InvalidBotData', target: 'properties.msaAppId' });
    expect((error as ArmError).requestId).toMatch(/[0-9a-f-]{36}/);
    expect((error as ArmError).correlationId).toBeDefined();
  });

  it('reads Graph errors, Key Vault data-plane innererror and a non-JSON body', async () => {
    server.use(
      http.get('https://graph.microsoft.com/v1.0/users', () =>
        HttpResponse.json(
          {
            error: {
              code: 'Authorization_RequestDenied',
              message: 'Insufficient privileges.',
              innerError: { 'request-id': 'g-1' },
            },
          },
          { status: 403 },
        ),
      ),
      http.get('https://management.azure.com/kv', () =>
        HttpResponse.json(
          { error: { code: 'Forbidden', message: 'Denied', innererror: { code: 'ForbiddenByFirewall' } } },
          { status: 403 },
        ),
      ),
      http.post(
        'https://management.azure.com/html',
        () => new HttpResponse('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      ),
    );
    await expect(armRequest({ method: 'GET', path: '/v1.0/users', service: 'graph' })).rejects.toMatchObject({
      code: 'Authorization_RequestDenied',
      requestId: 'g-1',
    });
    const kv = (await armRequest({ method: 'GET', path: '/kv' }).catch((e: unknown) => e)) as ArmError;
    expect(kv.details[0]).toMatchObject({ code: 'ForbiddenByFirewall' });
    await expect(armRequest({ method: 'POST', path: '/html' })).rejects.toMatchObject({
      status: 502,
      code: 'BadGateway',
      message: 'POST failed with HTTP 502 Bad Gateway.',
    });
  });

  it('honours Retry-After on 429 for any method, then succeeds', async () => {
    control.armFault({
      kind: 'throttle',
      method: 'PATCH',
      pathIncludes: 'botServices',
      count: 1,
      retryAfterSeconds: 7,
    });
    const bot = await botsGet(contosoBotId);
    const updated = await botsUpdate(contosoBotId, {
      properties: {
        displayName: 'Renamed',
        endpoint: bot.properties.endpoint,
        msaAppId: bot.properties.msaAppId,
      },
    });
    expect(updated.properties.displayName).toBe('Renamed');
    expect(sleeps).toEqual([7000]);
  });

  it('gives up when Azure asks to wait longer than the console will wait silently', async () => {
    control.armFault({ kind: 'throttle', count: 1, retryAfterSeconds: 120 });
    await expect(botsGet(contosoBotId)).rejects.toMatchObject({
      status: 429,
      code: 'SubscriptionRequestsThrottled',
    });
  });

  it('retries safe reads on 5xx and dropped connections with capped, jittered backoff', async () => {
    control.armFault({ kind: 'error500', method: 'GET', count: 1 });
    control.armFault({ kind: 'drop', method: 'GET', count: 1 });
    await expect(botsGet(contosoBotId)).resolves.toMatchObject({ name: 'contoso-support-bot' });
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  it('stops after the last attempt and reports the failure', async () => {
    control.armFault({ kind: 'error503', method: 'GET', count: 10, retryAfterSeconds: 1 });
    await expect(botsGet(contosoBotId)).rejects.toMatchObject({ status: 503 });
    expect(sleeps).toHaveLength(3);
  });

  it('never repeats a write whose connection dropped, and says the outcome is unknown', async () => {
    control.armFault({ kind: 'drop', method: 'PATCH', count: 1 });
    const bot = await botsGet(contosoBotId);
    const e = (await botsUpdate(contosoBotId, {
      properties: { displayName: 'X', endpoint: bot.properties.endpoint, msaAppId: bot.properties.msaAppId },
    }).catch((x: unknown) => x)) as ArmError;
    expect(e.isNetworkError).toBe(true);
    expect(e.message).toMatch(/not known whether the change was made/);
    expect(sleeps).toEqual([]);
    expect((await botsGet(contosoBotId)).properties.displayName).toBe('Contoso Support Bot');
  });

  it('does not retry a 500 on a write', async () => {
    control.armFault({ kind: 'error500', method: 'PATCH', count: 1 });
    const bot = await botsGet(contosoBotId);
    await expect(
      botsUpdate(contosoBotId, {
        properties: {
          displayName: 'X',
          endpoint: bot.properties.endpoint,
          msaAppId: bot.properties.msaAppId,
        },
      }),
    ).rejects.toMatchObject({
      status: 500,
    });
    expect(sleeps).toEqual([]);
  });

  it('can be cancelled, also while waiting to retry', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(botsGet(contosoBotId, abort.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
