import { describe, expect, it } from 'vitest';
import { contoso, contosoVaultId } from '../scenarios/contoso';
import { resetTwin } from '../../testing/twin';
import { advance, arm } from './helpers';

const kvPath = contosoVaultId;

describe('Resource Graph', () => {
  // Each query a second after the last: well within Resource Graph's quota (15 queries per 5 seconds).
  const graph = (body: unknown) => {
    advance(1000);
    return arm('POST', '/providers/Microsoft.ResourceGraph/resources', body, '2024-04-01');
  };
  const console =
    "resources | where type in~ ('microsoft.botservice/botservices', 'microsoft.keyvault/vaults') | project id, location | order by id asc";
  type Page = {
    totalRecords: number;
    count: number;
    resultTruncated: string;
    $skipToken?: string;
    data: { id: string }[];
  };

  it('throttles past its quota as Resource Graph does: a 429 with the quota headers, served again once it resets', async () => {
    resetTwin('fresh');
    const ask = () =>
      arm(
        'POST',
        '/providers/Microsoft.ResourceGraph/resources',
        { query: 'resources | take 1' },
        '2024-04-01',
      );
    advance(10_000); // past any window an earlier query opened
    for (let i = 14; i >= 0; i--) {
      const ok = await ask();
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-ms-user-quota-remaining')).toBe(String(i));
    }
    const r = await ask();
    expect(r.status).toBe(429);
    expect(r.body.error).toMatchObject({ code: 'RateLimiting', details: [{ code: 'RateLimiting' }] });
    expect(r.headers.get('x-ms-user-quota-remaining')).toBe('0');
    const resets = r.headers.get('x-ms-user-quota-resets-after') ?? '';
    expect(resets).toMatch(/^00:00:0[1-5]$/);
    advance(Number(resets.slice(6)) * 1000);
    expect((await ask()).status).toBe(200);
  });

  it('pages a tenant through $skipToken: the same rows as each subscription’s list, ordered by id', async () => {
    resetTwin('large');
    const subs = (
      (await arm('GET', '/subscriptions')).body as { value: { subscriptionId: string }[] }
    ).value.map((s) => s.subscriptionId);
    const rows: { id: string; location?: string }[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await graph({
        subscriptions: subs,
        query: console,
        options: { $top: 1000, $skipToken: token },
      });
      expect(r.status).toBe(200);
      const page = r.body as Page;
      expect(page.count).toBe(page.data.length);
      expect(page.resultTruncated).toBe('false');
      rows.push(...page.data);
      token = page.$skipToken;
      pages++;
    } while (token);
    expect(pages).toBe(Math.ceil(rows.length / 1000));
    // With a token, $skip sets the offset, so each page can be read straight away.
    const first = (await graph({ subscriptions: subs, query: console, options: { $top: 1000 } }))
      .body as Page;
    const third = (
      await graph({
        subscriptions: subs,
        query: console,
        options: { $skipToken: first.$skipToken, $skip: 2000 },
      })
    ).body as Page;
    // Without $top, a page holds 1,000 rows (the spec's default).
    expect(third.data.map((r) => r.id)).toEqual(rows.slice(2000, 3000).map((r) => r.id));
    expect(rows.length).toBeGreaterThan(6000);
    expect(Object.keys(rows[0]!).sort()).toEqual(['id', 'location']);
    const ids = rows.map((r) => r.id.toLowerCase());
    expect(ids).toEqual([...ids].sort());
    // Two subscriptions checked against Resources_List, row for row.
    for (const sub of [subs[1]!, subs[2]!]) {
      const list = (
        await arm(
          'GET',
          `/subscriptions/${sub}/resources?$filter=${encodeURIComponent("resourceType eq 'Microsoft.BotService/botServices' or resourceType eq 'Microsoft.KeyVault/vaults'")}`,
        )
      ).body as { value: { id: string }[]; nextLink?: string };
      expect(list.nextLink).toBeUndefined();
      const inGraph = ids.filter((id) => id.startsWith(`/subscriptions/${sub.toLowerCase()}/`));
      expect(inGraph).toEqual(list.value.map((r) => r.id.toLowerCase()).sort());
    }
  });

  it('answers a tenant query (no subscriptions given) over the subscriptions the caller can list', async () => {
    resetTwin('large');
    const subs = (
      (await arm('GET', '/subscriptions')).body as { value: { subscriptionId: string }[] }
    ).value.map((s) => s.subscriptionId);
    const tenant = (await graph({ query: console, options: { $top: 1000 } })).body as Page;
    const named = (await graph({ subscriptions: subs, query: console, options: { $top: 1000 } }))
      .body as Page;
    expect(tenant.totalRecords).toBe(named.totalRecords);
    expect(tenant.data).toEqual(named.data);
  });

  it('leaves out subscriptions the caller cannot see, and types it was not asked for', async () => {
    const r = await graph({
      subscriptions: [contoso.keysSub, '00000000-0000-0000-0000-000000000001'],
      query: "resources | where type =~ 'microsoft.keyvault/vaults' | project id, name, type",
      options: { resultFormat: 'objectArray' },
    });
    const page = r.body as Omit<Page, 'data'> & { data: { id: string; type: string }[] };
    expect(r.status).toBe(200);
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((d) => d.type === 'microsoft.keyvault/vaults')).toBe(true);
    expect(page.data.map((d) => d.id.toLowerCase())).toContain(kvPath.toLowerCase());
  });

  it('cannot page an answer without ids: it says the answer was cut', async () => {
    resetTwin('large');
    const subs = (
      (await arm('GET', '/subscriptions')).body as { value: { subscriptionId: string }[] }
    ).value.map((s) => s.subscriptionId);
    const page = (
      await graph({ subscriptions: subs, query: 'resources | project name', options: { $top: 10 } })
    ).body as Page;
    expect(page).toMatchObject({ count: 10, resultTruncated: 'true' });
    expect(page.$skipToken).toBeUndefined();
  });

  it('refuses what it cannot run, with Resource Graph’s error codes, rather than guessing', async () => {
    const base = { subscriptions: [contoso.keysSub] };
    const syntax = await graph({ ...base, query: "resources | where name == 'kv" });
    expect(syntax.status).toBe(400);
    expect(syntax.body.error).toMatchObject({
      code: 'BadRequest',
      details: [
        { code: 'InvalidQuery' },
        { code: 'ParserFailure', message: 'ParserFailure', line: 1, characterPositionInLine: 26, token: "'" },
      ],
    });
    // Operators outside the twin's subset are refused with the token at fault, never answered wrongly.
    for (const [query, token] of [
      ['resources | mv-expand properties.subnets', 'mv-expand'],
      ['resources | join (resourcecontainers) on subscriptionId', 'join'],
      ['resources | where hash(name) == 1', 'hash'],
    ]) {
      const r = await graph({ ...base, query });
      expect([r.status, r.body.error.details[1].code, r.body.error.details[1].token]).toEqual([
        400,
        'ParserFailure',
        token,
      ]);
    }
    const table = await graph({ ...base, query: 'appserviceresources | take 1' });
    expect(table.body.error.details[1]).toEqual({
      code: 'DisallowedLogicalTableName',
      message: 'Table appserviceresources is invalid, unsupported or disallowed.',
    });
    for (const options of [
      { $top: 0 },
      { $top: 1001 },
      { resultFormat: 'table' },
      { $skipToken: 'not-a-token' },
    ]) {
      expect((await graph({ ...base, query: console, options })).status).toBe(400);
    }
    expect((await graph({ ...base })).status).toBe(400);
    // A token belongs to its query and subscriptions.
    resetTwin('large');
    const subs = (
      (await arm('GET', '/subscriptions')).body as { value: { subscriptionId: string }[] }
    ).value.map((s) => s.subscriptionId);
    const first = (await graph({ subscriptions: subs, query: console, options: { $top: 5 } })).body as Page;
    const other = await graph({
      subscriptions: subs.slice(1),
      query: console,
      options: { $skipToken: first.$skipToken },
    });
    expect(other.status).toBe(400);
  });
});
