import type { PastChange } from './past';
import { contoso, contosoVaultId, contosoWorkspaceId } from './contoso';

const priya = { user: 'priya', clientType: 'Azure Portal' } as const;
const rg = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.Insights`;
const contosoActionGroupId = `${rg}/actionGroups/contoso-security-oncall`;
const contosoFailureRuleId = `${rg}/scheduledQueryRules/bot-cmk-failures`;

/**
 * Priya's alerting, set up by hand in the portal before anything went wrong: an action group that e-mails the security
 * team, a log search alert on Bot Service CMEK Prod's failed wraps and unwraps in the vault's audit log, and an
 * Activity log alert on the vault's access changes. Her query is her own, not Keyguard's.
 */
export const alertsByPriya = (daysAgo: number): PastChange[] => [
  {
    daysAgo,
    who: priya,
    method: 'PUT',
    path: `${contosoActionGroupId}?api-version=2023-01-01`,
    body: {
      location: 'Global',
      properties: {
        groupShortName: 'SecOnCall',
        enabled: true,
        emailReceivers: [
          { name: 'security', emailAddress: 'security@contoso.com', useCommonAlertSchema: true },
        ],
      },
    },
  },
  {
    daysAgo,
    who: priya,
    method: 'PUT',
    path: `${contosoFailureRuleId}?api-version=2023-12-01`,
    body: {
      location: 'westeurope',
      kind: 'LogAlert',
      properties: {
        displayName: 'Bot CMK wrap/unwrap failures',
        severity: 1,
        enabled: true,
        scopes: [contosoWorkspaceId],
        evaluationFrequency: 'PT5M',
        windowSize: 'PT15M',
        criteria: {
          allOf: [
            {
              query: [
                'AZKVAuditLogs',
                "| where OperationName in ('KeyWrap', 'KeyUnwrap') and toint(HttpStatusCode) >= 400",
                `| where tostring(Identity.claim.appid) == '27a762be-14e7-4f92-899c-151877d6d497'`,
                "| extend KeyName = tostring(split(Id, '/')[4])",
              ].join('\n'),
              timeAggregation: 'Count',
              operator: 'GreaterThan',
              threshold: 0,
              dimensions: [{ name: 'KeyName', operator: 'Include', values: ['*'] }],
              resourceIdColumn: '_ResourceId',
              failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
            },
          ],
        },
        autoMitigate: true,
        actions: { actionGroups: [contosoActionGroupId] },
      },
    },
  },
  {
    daysAgo,
    who: priya,
    method: 'PUT',
    path: `${rg}/activityLogAlerts/kv-contoso-cmk-access?api-version=2020-10-01`,
    body: {
      location: 'Global',
      properties: {
        enabled: true,
        scopes: [contosoVaultId],
        condition: {
          allOf: [
            { field: 'category', equals: 'Administrative' },
            { field: 'operationName', equals: 'Microsoft.KeyVault/vaults/accessPolicies/write' },
          ],
        },
        actions: { actionGroups: [{ actionGroupId: contosoActionGroupId }] },
      },
    },
  },
];
