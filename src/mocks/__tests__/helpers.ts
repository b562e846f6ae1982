import { testTwin } from '../../testing/twin';

export const base = 'https://management.azure.com';

/** Plain fetch, no console code: the twin serves any Node HTTP client. */
export async function arm(method: string, path: string, body?: unknown, apiVersion?: string) {
  const url = new URL(base + path);
  if (apiVersion !== '' && !url.searchParams.has('api-version'))
    url.searchParams.set('api-version', apiVersion ?? guessVersion(path));
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

function guessVersion(path: string): string {
  const p = path.toLowerCase().split('?')[0] as string;
  if (/^\/subscriptions\/[^/]+\/providers(\/[^/]+(\/(register|unregister))?)?$/.test(p)) return '2025-04-01';
  if (p.includes('microsoft.authorization')) return '2022-04-01';
  if (p.includes('microsoft.botservice/botservices')) return '2022-09-15';
  if (p.includes('microsoft.keyvault/')) return '2025-05-01';
  if (/^\/subscriptions(\/[^/]+)?$/.test(p) || p === '/tenants') return '2022-12-01';
  return '2025-04-01';
}

export const hours = (n: number) => n * 60 * 60 * 1000;
export const advance = (ms: number) => testTwin.managed.twin.clock.advance(ms);
export const world = () => testTwin.managed.twin.world;
