// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contoso, contosoVaultId } from '../../../src/mocks/scenarios/contoso';
import { resetTwin, testTwin } from '../../../src/testing/twin';
import { handleGateway, type GatewayRequest, type Upstream } from '../gateway';

const host = `${contoso.vaultName}.vault.azure.net`;
const headers = { 'x-keyguard': 'gateway', authorization: 'Bearer eyJ0eXAi.token' };
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
    expect(r.status).toBe(502);
    expect(r.headers.location).toBeUndefined();
  });

  it('logs the operation and status, never the token', async () => {
    const lines: string[] = [];
    await handleGateway(req({}), upstream, (e) => lines.push(JSON.stringify(e)));
    expect(lines).toEqual([JSON.stringify({ method: 'POST', host, operation: 'rotate', status: 200 })]);
    expect(lines.join()).not.toContain('token');
  });
});
