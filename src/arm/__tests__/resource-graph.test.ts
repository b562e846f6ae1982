import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { managedResourcesQuery, resourceGraphQuery } from '../operations/resource-graph';
import { contoso, contosoBotId, contosoVaultId } from '../../mocks/scenarios/contoso';
import { control, sleeps, testTwin } from '../../testing/twin';

const graphUrl = 'https://management.azure.com/providers/Microsoft.ResourceGraph/resources';

describe('Resource Graph queries', () => {
  /** A stand-in Resource Graph over `rows` numbered rows, `size` to a page, whose token is the query's context. */
  function pagedGraph(rows: number, size: number, totalRecords = rows) {
    const bodies: { subscriptions?: string[]; query: string; options: Record<string, unknown> }[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    testTwin.server.use(
      http.post(graphUrl, async ({ request }) => {
        const body = (await request.json()) as (typeof bodies)[number];
        bodies.push(body);
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        const skip = Number(body.options.$skip ?? 0);
        const data = Array.from({ length: Math.max(0, Math.min(size, rows - skip)) }, (_, i) => skip + i);
        return HttpResponse.json({
          totalRecords,
          count: data.length,
          resultTruncated: 'false',
          data,
          ...(skip + size < rows ? { $skipToken: 'query-context' } : {}),
        });
      }),
    );
    return { bodies, mostInFlight: () => mostInFlight };
  }

  it('read the first page, then the rest with its $skipToken and a $skip each, a few at a time, in order', async () => {
    const graph = pagedGraph(23, 2);
    const previews: [unknown[], number][] = [];
    await expect(
      resourceGraphQuery(['s1', 's2'], 'resources', undefined, (rows, total) => previews.push([rows, total])),
    ).resolves.toEqual(Array.from({ length: 23 }, (_, i) => i));
    // The first page is previewed once, with the total Resource Graph counted.
    expect(previews).toEqual([[[0, 1], 23]]);
    const { bodies } = graph;
    expect(bodies).toHaveLength(12);
    for (const b of bodies) {
      expect(b).toMatchObject({ subscriptions: ['s1', 's2'], query: 'resources' });
      expect(b.options).toMatchObject({ resultFormat: 'objectArray', $top: 1000 });
    }
    expect(bodies[0]!.options).not.toHaveProperty('$skipToken');
    expect(bodies.slice(1).every((b) => b.options.$skipToken === 'query-context')).toBe(true);
    expect(
      bodies
        .slice(1)
        .map((b) => b.options.$skip)
        .sort((a, b) => Number(a) - Number(b)),
    ).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]);
    expect(graph.mostInFlight()).toBeGreaterThan(1);
    expect(graph.mostInFlight()).toBeLessThanOrEqual(6);
  });

  it('go on page by page when rows appeared after the first page counted them', async () => {
    const graph = pagedGraph(7, 2, 3);
    await expect(resourceGraphQuery(['s1'], 'resources')).resolves.toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(graph.bodies.map((b) => b.options.$skip)).toEqual([undefined, 2, 4, 6]);
  });

  it('ask for the whole tenant by leaving the subscriptions out', async () => {
    const bodies: unknown[] = [];
    testTwin.server.use(
      http.post(graphUrl, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ totalRecords: 1, count: 1, resultTruncated: 'false', data: [1] });
      }),
    );
    await expect(resourceGraphQuery('tenant', 'resources')).resolves.toEqual([1]);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).not.toHaveProperty('subscriptions');
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
