import { queryOptions } from '@tanstack/react-query';
import { botsGet } from '../arm/operations/bots';
import { keysGetVersion, keysList, keysListVersions } from '../arm/operations/keys';
import { providersGet, providersList } from '../arm/operations/providers';
import { managedResourcesQuery, type GraphScope } from '../arm/operations/resource-graph';
import { roleAssignmentsListForScope, roleDefinitionsList } from '../arm/operations/role-assignments';
import { resourcesList, subscriptionsList, tenantsList } from '../arm/operations/subscriptions';
import { vaultsGet, vaultsListBySubscription } from '../arm/operations/vaults';
import { queryKeys, subscriptionSet } from './keys';

const managedTypes = ['Microsoft.BotService/botServices', 'Microsoft.KeyVault/vaults'];

export const subscriptionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.subscriptions(),
    queryFn: ({ signal }) => subscriptionsList(signal),
    staleTime: 5 * 60_000,
  });

export const tenantsQuery = () =>
  queryOptions({
    queryKey: queryKeys.tenants(),
    queryFn: ({ signal }) => tenantsList(signal),
    staleTime: 5 * 60_000,
  });

export const subscriptionResourcesQuery = (subscriptionId: string) =>
  queryOptions({
    queryKey: queryKeys.child(`/subscriptions/${subscriptionId}`, 'resources'),
    queryFn: ({ signal }) => resourcesList(subscriptionId, managedTypes, signal),
  });

/**
 * Bots and vaults of many subscriptions, or of the whole tenant, through Resource Graph: one call per 1,000 rows instead
 * of one per subscription.
 */
export const managedResourcesGraphQuery = (scope: GraphScope) =>
  queryOptions({
    queryKey: queryKeys.resourceGraph('managed-resources', scope),
    queryFn: ({ signal }) =>
      managedResourcesQuery(scope === 'tenant' ? scope : subscriptionSet(scope), signal),
  });

export const botQuery = (id: string) =>
  queryOptions({ queryKey: queryKeys.resource(id), queryFn: ({ signal }) => botsGet(id, signal) });

export const vaultQuery = (id: string) =>
  queryOptions({ queryKey: queryKeys.resource(id), queryFn: ({ signal }) => vaultsGet(id, signal) });

export const vaultsQuery = (subscriptionId: string) =>
  queryOptions({
    queryKey: queryKeys.child(`/subscriptions/${subscriptionId}`, 'vaults'),
    queryFn: ({ signal }) => vaultsListBySubscription(subscriptionId, signal),
  });

export const keysQuery = (vaultId: string) =>
  queryOptions({
    queryKey: queryKeys.child(vaultId, 'keys'),
    queryFn: ({ signal }) => keysList(vaultId, signal),
  });

// Keyed under the vault (not the key's own id), so a change to the vault refreshes its keys' versions too.
export const keyVersionsQuery = (vaultId: string, keyName: string) =>
  queryOptions({
    queryKey: queryKeys.child(vaultId, 'keys', keyName.toLowerCase(), 'versions'),
    queryFn: ({ signal }) => keysListVersions(vaultId, keyName, signal),
  });

export const providersQuery = (subscriptionId: string) =>
  queryOptions({
    queryKey: queryKeys.child(`/subscriptions/${subscriptionId}`, 'providers'),
    queryFn: ({ signal }) => providersList(subscriptionId, signal),
  });

export const providerQuery = (subscriptionId: string, namespace: string) =>
  queryOptions({
    queryKey: queryKeys.child(`/subscriptions/${subscriptionId}`, 'providers', namespace.toLowerCase()),
    queryFn: ({ signal }) => providersGet(subscriptionId, namespace, signal),
  });

export const roleAssignmentsQuery = (scope: string) =>
  queryOptions({
    queryKey: queryKeys.child(scope, 'roleAssignments'),
    queryFn: ({ signal }) => roleAssignmentsListForScope(scope, signal),
  });

export const keyVersionQuery = (vaultId: string, keyName: string, version: string) =>
  queryOptions({
    queryKey: queryKeys.child(vaultId, 'keys', keyName.toLowerCase(), 'versions', version.toLowerCase()),
    queryFn: ({ signal }) => keysGetVersion(vaultId, keyName, version, signal),
  });

export const roleDefinitionsQuery = (scope: string) =>
  queryOptions({
    queryKey: queryKeys.child(scope, 'roleDefinitions'),
    queryFn: ({ signal }) => roleDefinitionsList(scope, signal),
    staleTime: 30 * 60_000,
  });
