export const apiVersions = {
  botService: '2022-09-15',
  keyVault: '2025-05-01',
  resources: '2025-04-01',
  subscriptions: '2022-12-01',
  authorization: '2022-04-01',
  resourceGraph: '2024-04-01',
} as const;
