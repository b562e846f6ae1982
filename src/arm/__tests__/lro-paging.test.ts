import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { armRequest } from '../client';
import { completeLongRunning } from '../lro';
import { listAll } from '../paging';
import { vaultsGetDeleted, vaultsListDeleted, vaultsPurgeDeleted } from '../operations/vaults';
import { contoso } from '../../mocks/scenarios/contoso';
import { sleeps, testTwin } from '../../testing/twin';

const base = 'https://management.azure.com/subscriptions/s1/providers/Microsoft.Test';
const server = testTwin.server;

describe('long-running operations', () => {
  it('follows Azure-AsyncOperation with Retry-After, then reads the final resource', async () => {
    let polls = 0;
    server.use(
      http.put(`${base}/things/a`, () =>
        HttpResponse.json(
          { properties: { provisioningState: 'Accepted' } },
          { status: 201, headers: { 'Azure-AsyncOperation': `${base}/ops/1`, 'Retry-After': '3' } },
        ),
      ),
      http.get(`${base}/ops/1`, () =>
        HttpResponse.json(
          { status: ++polls < 3 ? 'InProgress' : 'Succeeded' },
          { headers: { 'Retry-After': '2' } },
        ),
      ),
      http.get(`${base}/things/a`, () =>
        HttpResponse.json({ name: 'a', properties: { provisioningState: 'Succeeded' } }),
      ),
    );
    const first = await armRequest({
      method: 'PUT',
      path: '/subscriptions/s1/providers/Microsoft.Test/things/a',
      body: {},
    });
    const final = await completeLongRunning<{ name: string }>(first, {
      finalPath: '/subscriptions/s1/providers/Microsoft.Test/things/a',
    });
    expect(final).toMatchObject({ name: 'a' });
    expect(sleeps).toEqual([3000, 2000, 2000]);
  });

  it('turns Failed and Canceled into errors with Azure’s message', async () => {
    server.use(
      http.put(
        `${base}/things/b`,
        () => new HttpResponse(null, { status: 202, headers: { 'Azure-AsyncOperation': `${base}/ops/2` } }),
      ),
      http.get(`${base}/ops/2`, () =>
        HttpResponse.json({ status: 'Failed', error: { code: 'QuotaExceeded', message: 'Quota exceeded.' } }),
      ),
      http.put(
        `${base}/things/c`,
        () => new HttpResponse(null, { status: 202, headers: { 'Azure-AsyncOperation': `${base}/ops/3` } }),
      ),
      http.get(`${base}/ops/3`, () => HttpResponse.json({ status: 'Canceled' })),
    );
    const b = await armRequest({
      method: 'PUT',
      path: '/subscriptions/s1/providers/Microsoft.Test/things/b',
      body: {},
    });
    await expect(completeLongRunning(b, {})).rejects.toMatchObject({
      code: 'QuotaExceeded',
      message: 'Quota exceeded.',
    });
    const c = await armRequest({
      method: 'PUT',
      path: '/subscriptions/s1/providers/Microsoft.Test/things/c',
      body: {},
    });
    await expect(completeLongRunning(c, {})).rejects.toMatchObject({ code: 'OperationCanceled' });
  });

  it('falls back to Location, then to provisioningState', async () => {
    let locationPolls = 0;
    let statePolls = 0;
    server.use(
      http.post(
        `${base}/things/d/run`,
        () => new HttpResponse(null, { status: 202, headers: { Location: `${base}/results/d` } }),
      ),
      http.get(`${base}/results/d`, () =>
        ++locationPolls < 2 ? new HttpResponse(null, { status: 202 }) : HttpResponse.json({ done: true }),
      ),
      http.put(`${base}/things/e`, () =>
        HttpResponse.json({ properties: { provisioningState: 'Updating' } }, { status: 201 }),
      ),
      http.get(`${base}/things/e`, () =>
        HttpResponse.json({ properties: { provisioningState: ++statePolls < 2 ? 'Updating' : 'Succeeded' } }),
      ),
    );
    const d = await armRequest({
      method: 'POST',
      path: '/subscriptions/s1/providers/Microsoft.Test/things/d/run',
    });
    await expect(completeLongRunning(d, {})).resolves.toEqual({ done: true });
    const e = await armRequest({
      method: 'PUT',
      path: '/subscriptions/s1/providers/Microsoft.Test/things/e',
      body: {},
    });
    await expect(
      completeLongRunning(e, { finalPath: '/subscriptions/s1/providers/Microsoft.Test/things/e' }),
    ).resolves.toMatchObject({
      properties: { provisioningState: 'Succeeded' },
    });
  });

  it('purges a deleted vault through the twin’s 202 + Location, and refuses a purge-protected one', async () => {
    testTwin.control.otherAdmin(
      'DELETE',
      `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.KeyVault/vaults/kv-contoso-legacy?api-version=2025-05-01`,
    );
    testTwin.control.otherAdmin(
      'DELETE',
      `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.KeyVault/vaults/kv-contoso-locked?api-version=2025-05-01`,
    );
    const deleted = await vaultsListDeleted(contoso.keysSub);
    expect(deleted.map((d) => d.name).sort()).toEqual(['kv-contoso-locked']);
    // kv-contoso-legacy had no soft delete: it is gone for good, as in Azure.
    await expect(
      vaultsPurgeDeleted(contoso.keysSub, 'westeurope', 'kv-contoso-locked'),
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/DeletedVaultPurge/) });
    testTwin.control.otherAdmin(
      'PATCH',
      `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.KeyVault/vaults/kv-contoso-cmk?api-version=2025-05-01`,
      {},
    );
    testTwin.control.otherAdmin(
      'DELETE',
      `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.KeyVault/vaults/kv-contoso-cmk?api-version=2025-05-01`,
    );
    await expect(vaultsGetDeleted(contoso.keysSub, 'westeurope', 'kv-contoso-cmk')).resolves.toMatchObject({
      properties: { purgeProtectionEnabled: false },
    });
    await vaultsPurgeDeleted(contoso.keysSub, 'westeurope', 'kv-contoso-cmk');
    await expect(vaultsGetDeleted(contoso.keysSub, 'westeurope', 'kv-contoso-cmk')).rejects.toMatchObject({
      status: 404,
    });
  });
});

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
