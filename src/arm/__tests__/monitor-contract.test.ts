import { MonitorClient } from '@azure/arm-monitor';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { describe, expect, it } from 'vitest';
import { contoso, contosoBotId, contosoVaultId, contosoWorkspaceId } from '../../mocks/scenarios/contoso';
import { resetTwin, testTwin } from '../../testing/twin';
import { activityLogFilterText, activityLogsListPage } from '../operations/activity-log';
import {
  diagnosticSettingsCategoryList,
  diagnosticSettingsCreateOrUpdate,
  diagnosticSettingsDelete,
  diagnosticSettingsList,
} from '../operations/diagnostic-settings';
import { logAnalyticsQuery, workspacesGet } from '../operations/log-analytics';
import { resourceChangesQuery, workspacesQuery } from '../operations/resource-changes';
import { testCredential } from '../../testing/jwt';

const day = 24 * 60 * 60 * 1000;
const credential = testCredential;
const now = () => testTwin.managed.twin.clock.now();

describe('the Activity log filter Keyguard builds', () => {
  const from = new Date(Date.UTC(2026, 10, 1));
  it('is one of the forms the service accepts', () => {
    expect(activityLogFilterText({ from, scope: {} })).toBe("eventTimestamp ge '2026-11-01T00:00:00.000Z'");
    expect(
      activityLogFilterText({
        from,
        to: new Date(from.getTime() + day),
        scope: { resourceGroupName: 'rg-1' },
      }),
    ).toBe(
      "eventTimestamp ge '2026-11-01T00:00:00.000Z' and eventTimestamp le '2026-11-02T00:00:00.000Z' and resourceGroupName eq 'rg-1'",
    );
  });
  it('cannot be made to say something else', () => {
    expect(() => activityLogFilterText({ from, scope: { resourceUri: "x' or '1' eq '1" } })).toThrow();
    expect(() => activityLogFilterText({ from, to: new Date(from.getTime() - 1), scope: {} })).toThrow();
  });
});

describe('Keyguard’s own calls, against the twin', () => {
  it('reads the Activity log, the change records and the audit log of the encrypted scenario', async () => {
    resetTwin('encrypted');
    const page = await activityLogsListPage(contoso.botsSub, {
      from: new Date(now() - 30 * day),
      scope: { resourceGroupName: contoso.botRg },
    });
    expect(page.events.some((e) => e.caller === 'jordan@contoso.onmicrosoft.com')).toBe(true);
    const rows = await resourceChangesQuery([contosoBotId]);
    expect(rows[0]).toMatchObject({ changedBy: 'jordan@contoso.onmicrosoft.com', clientType: 'Azure CLI' });
    const [setting] = await diagnosticSettingsList(contosoVaultId);
    expect(setting).toMatchObject({
      name: 'audit-to-log-analytics',
      properties: { workspaceId: contosoWorkspaceId },
    });
    expect((await diagnosticSettingsCategoryList(contosoVaultId)).map((c) => c.name)).toContain('AuditEvent');
    const workspace = await workspacesGet(contosoWorkspaceId);
    expect(workspace.properties.customerId).toBe(contoso.securityWorkspace.customerId);
    expect((await workspacesQuery('tenant')).map((w) => w.customerId)).toContain(
      contoso.securityWorkspace.customerId,
    );
    const { keyUsageQuery } = await import('../../domain/history/key-usage-query');
    const result = await logAnalyticsQuery(
      workspace.properties.customerId!,
      keyUsageQuery({ vaultId: contosoVaultId, appId: '27a762be-14e7-4f92-899c-151877d6d497', days: 30 }),
      'P30D',
    );
    expect(result.tables[0]!.rows.length).toBeGreaterThan(0);
  });

  it('writes and deletes a diagnostic setting', async () => {
    const created = await diagnosticSettingsCreateOrUpdate(contosoVaultId, 'keyguard-audit', {
      workspaceId: contosoWorkspaceId,
      logAnalyticsDestinationType: 'Dedicated',
      logs: [{ category: 'AuditEvent', enabled: true }],
    });
    expect(created.name).toBe('keyguard-audit');
    await diagnosticSettingsDelete(contosoVaultId, 'keyguard-audit');
    expect(await diagnosticSettingsList(contosoVaultId)).toEqual([]);
  });
});

describe('Azure’s own clients work against the twin', () => {
  it('@azure/arm-monitor 7.0.0 lists the Activity log and writes diagnostic settings (2017-05-01-preview)', async () => {
    resetTwin('encrypted');
    const client = new MonitorClient(credential, contoso.botsSub);
    const events = [];
    const filter = `eventTimestamp ge '${new Date(now() - 30 * day).toISOString()}' and resourceUri eq '${contosoBotId}'`;
    for await (const e of client.activityLogs.list(filter)) events.push(e);
    expect(events.map((e) => e.status?.value)).toEqual(['Succeeded', 'Started', 'Succeeded', 'Started']);
    expect(events[0]).toMatchObject({
      caller: 'jordan@contoso.onmicrosoft.com',
      operationName: { value: 'Microsoft.BotService/botServices/write' },
    });

    // The SDK puts the resource URI after the host itself: it is given without the leading slash.
    await client.diagnosticSettings.createOrUpdate(contosoVaultId.slice(1), 'sdk-setting', {
      storageAccountId: `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.Storage/storageAccounts/stauditcontoso`,
      logs: [{ category: 'AuditEvent', enabled: true }],
    });
    const listed = await client.diagnosticSettings.list(contosoVaultId.slice(1));
    expect((listed.value ?? []).map((s) => s.name).sort()).toEqual(['audit-to-log-analytics', 'sdk-setting']);
  });

  it('@azure/arm-resourcegraph 4.2.1 reads the resourcechanges table (2021-03-01)', async () => {
    resetTwin('encrypted');
    const client = new ResourceGraphClient(credential);
    const query = [
      'resourcechanges',
      '| extend changeTime = todatetime(properties.changeAttributes.timestamp), targetResourceId = tostring(properties.targetResourceId)',
      `| where targetResourceId in~ ('${contosoVaultId}')`,
      '| where changeTime > ago(14d)',
      '| order by changeTime desc',
      '| project id, changeTime, targetResourceId, changeType = tostring(properties.changeType), changedBy = tostring(properties.changeAttributes.changedBy), changedByType = tostring(properties.changeAttributes.changedByType), clientType = tostring(properties.changeAttributes.clientType), operation = tostring(properties.changeAttributes.operation), correlationId = tostring(properties.changeAttributes.correlationId), changes = properties.changes',
    ].join('\n');
    const answer = await client.resources({ subscriptions: [contoso.keysSub], query });
    expect(answer.data).toEqual([
      expect.objectContaining({
        changedBy: 'priya@contoso.onmicrosoft.com',
        changes: expect.objectContaining({
          'properties.enablePurgeProtection': expect.objectContaining({ newValue: 'true' }),
        }),
      }),
    ]);
  });
});
