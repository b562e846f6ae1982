/**
 * Stands in for `tough-cookie` in builds (see vite.config.ts); tests run with the real one. MSW keeps mocked cookies in
 * a tough-cookie jar and asks it for each request's cookies. The twin never sets a cookie, so there is never one to
 * find, while the jar and the public suffix list it carries were more than half of the demo's MSW code and about a
 * millisecond of main-thread time on every request. A response that tries to set a cookie fails loudly instead.
 */
export class MemoryCookieStore {
  idx: Record<string, unknown> = {};
}

export class CookieJar {
  getCookiesSync(): never[] {
    return [];
  }

  setCookie(_cookie: unknown, url: string): Promise<never> {
    return Promise.reject(new Error(`The demo's twin sets no cookies, yet the answer to ${url} tried to.`));
  }
}

export const Cookie = {
  fromJSON: (): null => null,
};
