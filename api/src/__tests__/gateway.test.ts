// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contoso, contosoVaultId } from '../../../src/mocks/scenarios/contoso';
import { keyVaultJwt, unsignedJwt } from '../../../src/testing/jwt';
import { resetTwin, testTwin } from '../../../src/testing/twin';
import { handleGateway, type GatewayRequest, type Upstream } from '../gateway';

const host = `${contoso.vaultName}.vault.azure.net`;
const nowSeconds = () => Date.now() / 1000;
const token = keyVaultJwt(nowSeconds());
const headers = { 'x-keyguard': 'gateway', authorization: `Bearer ${token}` };
const bearer = (t: string) => ({ 'x-keyguard': 'gateway', authorization: `Bearer ${t}` });
const req = (p: Partial<GatewayRequest>): GatewayRequest => ({
  method: 'POST',
  path: `/${host}/keys/bot-cmk-key/rotate`,
  query: 'api-version=2025-07-01',
  headers,
  ...p,
});

/** The vault hosts are intercepted: fetch reaches the twin's Key Vault, never the network. */
const upstream = vi.fn<Upstream>((url, init) => fetch(url, init));
beforeEach(() => {
  upstream.mockClear();
  resetTwin('encrypted');
});

describe('the Key Vault gateway', () => {
  it('answers its probe without a token', async () => {
    const r = await handleGateway(req({ method: 'GET', path: '', headers: {} }), upstream);
    expect([r.status, JSON.parse(r.body)]).toEqual([
      200,
      { service: 'keyguard-key-vault-gateway', version: 1 },
    ]);
  });

  it('forwards a key operation with the admin’s own token and passes Key Vault’s answer through', async () => {
    const versions = testTwin.managed.twin.world.key(contosoVaultId, 'bot-cmk-key')!.versions.length;
    const r = await handleGateway(req({}), upstream);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).key.kid).toMatch(new RegExp(`^https://${host}/keys/bot-cmk-key/[0-9a-f]{32}$`));
    expect(upstream).toHaveBeenCalledWith(
      `https://${host}/keys/bot-cmk-key/rotate?api-version=2025-07-01`,
      expect.objectContaining({
        method: 'POST',
        redirect: 'manual',
        headers: expect.objectContaining({ authorization: headers.authorization }),
      }),
    );
    expect(testTwin.managed.twin.world.key(contosoVaultId, 'bot-cmk-key')!.versions).toHaveLength(
      versions + 1,
    );
  });

  it('passes Key Vault’s refusals through unchanged (the vault sees the gateway’s address)', async () => {
    const r = await handleGateway(
      req({ path: `/kv-contoso-locked.vault.azure.net/keys/locked-cmk/rotate` }),
      upstream,
    );
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.innererror.code).toBe('ForbiddenByFirewall');
  });

  it.each([
    ['no custom header', req({ headers: { authorization: headers.authorization } }), 403],
    ['no token', req({ headers: { 'x-keyguard': 'gateway' } }), 401],
    ['another host', req({ path: '/evil.example.com/keys/k/rotate' }), 400],
    [
      'a host that only ends like a vault',
      req({ path: '/kv.vault.azure.net.evil.example/keys/k/rotate' }),
      400,
    ],
    ['an IP literal', req({ path: '/169.254.169.254/keys/k/rotate' }), 400],
    ['user info', req({ path: '/admin@kv-contoso-cmk.vault.azure.net/keys/k/rotate' }), 400],
    ['a port', req({ path: `/${host}:8443/keys/k/rotate` }), 400],
    ['an encoded ..', req({ path: `/${host}/keys/%2e%2e/secrets/s` }), 400],
    ['a plain ..', req({ path: `/${host}/keys/../secrets/s` }), 400],
    ['an encoded slash', req({ path: `/${host}/keys/a%2Fb/rotate` }), 400],
    ['a double slash', req({ path: `/${host}//keys/k/rotate` }), 400],
    ['a backslash', req({ path: `/${host}/keys\\k/rotate` }), 400],
    ['secrets', req({ method: 'GET', path: `/${host}/secrets/db-password` }), 404],
    ['a key’s private operation', req({ path: `/${host}/keys/bot-cmk-key/unwrapkey` }), 404],
    ['purge', req({ method: 'DELETE', path: `/${host}/deletedkeys/bot-cmk-key` }), 405],
    ['a wrong method', req({ method: 'GET' }), 405],
    [
      'an unknown query parameter',
      req({ query: 'api-version=2025-07-01&redirect=https://evil.example' }),
      400,
    ],
    ['no api-version', req({ query: '' }), 400],
    ['a body that is not JSON', req({ body: 'x=1' }), 400],
    ['a body too large', req({ body: JSON.stringify({ pad: 'x'.repeat(70_000) }) }), 413],
    ['a bearer that is not a JWT', req({ headers: bearer('opaque-token') }), 401],
    ['a JWT whose payload is not JSON', req({ headers: bearer('eyJ0eXAiOiJKV1QifQ.bm90LWpzb24.c2ln') }), 401],
    [
      'an ARM token',
      req({ headers: bearer(keyVaultJwt(nowSeconds(), { aud: 'https://management.azure.com/' })) }),
      401,
    ],
    [
      'a Graph token',
      req({ headers: bearer(keyVaultJwt(nowSeconds(), { aud: '00000003-0000-0000-c000-000000000000' })) }),
      401,
    ],
    [
      'another cloud’s Key Vault token',
      req({ headers: bearer(keyVaultJwt(nowSeconds(), { aud: 'https://vault.azure.cn' })) }),
      401,
    ],
    ['a token with no audience', req({ headers: bearer(unsignedJwt({ exp: nowSeconds() + 600 })) }), 401],
    [
      'an expired token',
      req({ headers: bearer(keyVaultJwt(nowSeconds(), { exp: nowSeconds() - 300 })) }),
      401,
    ],
    ['a token with no expiry', req({ headers: bearer(keyVaultJwt(nowSeconds(), { exp: undefined })) }), 401],
    [
      'a token not valid yet',
      req({ headers: bearer(keyVaultJwt(nowSeconds(), { nbf: nowSeconds() + 600 })) }),
      401,
    ],
    ['a content-length over the limit', req({ headers: { ...headers, 'content-length': '70000' } }), 413],
  ])('refuses %s, and calls nobody', async (_, request, status) => {
    const r = await handleGateway(request, upstream);
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body).error.code).toBe('GatewayRefused');
    expect(upstream).not.toHaveBeenCalled();
  });

  it('does not follow a redirect', async () => {
    const redirecting: Upstream = async () => ({
      status: 302,
      headers: { get: (n: string) => (n === 'location' ? 'https://evil.example/' : null) },
      text: async () => '',
    });
    const r = await handleGateway(req({}), redirecting);
    expect([r.status, JSON.parse(r.body).error.code]).toEqual([502, 'BadGateway']);
    expect(r.headers.location).toBeUndefined();
  });

  it('logs the operation and status, never the token', async () => {
    const lines: string[] = [];
    await handleGateway(req({}), upstream, { log: (e) => lines.push(JSON.stringify(e)) });
    expect(lines).toEqual([JSON.stringify({ method: 'POST', host, operation: 'rotate', status: 200 })]);
    expect(lines.join()).not.toContain(token.split('.')[1]!);
  });

  it('takes a token within the clock skew, and one from an allowed tenant only when tenants are set', async () => {
    const skewed = keyVaultJwt(nowSeconds(), { exp: nowSeconds() - 60, nbf: nowSeconds() + 60 });
    expect((await handleGateway(req({ headers: bearer(skewed) }), upstream)).status).toBe(200);
    const allowed = { allowedTenants: [contoso.tenantId] };
    expect((await handleGateway(req({}), upstream, allowed)).status).toBe(200);
    const other = keyVaultJwt(nowSeconds(), { tid: '99999999-0000-0000-0000-000000000009' });
    upstream.mockClear();
    const r = await handleGateway(req({ headers: bearer(other) }), upstream, allowed);
    expect([r.status, JSON.parse(r.body).error.code]).toEqual([403, 'GatewayRefused']);
    expect(upstream).not.toHaveBeenCalled();
  });

  it('reads no body whose content-length is over the limit, and stops reading one that grows past it', async () => {
    const readBody = vi.fn(async () => '{}');
    const r = await handleGateway(
      req({ headers: { ...headers, 'content-length': '900000' }, readBody }),
      upstream,
    );
    expect(r.status).toBe(413);
    expect(readBody).not.toHaveBeenCalled();
    const growing = await handleGateway(req({ readBody: async () => undefined }), upstream);
    expect(growing.status).toBe(413);
    expect(upstream).not.toHaveBeenCalled();
  });

  it('gives up on Key Vault after the timeout with a 504 of its own, and aborts the call', async () => {
    vi.useFakeTimers();
    try {
      let aborted = false;
      const hanging: Upstream = (_, init) =>
        new Promise(() => init.signal.addEventListener('abort', () => (aborted = true)));
      const pending = handleGateway(req({}), hanging, { timeoutMs: 30_000, nowSeconds });
      await vi.advanceTimersByTimeAsync(29_999);
      expect(aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const r = await pending;
      expect([r.status, JSON.parse(r.body).error.code]).toEqual([504, 'GatewayTimeout']);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never waits longer than 30 s, whatever it is told', async () => {
    vi.useFakeTimers();
    try {
      const hanging: Upstream = () => new Promise(() => undefined);
      const pending = handleGateway(req({}), hanging, { timeoutMs: 120_000, nowSeconds });
      await vi.advanceTimersByTimeAsync(30_000);
      expect((await pending).status).toBe(504);
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes no answer over 1 MiB on: by content-length, or counted as it streams', async () => {
    const big =
      (declared: boolean): Upstream =>
      async () => {
        const chunk = new Uint8Array(256 * 1024).fill(97);
        let sent = 0;
        return {
          status: 200,
          headers: {
            get: (n: string) => (n === 'content-length' && declared ? String(5 * chunk.length) : null),
          },
          body: new ReadableStream<Uint8Array>({
            pull: (c) => (sent++ < 5 ? c.enqueue(chunk) : c.close()),
          }),
          text: async () => '',
        };
      };
    for (const declared of [true, false]) {
      const r = await handleGateway(req({}), big(declared));
      expect([r.status, JSON.parse(r.body).error.code]).toEqual([502, 'BadGateway']);
    }
  });

  it('answers with JSON and nosniff, its own refusals and Key Vault’s passed-on answers alike', async () => {
    const refused = await handleGateway(req({ headers: {} }), upstream);
    const passed = await handleGateway(req({}), upstream);
    for (const r of [refused, passed]) expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(passed.headers['content-type']).toMatch(/^application\/json/);
  });
});
