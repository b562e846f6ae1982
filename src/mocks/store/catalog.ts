/** Resource providers a subscription lists, with the resource types the twin knows of. */
export const knownProviders: {
  namespace: string;
  resourceTypes: string[];
  apiVersions: string[];
  registeredByDefault: boolean;
}[] = [
  {
    namespace: 'Microsoft.BotService',
    resourceTypes: ['botServices', 'botServices/channels', 'operationResults'],
    apiVersions: ['2022-09-15'],
    registeredByDefault: false,
  },
  {
    namespace: 'Microsoft.KeyVault',
    resourceTypes: ['vaults', 'vaults/keys', 'deletedVaults', 'vaults/accessPolicies'],
    apiVersions: ['2025-05-01'],
    registeredByDefault: true,
  },
  {
    namespace: 'Microsoft.Authorization',
    resourceTypes: ['roleAssignments', 'roleDefinitions'],
    apiVersions: ['2022-04-01'],
    registeredByDefault: true,
  },
  {
    namespace: 'Microsoft.Resources',
    resourceTypes: ['subscriptions', 'resourceGroups', 'deployments'],
    apiVersions: ['2025-04-01'],
    registeredByDefault: true,
  },
  {
    namespace: 'Microsoft.Network',
    resourceTypes: ['virtualNetworks', 'privateEndpoints'],
    apiVersions: ['2024-05-01'],
    registeredByDefault: false,
  },
  {
    namespace: 'Microsoft.Web',
    resourceTypes: ['sites', 'serverFarms'],
    apiVersions: ['2024-04-01'],
    registeredByDefault: false,
  },
  {
    namespace: 'Microsoft.Storage',
    resourceTypes: ['storageAccounts'],
    apiVersions: ['2024-01-01'],
    registeredByDefault: false,
  },
  {
    namespace: 'Microsoft.Insights',
    resourceTypes: ['components', 'diagnosticSettings'],
    apiVersions: ['2020-02-02'],
    registeredByDefault: false,
  },
  {
    namespace: 'Microsoft.ManagedIdentity',
    resourceTypes: ['userAssignedIdentities'],
    apiVersions: ['2023-01-31'],
    registeredByDefault: false,
  },
  {
    namespace: 'Microsoft.CognitiveServices',
    resourceTypes: ['accounts'],
    apiVersions: ['2024-10-01'],
    registeredByDefault: false,
  },
  {
    namespace: 'Microsoft.Compute',
    resourceTypes: ['virtualMachines', 'disks'],
    apiVersions: ['2024-07-01'],
    registeredByDefault: false,
  },
  {
    namespace: 'Microsoft.ContainerRegistry',
    resourceTypes: ['registries'],
    apiVersions: ['2023-07-01'],
    registeredByDefault: false,
  },
  {
    namespace: 'Microsoft.DocumentDB',
    resourceTypes: ['databaseAccounts'],
    apiVersions: ['2024-08-15'],
    registeredByDefault: false,
  },
  {
    namespace: 'Microsoft.Sql',
    resourceTypes: ['servers'],
    apiVersions: ['2023-08-01'],
    registeredByDefault: false,
  },
  {
    namespace: 'Microsoft.OperationalInsights',
    resourceTypes: ['workspaces'],
    apiVersions: ['2023-09-01'],
    registeredByDefault: false,
  },
];
