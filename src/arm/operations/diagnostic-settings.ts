import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { listAll } from '../paging';
import type {
  DiagnosticSettings,
  DiagnosticSettingsCategoryResource,
  DiagnosticSettingsResource,
} from '../types/monitor';

const v = apiVersions.diagnosticSettings;
const settingsOf = (resourceId: string) => `${resourceId}/providers/Microsoft.Insights/diagnosticSettings`;

/** DiagnosticSettings_List: the settings of one resource (a handful at most: Azure allows five). */
export function diagnosticSettingsList(
  resourceId: string,
  signal?: AbortSignal,
): Promise<DiagnosticSettingsResource[]> {
  return listAll<DiagnosticSettingsResource>(settingsOf(resourceId), { apiVersion: v, signal });
}

/** DiagnosticSettingsCategory_List: the log and metric categories the resource type offers. */
export function diagnosticSettingsCategoryList(
  resourceId: string,
  signal?: AbortSignal,
): Promise<DiagnosticSettingsCategoryResource[]> {
  return listAll<DiagnosticSettingsCategoryResource>(
    `${resourceId}/providers/Microsoft.Insights/diagnosticSettingsCategories`,
    { apiVersion: v, signal },
  );
}

/** DiagnosticSettings_CreateOrUpdate (PUT: the setting is replaced by what is sent). */
export async function diagnosticSettingsCreateOrUpdate(
  resourceId: string,
  name: string,
  properties: DiagnosticSettings,
  signal?: AbortSignal,
): Promise<DiagnosticSettingsResource> {
  const response = await armRequest<DiagnosticSettingsResource>({
    method: 'PUT',
    path: `${settingsOf(resourceId)}/${encodeURIComponent(name)}`,
    apiVersion: v,
    body: { properties },
    signal,
  });
  return response.body;
}

/** DiagnosticSettings_Delete. */
export async function diagnosticSettingsDelete(
  resourceId: string,
  name: string,
  signal?: AbortSignal,
): Promise<void> {
  await armRequest<unknown>({
    method: 'DELETE',
    path: `${settingsOf(resourceId)}/${encodeURIComponent(name)}`,
    apiVersion: v,
    signal,
  });
}
