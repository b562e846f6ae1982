import { describe, expect, it } from 'vitest';
import type { DiagnosticSettingsResource } from '../../arm/types/monitor';
import { auditSettingAsCode, diagnosticSettingAsCode } from '../as-code/audit-as-code';
import { auditDestinations, freeSettingName } from '../audit-trail';
import { parseUsageRows, reasonOf, summarizeUsage, type UsageRow } from '../history/key-usage';
import { keyUsageQuery } from '../history/key-usage-query';
import { auditTrailCheck } from '../readiness/audit-check';

const vaultId = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1';
const ws = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log1';
const appId = '27a762be-14e7-4f92-899c-151877d6d497';

describe('the Key usage query', () => {
  it('reads both tables, for one app, one vault and every version of one key', () => {
    const q = keyUsageQuery({ vaultId, keyUrl: 'https://kv1.vault.azure.net/keys/k', appId, days: 30 });
    expect(q).toContain('(AZKVAuditLogs | where TimeGenerated > ago(30d)');
    expect(q).toContain(`identity_claim_appid_g == '${appId}'`);
    expect(q).toContain(
      `| where ResourceId =~ '${vaultId}' and Id startswith 'https://kv1.vault.azure.net/keys/k/'`,
    );
    expect(keyUsageQuery({ vaultId, appId, days: 7 })).toContain(`| where ResourceId =~ '${vaultId}'\n`);
  });

  it('refuses a value that would change the query’s meaning', () => {
    expect(() => keyUsageQuery({ vaultId: `${vaultId}' or 1==1 //`, appId, days: 1 })).toThrow();
    expect(() => keyUsageQuery({ vaultId, appId, days: 0 })).toThrow();
  });
});

const columns = [
  'Day',
  'OperationName',
  'Id',
  'HttpStatusCode',
  'ResultSignature',
  'CallerIpAddress',
  'IsAddressAuthorized',
  'IsAccessPolicyMatch',
  'IsRbacAuthorized',
  'Calls',
  'Last',
];
const k1 = 'https://kv1.vault.azure.net/keys/k/11111111111111111111111111111111';
const k2 = 'https://kv1.vault.azure.net/keys/k/22222222222222222222222222222222';

describe('reading the answer', () => {
  it('reads columns by name and skips rows it cannot read', () => {
    const rows = parseUsageRows({
      tables: [
        {
          name: 'PrimaryResult',
          columns: [...columns].reverse().map((name) => ({ name, type: 'string' })),
          rows: [
            [
              '2026-11-29T10:00:00Z',
              24,
              '',
              'true',
              'true',
              '20.42.73.18',
              'OK',
              200,
              k1,
              'KeyUnwrap',
              '2026-11-29T00:00:00Z',
            ],
            ['x', 1, '', '', '', '', '', 200, k1, 'KeyUnwrap', 'not a day'],
          ],
        },
      ],
    });
    expect(rows).toEqual([
      expect.objectContaining({
        keyId: k1,
        status: 200,
        calls: 24,
        addressAuthorized: true,
        rbacAuthorized: undefined,
      }),
    ]);
  });

  it('tells the firewall, missing access, an unusable key and a missing key apart', () => {
    const r = (p: Partial<UsageRow>): UsageRow => ({
      day: 0,
      operation: 'KeyUnwrap',
      keyId: k1,
      status: 403,
      signature: 'Forbidden',
      callerIp: '',
      calls: 1,
      last: 0,
      ...p,
    });
    expect(reasonOf(r({ status: 200 }))).toBeUndefined();
    expect(reasonOf(r({ addressAuthorized: false }))).toBe('firewall');
    expect(reasonOf(r({ addressAuthorized: true, accessPolicyMatch: false, rbacAuthorized: false }))).toBe(
      'access',
    );
    expect(reasonOf(r({ addressAuthorized: true, accessPolicyMatch: true }))).toBe('key-unusable');
    expect(reasonOf(r({}))).toBe('forbidden'); // AzureDiagnostics rows carry no flags
    expect(reasonOf(r({ status: 404 }))).toBe('not-found');
    expect(reasonOf(r({ status: 401 }))).toBe('unauthenticated');
  });

  it('sums per day, per version and per reason, newest first', () => {
    const day = 24 * 60 * 60 * 1000;
    const base = { operation: 'KeyUnwrap', signature: 'OK', callerIp: '20.42.73.18' };
    const s = summarizeUsage([
      { ...base, day: 0, keyId: k1, status: 200, calls: 24, last: day - 1 },
      { ...base, day: day, keyId: k2, status: 200, calls: 10, last: day + 10 },
      {
        ...base,
        day: day,
        keyId: k2,
        status: 403,
        signature: 'Forbidden',
        calls: 4,
        last: day + 20,
        addressAuthorized: false,
      },
    ]);
    expect(s.total).toEqual({ successes: 34, failures: 4 });
    expect(s.days.map((d) => [d.day, d.successes, d.failures])).toEqual([
      [day, 10, 4],
      [0, 24, 0],
    ]);
    expect(s.versions.map((v) => v.keyId)).toEqual([k2, k1]);
    expect(s.failures).toEqual([
      expect.objectContaining({ reason: 'firewall', calls: 4, callerIps: ['20.42.73.18'] }),
    ]);
    expect([s.lastSuccess, s.lastFailure]).toEqual([day + 10, day + 20]);
  });
});

const setting = (name: string, p: DiagnosticSettingsResource['properties']): DiagnosticSettingsResource => ({
  id: `${vaultId}/x/${name}`,
  name,
  properties: p,
});

describe('the audit trail', () => {
  it('finds every setting that keeps AuditEvent, by category or category group, and only enabled ones', () => {
    const d = auditDestinations([
      setting('a', {
        workspaceId: ws,
        logAnalyticsDestinationType: 'Dedicated',
        logs: [{ category: 'AuditEvent', enabled: true }],
      }),
      setting('b', { storageAccountId: 'sa', logs: [{ categoryGroup: 'allLogs', enabled: true }] }),
      setting('c', { workspaceId: ws, logs: [{ category: 'AuditEvent', enabled: false }] }),
    ]);
    expect(d.map((x) => [x.settingName, x.workspaceId, x.resourceSpecific])).toEqual([
      ['a', ws, true],
      ['b', undefined, false],
    ]);
  });

  it('picks a name no setting uses, so nothing is replaced', () => {
    expect(freeSettingName([setting('keyguard-audit', {}), setting('Keyguard-Audit-2', {})])).toBe(
      'keyguard-audit-3',
    );
  });

  it('is a recommendation: a warning with a fix when nothing keeps it, unknown when unreadable', () => {
    const blade = () => undefined;
    expect(auditTrailCheck({ value: [] }, blade)).toMatchObject({ state: 'warning', fix: 'audit-trail' });
    expect(auditTrailCheck({ error: 'Forbidden.' }, blade)).toMatchObject({
      state: 'unknown',
      reason: /Forbidden\./,
    });
    expect(
      auditTrailCheck(
        {
          value: [
            setting('b', { storageAccountId: 'sa', logs: [{ category: 'AuditEvent', enabled: true }] }),
          ],
        },
        blade,
      ),
    ).toMatchObject({ state: 'passed', reason: /in no Log Analytics workspace/ });
  });

  it('writes the setting as az and as a Bicep that touches only the setting', () => {
    const code = auditSettingAsCode(vaultId, 'keyguard-audit', ws);
    expect(code.cli).toContain(`--workspace ${ws}`);
    expect(code.cli).toContain(`--logs '[{"category":"AuditEvent","enabled":true}]'`);
    expect(code.cli).toContain('--export-to-resource-specific true');
    expect(code.bicep).toContain("resource target 'Microsoft.KeyVault/vaults@2025-05-01' existing");
    expect(code.bicep).toContain("logAnalyticsDestinationType: 'Dedicated'");
    const other = diagnosticSettingAsCode(vaultId, 'to-storage', {
      storageAccountId: 'sa1',
      logs: [{ categoryGroup: 'audit', enabled: true }],
    });
    expect(other.cli).toContain('--storage-account sa1');
    expect(other.cli).not.toContain('--export-to-resource-specific');
  });
});
