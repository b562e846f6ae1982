export const apiVersions = {
  botService: '2022-09-15',
  keyVault: '2025-05-01',
  resources: '2025-04-01',
  subscriptions: '2022-12-01',
  authorization: '2022-04-01',
  resourceGraph: '2024-04-01',
  activityLog: '2015-04-01',
  diagnosticSettings: '2021-05-01-preview',
  operationalInsights: '2025-02-01',
  keyVaultData: '2025-07-01',
  policyAssignments: '2023-04-01',
  policyInsights: '2019-10-01',
  // The newest stable versions (shared reference: alerts-and-charts §1–4); the SDKs default to previews.
  scheduledQueryRules: '2023-12-01',
  actionGroups: '2023-01-01',
  activityLogAlerts: '2020-10-01',
  eventGrid: '2025-02-15',
  // Alerts_GetAll (Microsoft.AlertsManagement): the version the spec's generated clients name.
  alertsManagement: '2019-05-05-preview',
} as const;
