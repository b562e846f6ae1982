import { describe, expect, it } from 'vitest';
import { CookieJar, MemoryCookieStore } from '../harness/cookie-jar-stand-in';

describe("the demo build's stand-in for MSW's cookie jar", () => {
  it('finds no cookie for any request, as the twin sets none', () => {
    expect(new CookieJar().getCookiesSync()).toEqual([]);
    expect(new MemoryCookieStore().idx).toEqual({});
  });

  it('refuses loudly to keep a cookie, naming the request', async () => {
    await expect(
      new CookieJar().setCookie('a=b', 'https://management.azure.com/subscriptions'),
    ).rejects.toThrow(/sets no cookies.*management\.azure\.com\/subscriptions/);
  });
});
