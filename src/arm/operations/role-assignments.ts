import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { listAll } from '../paging';
import type { RoleAssignment, RoleDefinition } from '../types/resources';

const v = apiVersions.authorization;

/** The built-in role the Bot Service CMEK principal needs on an RBAC-mode vault. */
export const cryptoServiceEncryptionUserRole = 'Key Vault Crypto Service Encryption User';

export function roleAssignmentsListForScope(scope: string, signal?: AbortSignal): Promise<RoleAssignment[]> {
  return listAll<RoleAssignment>(`${scope}/providers/Microsoft.Authorization/roleAssignments`, {
    apiVersion: v,
    query: { $filter: 'atScope()' },
    signal,
  });
}

export function roleDefinitionsList(
  scope: string,
  roleName: string,
  signal?: AbortSignal,
): Promise<RoleDefinition[]> {
  return listAll<RoleDefinition>(`${scope}/providers/Microsoft.Authorization/roleDefinitions`, {
    apiVersion: v,
    query: { $filter: `roleName eq '${roleName.replace(/'/g, "''")}'` },
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
