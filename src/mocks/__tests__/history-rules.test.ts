import { beforeEach, describe, expect, it } from 'vitest';
import { contoso, contosoBotId, contosoVaultId, contosoWorkspaceId } from '../scenarios/contoso';
import { parseActivityFilter } from '../routes/activity-log';
import { parseUsageQuery } from '../routes/log-analytics';
import { clientTypeOf } from '../server/actors';
import { control, resetTwin, testTwin } from '../../testing/twin';
import { advance, arm, world } from './helpers';
import { assumptions } from '../store/assumptions';

const day = 24 * 60 * 60 * 1000;
const now = () => testTwin.managed.twin.clock.now();
const iso = (ms: number) => new Date(ms).toISOString();
const kv = '2025-05-01';

function activity(sub: string, filter: string | undefined) {
  const q = filter === undefined ? '' : `&$filter=${encodeURIComponent(filter)}`;
  return arm(
    'GET',
    `/subscriptions/${sub}/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01${q}`,
  );
}

function changes(ids: string[]) {
  return arm(
    'POST',
    '/providers/Microsoft.ResourceGraph/resources',
    {
      subscriptions: [contoso.keysSub, contoso.botsSub],
      query: [
        'resourcechanges',
        '| extend changeTime = todatetime(properties.changeAttributes.timestamp), targetResourceId = tostring(properties.targetResourceId)',
        `| where targetResourceId in~ (${ids.map((i) => `'${i}'`).join(', ')})`,
        '| where changeTime > ago(14d)',
        '| order by changeTime desc',
        '| project id, changeTime, targetResourceId, changeType = tostring(properties.changeType), changedBy = tostring(properties.changeAttributes.changedBy), changedByType = tostring(properties.changeAttributes.changedByType), clientType = tostring(properties.changeAttributes.clientType), operation = tostring(properties.changeAttributes.operation), correlationId = tostring(properties.changeAttributes.correlationId), changes = properties.changes',
      ].join('\n'),
    },
    '2024-04-01',
  );
}

beforeEach(() => resetTwin('fresh'));

describe('Azure’s records of every write', () => {
  it('a write appends Started and Succeeded events and a change record with the diff, under the caller’s name', async () => {
    const r = await fetch(`https://management.azure.com${contosoVaultId}?api-version=${kv}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'AZURECLI/2.67.0',
        'x-ms-correlation-request-id': 'corr-1',
      },
      body: JSON.stringify({ properties: { enablePurgeProtection: true } }),
    });
    expect(r.status).toBe(200);
    const read = async () =>
      (
        await activity(
          contoso.keysSub,
          `eventTimestamp ge '${iso(now() - day)}' and correlationId eq 'corr-1'`,
        )
      ).body.value;
    // The Activity log shows an operation a few minutes after it ran.
    expect(await read()).toEqual([]);
    advance(assumptions.history.activityLogDelayMs);
    const events = await read();
    expect(events.map((e: { status: { value: string } }) => e.status.value)).toEqual([
      'Succeeded',
      'Started',
    ]);
    expect(events[0]).toMatchObject({
      caller: 'avery@contoso.onmicrosoft.com',
      operationName: { value: 'Microsoft.KeyVault/vaults/write' },
      resourceId: contosoVaultId,
      resourceGroupName: contoso.keysRg,
      httpRequest: { method: 'PATCH', clientIpAddress: '203.0.113.42' },
      claims: { 'http://schemas.microsoft.com/identity/claims/objectidentifier': contoso.user.objectId },
    });
    const rows = (await changes([contosoVaultId])).body.data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      changeType: 'Update',
      changedBy: 'avery@contoso.onmicrosoft.com',
      clientType: 'Azure CLI',
      correlationId: 'corr-1',
      changes: { 'properties.enablePurgeProtection': { previousValue: 'null', newValue: 'true' } },
    });
  });

  it('a refused write is a Failed event with Azure’s error, and no change record', async () => {
    const r = await arm('PATCH', `${contosoVaultId}?api-version=${kv}`, {
      properties: { enablePurgeProtection: false },
    });
    expect(r.status).toBe(400);
    advance(assumptions.history.activityLogDelayMs);
    const events = (await activity(contoso.keysSub, `eventTimestamp ge '${iso(now() - day)}'`)).body.value;
    expect(events[0].status.value).toBe('Failed');
    expect(JSON.parse(events[0].properties.statusMessage).error.code).toBe(r.body.error.code);
    expect((await changes([contosoVaultId])).body.data).toEqual([]);
  });

  it('another admin’s change is theirs: Jordan with the Azure CLI', async () => {
    resetTwin('encrypted');
    expect(control.runPreset('rotate-with-cli')).toMatch(/^Jordan rotated contoso-support-bot/);
    const [latest] = (await changes([contosoBotId])).body.data;
    expect(latest).toMatchObject({
      changedBy: 'jordan@contoso.onmicrosoft.com',
      clientType: 'Azure CLI',
      changedByType: 'User',
    });
    expect(Object.keys(latest.changes)).toEqual(['properties.cmekKeyVaultUrl']);
  });

  it('the scenarios come with a past: a CLI rotation six days ago, a colleague’s purge protection, failed unwraps', async () => {
    resetTwin('encrypted');
    const bot = (await changes([contosoBotId])).body.data;
    expect(
      bot.map((r: { changedBy: string; clientType: string }) => `${r.changedBy} ${r.clientType}`),
    ).toEqual(['jordan@contoso.onmicrosoft.com Azure CLI', 'avery@contoso.onmicrosoft.com Unknown']);
    expect(Math.round((now() - Date.parse(bot[0].changeTime)) / 60_000)).toBe((6 * day) / 60_000);
    const vault = (await changes([contosoVaultId])).body.data;
    expect(vault[0]).toMatchObject({
      changedBy: 'priya@contoso.onmicrosoft.com',
      clientType: 'Azure Portal',
    });
    resetTwin('revoked');
    const failed = [...world().auditRows.values()].filter((r) => r.status === 403);
    expect(failed.reduce((n, r) => n + r.calls, 0)).toBe(48);
  });

  it('change records are kept 14 days', async () => {
    resetTwin('encrypted');
    advance(5 * day); // Avery's change is 16 days old now, Jordan's 11
    const rows = (await changes([contosoBotId])).body.data;
    expect(rows.map((r: { changedBy: string }) => r.changedBy)).toEqual(['jordan@contoso.onmicrosoft.com']);
  });

  it('recognises the Azure CLI and PowerShell by their User-Agent, and calls anything else Unknown', () => {
    expect(clientTypeOf('AZURECLI/2.67.0 (DEB) azsdk-python-core/1.31.0')).toBe('Azure CLI');
    expect(clientTypeOf('AzurePowershell/v12.0.0')).toBe('Azure PowerShell');
    expect(clientTypeOf('Mozilla/5.0')).toBe('Unknown');
  });
});

describe('the Activity log’s filter', () => {
  const t = Date.UTC(2026, 10, 1);
  it('accepts its documented forms', () => {
    expect(parseActivityFilter(`eventTimestamp ge '${iso(t - day)}'`, t)).toMatchObject({ to: Infinity });
    expect(
      parseActivityFilter(
        `eventTimestamp ge '${iso(t - day)}' and eventTimestamp le '${iso(t)}' and resourceUri eq '${contosoVaultId}'`,
        t,
      ),
    ).toMatchObject({ to: t, clause: { field: 'resourceuri', value: contosoVaultId.toLowerCase() } });
  });

  it('refuses any other syntax, a missing filter and a start beyond 90 days', async () => {
    expect((await activity(contoso.keysSub, undefined)).status).toBe(400);
    expect(
      (await activity(contoso.keysSub, `eventTimestamp ge '${iso(now() - day)}' or 1 eq 1`)).body.error.code,
    ).toBe('BadRequest');
    expect((await activity(contoso.keysSub, `status eq 'Failed'`)).status).toBe(400);
    expect(
      (await activity(contoso.keysSub, `eventTimestamp ge '${iso(now() - 91 * day)}'`)).body.error.message,
    ).toMatch(/90 days/);
  });

  it('pages by nextLink', async () => {
    for (let i = 0; i < 30; i++)
      await arm('PATCH', `${contosoVaultId}?api-version=${kv}`, { tags: { n: String(i) } });
    advance(assumptions.history.activityLogDelayMs);
    const first = (await activity(contoso.keysSub, `eventTimestamp ge '${iso(now() - day)}'`)).body;
    expect(first.value).toHaveLength(50);
    const next = await (await fetch(first.nextLink, { headers: { authorization: 'Bearer x' } })).json();
    expect(next.value).toHaveLength(10);
    expect(next.nextLink).toBeUndefined();
  });
});

describe('diagnostic settings and the audit log', () => {
  const path = `${contosoVaultId}/providers/microsoft.insights/diagnosticSettings`;
  const v = '2021-05-01-preview';

  it('validates a setting: a sink, a known category, an existing workspace, no reused sink', async () => {
    expect(
      (
        await arm('PUT', `${path}/a?api-version=${v}`, {
          properties: { logs: [{ category: 'AuditEvent', enabled: true }] },
        })
      ).body.error.message,
    ).toMatch(/data sink/);
    expect(
      (
        await arm('PUT', `${path}/a?api-version=${v}`, {
          properties: { workspaceId: contosoWorkspaceId, logs: [{ category: 'Nope', enabled: true }] },
        })
      ).body.error.message,
    ).toMatch(/Category 'Nope'/);
    expect(
      (
        await arm('PUT', `${path}/a?api-version=${v}`, {
          properties: { workspaceId: `${contosoWorkspaceId}x`, logs: [] },
        })
      ).status,
    ).toBe(400);
    const ok = {
      properties: { workspaceId: contosoWorkspaceId, logs: [{ category: 'AuditEvent', enabled: true }] },
    };
    expect((await arm('PUT', `${path}/a?api-version=${v}`, ok)).status).toBe(200);
    expect((await arm('PUT', `${path}/b?api-version=${v}`, ok)).body.error.message).toMatch(
      /already used in diagnostic setting 'a'/,
    );
    expect(
      (await arm('GET', `${path}?api-version=${v}`)).body.value.map((s: { name: string }) => s.name),
    ).toEqual(['a']);
    expect((await arm('DELETE', `${path}/a?api-version=${v}`)).status).toBe(200);
    expect((await arm('GET', `${path}?api-version=${v}`)).body.value).toEqual([]);
  });

  it('logs Bot Service’s unwraps hourly once AuditEvent goes to a workspace, and serves them to the console’s query', async () => {
    resetTwin('encrypted');
    const query = (await import('../../domain/history/key-usage-query')).keyUsageQuery({
      vaultId: contosoVaultId,
      keyUrl: 'https://kv-contoso-cmk.vault.azure.net/keys/bot-cmk-key',
      appId: '27a762be-14e7-4f92-899c-151877d6d497',
      days: 30,
    });
    const ask = async () =>
      (
        await fetch(
          `https://api.loganalytics.azure.com/v1/workspaces/${contoso.securityWorkspace.customerId}/query`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
            body: JSON.stringify({ query, timespan: 'P30D' }),
          },
        )
      ).json();
    const total = (r: { tables: { rows: unknown[][] }[] }) =>
      r.tables[0]!.rows.reduce((n, row) => n + Number(row[9]), 0);
    const before = total(await ask());
    advance(3 * 60 * 60 * 1000);
    expect(total(await ask())).toBe(before + 3);
    expect(parseUsageQuery(query)).toMatchObject({ days: 30, vaultId: contosoVaultId });
    expect(() => parseUsageQuery('AZKVAuditLogs | take 10')).toThrow();
  });

  it('answers Log Analytics’ own errors: an unknown workspace, a query it does not run', async () => {
    const post = (id: string, query: string) =>
      fetch(`https://api.loganalytics.azure.com/v1/workspaces/${id}/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
    expect((await (await post('00000000-0000-4000-8000-000000000000', 'x')).json()).error.code).toBe(
      'WorkspaceNotFoundError',
    );
    expect(
      (await (await post(contoso.securityWorkspace.customerId, 'AzureActivity | take 1')).json()).error.code,
    ).toBe('BadArgumentError');
  });
});
