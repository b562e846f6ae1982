import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { listAll } from '../paging';
import type { RoleAssignment, RoleDefinition } from '../types/resources';

const v = apiVersions.authorization;

export function roleAssignmentsListForScope(scope: string, signal?: AbortSignal): Promise<RoleAssignment[]> {
  return listAll<RoleAssignment>(`${scope}/providers/Microsoft.Authorization/roleAssignments`, {
    apiVersion: v,
    query: { $filter: 'atScope()' },
    signal,
  });
}

/** RoleAssignments_Create: PUT with a new GUID name; repeating it with the same name is harmless. */
export async function roleAssignmentsCreate(
  scope: string,
  roleDefinitionId: string,
  principalId: string,
  principalType: RoleAssignment['properties']['principalType'],
  signal?: AbortSignal,
): Promise<RoleAssignment> {
  const name = crypto.randomUUID();
  const r = await armRequest<RoleAssignment>({
    method: 'PUT',
    path: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    apiVersion: v,
    body: { properties: { roleDefinitionId, principalId, principalType } },
    signal,
  });
  return r.body;
}

/**
 * RoleAssignments_DeleteById: 200 with the assignment removed, or 204 when there was none (already removed).
 */
export async function roleAssignmentsDeleteById(id: string, signal?: AbortSignal): Promise<void> {
  await armRequest<RoleAssignment | undefined>({ method: 'DELETE', path: id, apiVersion: v, signal });
}

/** Role definitions usable at a scope: the built-in ones and the tenant's custom roles (names for role ids). */
export function roleDefinitionsList(scope: string, signal?: AbortSignal): Promise<RoleDefinition[]> {
  return listAll<RoleDefinition>(`${scope}/providers/Microsoft.Authorization/roleDefinitions`, {
    apiVersion: v,
    signal,
  });
}
