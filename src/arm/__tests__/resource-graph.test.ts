import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { managedResourcesQuery, resourceGraphQuery } from '../operations/resource-graph';
import { contoso, contosoBotId, contosoVaultId } from '../../mocks/scenarios/contoso';
import { control, sleeps, testTwin } from '../../testing/twin';

const graphUrl = 'https://management.azure.com/providers/Microsoft.ResourceGraph/resources';

describe('Resource Graph queries', () => {
  it('follow $skipToken with the same query and subscriptions until the last page', async () => {
    const bodies: { subscriptions: string[]; query: string; options: Record<string, unknown> }[] = [];
    testTwin.server.use(
      http.post(graphUrl, async ({ request }) => {
        const body = (await request.json()) as (typeof bodies)[number];
        bodies.push(body);
        const page = Number(body.options.$skipToken ?? 0);
        return HttpResponse.json({
          totalRecords: 5,
          count: 2,
          resultTruncated: 'false',
          data: [page * 2, page * 2 + 1].filter((n) => n < 5),
          ...(page < 2 ? { $skipToken: String(page + 1) } : {}),
        });
      }),
    );
    await expect(resourceGraphQuery(['s1', 's2'], 'resources')).resolves.toEqual([0, 1, 2, 3, 4]);
    expect(bodies).toHaveLength(3);
    for (const b of bodies) {
      expect(b).toMatchObject({ subscriptions: ['s1', 's2'], query: 'resources' });
      expect(b.options).toMatchObject({ resultFormat: 'objectArray', $top: 1000 });
    }
    expect(bodies.map((b) => b.options.$skipToken)).toEqual([undefined, '1', '2']);
  });

  it('make no call for no subscriptions (Resource Graph would answer for all of them)', async () => {
    let calls = 0;
    testTwin.server.use(http.post(graphUrl, () => (calls++, HttpResponse.json({}))));
    await expect(resourceGraphQuery([], 'resources')).resolves.toEqual([]);
    expect(calls).toBe(0);
  });

  it('refuse an answer cut short without a way to fetch the rest', async () => {
    testTwin.server.use(
      http.post(graphUrl, () =>
        HttpResponse.json({ totalRecords: 3000, count: 1000, resultTruncated: 'true', data: [] }),
      ),
    );
    await expect(resourceGraphQuery(['s1'], 'resources')).rejects.toMatchObject({ code: 'ResultTruncated' });
  });

  it('are reads: a 500 or a dropped connection is retried like a GET', async () => {
    control.armFault({ kind: 'error500', method: 'POST', count: 1 });
    control.armFault({ kind: 'drop', method: 'POST', count: 1 });
    const rows = await managedResourcesQuery([contoso.botsSub, contoso.keysSub]);
    expect(sleeps).toHaveLength(2);
    const ids = rows.map((r) => r.id.toLowerCase());
    expect(ids).toContain(contosoBotId.toLowerCase());
    expect(ids).toContain(contosoVaultId.toLowerCase());
  });
});
