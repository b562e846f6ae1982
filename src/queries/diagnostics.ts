import { queryOptions } from '@tanstack/react-query';
import {
  diagnosticSettingsCategoryList,
  diagnosticSettingsList,
} from '../arm/operations/diagnostic-settings';
import { logAnalyticsQuery, workspacesGet } from '../arm/operations/log-analytics';
import { workspacesQuery } from '../arm/operations/resource-changes';
import { keyUsageQuery, type KeyUsageScope } from '../domain/history/key-usage-query';
import { parseUsageRows } from '../domain/history/key-usage';
import { queryKeys } from './keys';

export const diagnosticSettingsQuery = (resourceId: string) =>
  queryOptions({
    queryKey: queryKeys.child(resourceId, 'diagnosticSettings'),
    queryFn: ({ signal }) => diagnosticSettingsList(resourceId, signal),
  });

export const diagnosticCategoriesQuery = (resourceId: string) =>
  queryOptions({
    queryKey: queryKeys.child(resourceId, 'diagnosticSettingsCategories'),
    queryFn: ({ signal }) => diagnosticSettingsCategoryList(resourceId, signal),
    staleTime: 60 * 60_000,
  });

/** Every Log Analytics workspace the admin can see in the directory (Resource Graph). */
export const workspacesListQuery = () =>
  queryOptions({
    queryKey: queryKeys.resourceGraph('workspaces', 'tenant'),
    queryFn: ({ signal }) => workspacesQuery('tenant', signal),
    staleTime: 5 * 60_000,
  });

export const workspaceQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.resource(id),
    queryFn: ({ signal }) => workspacesGet(id, signal),
    staleTime: 30 * 60_000,
  });

/** Bot Service CMEK Prod's calls on a vault's key, from one workspace's copy of the vault's audit log. */
export const keyUsageQueryOptions = (customerId: string, scope: KeyUsageScope) =>
  queryOptions({
    queryKey: queryKeys.child(scope.vaultId, 'keyusage', customerId, scope.keyUrl ?? '*', String(scope.days)),
    queryFn: async ({ signal }) =>
      parseUsageRows(await logAnalyticsQuery(customerId, keyUsageQuery(scope), `P${scope.days}D`, signal)),
    staleTime: 5 * 60_000,
  });
