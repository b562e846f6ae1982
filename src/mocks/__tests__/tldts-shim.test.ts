import { getDomain as realGetDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { clouds } from '../../arm/clouds';
import { getDomain } from '../tldts-shim';

describe('the tldts stand-in used by the demo build', () => {
  const hosts = [
    ...Object.values(clouds).flatMap((c) =>
      [c.armEndpoint, c.graphEndpoint, c.authority].map((u) => new URL(u).hostname),
    ),
    'directline.botframework.com',
    'kv-contoso-cmk.vault.azure.net',
    'localhost',
    '127.0.0.1',
  ];

  it.each(hosts)('agrees with the public suffix list on %s', (host) => {
    const options = { allowIcannDomains: true, allowPrivateDomains: true };
    expect(getDomain(host)).toBe(realGetDomain(host, options));
  });
});
