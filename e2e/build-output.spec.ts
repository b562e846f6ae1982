import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

function bundleText(dir: string): string {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n');
}

test.describe('build output', () => {
  test('the live build contains no MSW and no twin code', () => {
    const live = bundleText('dist');
    for (const marker of [
      'setupWorker',
      'mockServiceWorker',
      'msw',
      'ScenarioBuilder',
      'kv-contoso-cmk',
      'Demo mode: simulated data',
      '__keyguardTwin',
    ]) {
      expect(live.includes(marker), `live build contains "${marker}"`).toBe(false);
    }
    expect(existsSync(join('dist', 'mockServiceWorker.js')), 'live build ships the MSW worker').toBe(false);
  });

  test('the demo build does carry the twin (so the check above can fail)', () => {
    const demo = bundleText('dist-demo');
    expect(demo).toContain('mockServiceWorker');
    expect(demo).toContain('kv-contoso-cmk');
    expect(existsSync(join('dist-demo', 'mockServiceWorker.js'))).toBe(true);
  });
});

test.describe('content security policy', () => {
  for (const dir of ['dist', 'dist-demo']) {
    test(`${dir}/index.html carries a strict CSP and no inline script`, () => {
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
      expect(csp, 'CSP meta tag').toBeDefined();
      const directives = Object.fromEntries(
        csp!.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(directives['default-src']).toEqual(["'self'"]);
      const allowed =
        /^https:\/\/(management\.azure\.com|management\.usgovcloudapi\.net|management\.chinacloudapi\.cn|graph\.microsoft\.com|graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn|login\.microsoftonline\.com|login\.microsoftonline\.us|login\.chinacloudapi\.cn|directline\.botframework\.(com|azure\.us|azure\.cn)|api\.loganalytics\.(azure\.com|us|azure\.cn))$/;
      for (const source of directives['connect-src'] ?? [])
        expect(source === "'self'" || allowed.test(source), source).toBe(true);
      // Every script is an external file of the app itself.
      for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
        expect(tag, 'inline script').toMatch(/<script\b[^>]*\bsrc="\.\/assets\/[^"]+"[^>]*><\/script>/);
      }
    });
  }
});

test.describe('security headers a meta tag cannot carry', () => {
  for (const [dir, origin] of [
    ['dist', 'http://localhost:4174'],
    ['dist-demo', 'http://localhost:4173'],
  ] as const) {
    test(`${dir}: the served build sends them, as its staticwebapp.config.json declares them`, async ({
      request,
    }) => {
      const swa = JSON.parse(readFileSync(join(dir, 'staticwebapp.config.json'), 'utf8')) as {
        globalHeaders: Record<string, string>;
        routes: { route: string; headers: Record<string, string> }[];
      };
      const declared = swa.globalHeaders;
      expect(declared['Content-Security-Policy']).toContain("frame-ancestors 'none'");
      expect(declared['X-Frame-Options']).toBe('DENY');
      expect(declared['X-Content-Type-Options']).toBe('nosniff');
      expect(declared['Referrer-Policy']).toBe('no-referrer');
      expect(declared['Strict-Transport-Security']).toMatch(/^max-age=31536000/);
      // Only MSAL's silent-renewal page may be framed, and only by the app itself.
      const renewal = swa.routes.find((r) => r.route === '/auth-redirect.html')!.headers;
      expect(renewal['Content-Security-Policy']).toContain("frame-ancestors 'self'");
      expect(renewal['X-Frame-Options']).toBe('SAMEORIGIN');
      for (const [path, expected] of [
        ['/', declared],
        ['/index.html', declared],
        ['/auth-redirect.html', renewal],
      ] as const) {
        const response = await request.get(`${origin}${path}`);
        expect(response.ok(), path).toBe(true);
        const headers = response.headers();
        for (const [name, value] of Object.entries(expected))
          expect(headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
      }
      // The meta tag and the header say the same, but for frame-ancestors, which only a header can carry.
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
      expect(`${meta}; frame-ancestors 'none'`).toBe(declared['Content-Security-Policy']);
    });
  }
});
