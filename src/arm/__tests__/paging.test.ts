import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { listAll } from '../paging';
import { testTwin } from '../../testing/twin';

const base = 'https://management.azure.com/subscriptions/s1/providers/Microsoft.Test';
const server = testTwin.server;

describe('paging', () => {
  it('follows nextLink to the end', async () => {
    server.use(
      http.get(`${base}/items`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page') ?? '0');
        return HttpResponse.json({
          value: [page * 2, page * 2 + 1],
          nextLink: page < 2 ? `${base}/items?page=${page + 1}` : null,
        });
      }),
    );
    await expect(
      listAll<number>('/subscriptions/s1/providers/Microsoft.Test/items', { apiVersion: '1' }),
    ).resolves.toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('fails the whole list when one page fails (no silent partial list)', async () => {
    server.use(
      http.get(`${base}/broken`, ({ request }) =>
        new URL(request.url).searchParams.has('page')
          ? HttpResponse.json(
              { error: { code: 'Forbidden', message: 'No access to page 2.' } },
              { status: 403 },
            )
          : HttpResponse.json({ value: [1], nextLink: `${base}/broken?page=1` }),
      ),
    );
    await expect(listAll('/subscriptions/s1/providers/Microsoft.Test/broken')).rejects.toMatchObject({
      status: 403,
      message: 'No access to page 2.',
    });
  });

  it('pages the twin’s own lists (keys come 25 to a page in the large scenario)', async () => {
    testTwin.managed.reset('large', Date.UTC(2026, 10, 1));
    const subs = await listAll<{ subscriptionId: string }>('/subscriptions', { apiVersion: '2022-12-01' });
    expect(subs.length).toBe(50);
  });
});
