import { describe, expect, it } from 'vitest';
import { keyUrlOf, parseKeyUrl, parseVersionedKeyUrl, sameKeyUrl } from '../key-url';

const v = '0123456789abcdef0123456789abcdef';
const good = `https://contoso-kv.vault.azure.net/keys/bot-key/${v}`;

describe('the Key URL field: a versioned key identifier', () => {
  it('accepts full versioned key URIs of every cloud', () => {
    for (const url of [
      good,
      `https://contoso-kv.vault.usgovcloudapi.net/keys/bot-key/${v}`,
      `https://contoso-kv.vault.azure.cn/keys/bot-key/${v}`,
      `https://contoso-kv.vault.azure.net:443/keys/bot-key/${v.toUpperCase()}`,
      `https://abc.vault.azure.net/keys/k/${v}`,
    ]) {
      expect(parseVersionedKeyUrl(url).ok, url).toBe(true);
    }
    expect(parseVersionedKeyUrl(good)).toEqual({
      ok: true,
      url: {
        href: good,
        vaultName: 'contoso-kv',
        vaultUrl: 'https://contoso-kv.vault.azure.net',
        cloud: 'AzureCloud',
        keyName: 'bot-key',
        version: v,
      },
    });
  });

  const cases: [string, RegExp][] = [
    ['', /Enter the key URL/],
    ['   ', /Enter the key URL/],
    [` ${good}`, /Remove the spaces before or after/],
    [`${good} `, /Remove the spaces before or after/],
    [`https://contoso-kv.vault.azure.net/keys/bot key/${v}`, /contains spaces/],
    ['contoso-kv/keys/bot-key', /not a URL/],
    ['bot-key', /not a URL/],
    [`http://contoso-kv.vault.azure.net/keys/bot-key/${v}`, /must start with https/],
    [`ftp://contoso-kv.vault.azure.net/keys/bot-key/${v}`, /must start with https/],
    [`https://user:pass@contoso-kv.vault.azure.net/keys/bot-key/${v}`, /user name or password/],
    [`${good}?api-version=7.4`, /query string or fragment/],
    [`${good}#frag`, /query string or fragment/],
    [`https://contoso-kv.vault.azure.net:8443/keys/bot-key/${v}`, /port 443 only/],
    [`https://contoso-kv.example.com/keys/bot-key/${v}`, /is not a key vault/],
    [`https://contoso-kv.blob.core.windows.net/keys/bot-key/${v}`, /is not a key vault/],
    [`https://contoso.managedhsm.azure.net/keys/bot-key/${v}`, /Managed HSM keys are not supported/],
    [`https://kv.vault.azure.net/keys/bot-key/${v}`, /not a valid key vault name \(3 to 24/],
    [
      `https://a-very-long-vault-name-over-24.vault.azure.net/keys/k/${v}`,
      /not a valid key vault name \(3 to 24/,
    ],
    [
      `https://contoso_kv.vault.azure.net/keys/k/${v}`,
      /is not a key vault|not a valid key vault name|not a URL/,
    ],
    [`https://1contoso.vault.azure.net/keys/k/${v}`, /starts with a letter/],
    [`https://contoso--kv.vault.azure.net/keys/k/${v}`, /double hyphens/],
    [`https://contoso-kv-.vault.azure.net/keys/k/${v}`, /trailing or double hyphens/],
    ['https://contoso-kv.vault.azure.net', /vault’s address, not a key/],
    ['https://contoso-kv.vault.azure.net/', /vault’s address, not a key/],
    [`${good}/`, /trailing slash/],
    ['https://contoso-kv.vault.azure.net/keys/bot-key', /has no version/],
    ['https://contoso-kv.vault.azure.net/keys/', /trailing slash|Add the key name/],
    ['https://contoso-kv.vault.azure.net/keys', /Add the key name and version/],
    [`https://contoso-kv.vault.azure.net/secrets/bot-key/${v}`, /secret URL/],
    [`https://contoso-kv.vault.azure.net/certificates/bot-cert/${v}`, /certificate URL/],
    [`https://contoso-kv.vault.azure.net/storage/acct/${v}`, /Unexpected “\/storage\/”/],
    ['https://contoso-kv.vault.azure.net/keys/bot-key/123', /is not a key version/],
    ['https://contoso-kv.vault.azure.net/keys/bot-key/latest', /is not a key version/],
    [`https://contoso-kv.vault.azure.net/keys/bot-key/${v}0`, /is not a key version/],
    [`https://contoso-kv.vault.azure.net/keys/bot-key/${v.slice(0, 31)}g`, /is not a key version/],
    [`https://contoso-kv.vault.azure.net/keys/bot_key/${v}`, /not a valid key name/],
    [`https://contoso-kv.vault.azure.net/keys/bot-key/versions/${v}`, /ARM resource path/],
    [`https://contoso-kv.vault.azure.net/keys/bot-key/${v}/extra`, /ARM resource path/],
    [`https://contoso-kv.vault.azure.net/keys/${'k'.repeat(128)}/${v}`, /not a valid key name/],
    [`https://${'x'.repeat(2100)}`, /too long/],
  ];

  it(`gives each of ${cases.length} malformed or wrong URLs its own message`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const [input, message] of cases) {
      const r = parseVersionedKeyUrl(input);
      expect(r.ok, input).toBe(false);
      if (!r.ok) expect(r.message, input).toMatch(message);
    }
  });
});

describe('one parsed value for every hop', () => {
  it('normalises what ARM writes (:443, upper-case host and version) to one form', () => {
    const r = parseKeyUrl(`https://Contoso-KV.vault.azure.net:443/keys/bot-key/${v.toUpperCase()}`);
    expect(r.ok && r.url.href).toBe(good);
    expect(parseKeyUrl('https://kv1.vault.usgovcloudapi.net/keys/k')).toMatchObject({
      ok: true,
      url: {
        cloud: 'AzureUSGovernment',
        version: undefined,
        href: 'https://kv1.vault.usgovcloudapi.net/keys/k',
      },
    });
    expect(parseKeyUrl('https://kv1.vault.azure.cn/keys/k')).toMatchObject({
      ok: true,
      url: { cloud: 'AzureChinaCloud' },
    });
  });

  it('reads Azure’s answers leniently: a leftover that is no key id is no key', () => {
    expect(
      keyUrlOf('https://docs.botframework.com/static/devportal/client/images/bot-framework-default.png'),
    ).toBeUndefined();
    expect(keyUrlOf(null)).toBeUndefined();
    expect(keyUrlOf(` ${good} `)?.href).toBe(good);
  });

  it('compares versions', () => {
    const a = keyUrlOf(good);
    const b = keyUrlOf(`https://contoso-kv.vault.azure.net:443/keys/BOT-KEY/${v}`);
    const c = keyUrlOf(`https://contoso-kv.vault.azure.net/keys/bot-key/${'f'.repeat(32)}`);
    expect(sameKeyUrl(a, b)).toBe(true);
    expect(sameKeyUrl(a, c)).toBe(false);
  });
});
