import { builtInRoles } from '../store/built-in-roles';
import { refusal, type Refusal } from './errors';
import type { TwinVault } from '../store/model';
import type { World } from '../store/world';
import { ipInRule } from './network';
import { azureCliAppId } from '../shared/demo-token';

/** An access-policy key permission and the RBAC data action that allows the same (built-in roles doc). */
export interface KeyPermission {
  policy: string;
  dataAction: string;
}

const p = (policy: string, dataAction: string): KeyPermission => ({ policy, dataAction });
export const keyPermissions = {
  get: p('get', 'Microsoft.KeyVault/vaults/keys/read'),
  list: p('list', 'Microsoft.KeyVault/vaults/keys/read'),
  create: p('create', 'Microsoft.KeyVault/vaults/keys/create/action'),
  update: p('update', 'Microsoft.KeyVault/vaults/keys/update/action'),
  rotate: p('rotate', 'Microsoft.KeyVault/vaults/keys/rotate/action'),
  delete: p('delete', 'Microsoft.KeyVault/vaults/keys/delete'),
  recover: p('recover', 'Microsoft.KeyVault/vaults/keys/recover/action'),
  purge: p('purge', 'Microsoft.KeyVault/vaults/keys/purge/action'),
  wrapKey: p('wrapkey', 'Microsoft.KeyVault/vaults/keys/wrap/action'),
  unwrapKey: p('unwrapkey', 'Microsoft.KeyVault/vaults/keys/unwrap/action'),
  getrotationpolicy: p('getrotationpolicy', 'Microsoft.KeyVault/vaults/keyrotationpolicies/read'),
  setrotationpolicy: p('setrotationpolicy', 'Microsoft.KeyVault/vaults/keyrotationpolicies/write'),
};

/**
 * What each built-in role may do with keys (Key Vault Crypto Officer: all; Crypto User: read, update, wrap and unwrap;
 * Crypto Service Encryption User: read, wrap and unwrap; Reader: read).
 */
function roleAllows(roleGuid: string, dataAction: string): boolean {
  if (
    roleGuid === builtInRoles['Key Vault Administrator'] ||
    roleGuid === builtInRoles['Key Vault Crypto Officer']
  )
    return true;
  if (roleGuid === builtInRoles['Key Vault Crypto User'])
    return ['/keys/read', '/keys/update/action', '/keys/wrap/action', '/keys/unwrap/action'].some((a) =>
      dataAction.endsWith(a),
    );
  if (roleGuid === builtInRoles['Key Vault Crypto Service Encryption User'])
    return ['/keys/read', '/keys/wrap/action', '/keys/unwrap/action'].some((a) => dataAction.endsWith(a));
  if (roleGuid === builtInRoles['Key Vault Reader']) return dataAction.endsWith('/read');
  return false;
}

function callerTag(world: World): string {
  return `appid=${azureCliAppId};oid=${world.settings.demoUserObjectId};iss=https://sts.windows.net/${world.settings.activeTenantId}/`;
}

/** Whether the vault has an approved private endpoint in this virtual network's resource group. */
function reachedPrivately(vault: TwinVault, privateNetwork: string | undefined): boolean {
  if (!privateNetwork) return false;
  const prefix = `${privateNetwork}/providers/microsoft.network/privateendpoints/`.toLowerCase();
  return vault.privateEndpointConnections.some(
    (c) =>
      c.properties?.privateLinkServiceConnectionState?.status === 'Approved' &&
      (c.properties.privateEndpoint?.id ?? '').toLowerCase().startsWith(prefix),
  );
}

/**
 * The vault firewall, as Key Vault applies it to the data plane: a restricted vault admits only the addresses its
 * rules list (trusted services aside, which the admin's calls are not). Through the gateway, the address is the
 * gateway's, not the admin's browser's. A call through an approved private endpoint is not subject to the public
 * firewall (Key Vault's network security doc), with public access disabled too.
 */
export function firewallRefusal(
  world: World,
  vault: TwinVault,
  clientIp: string,
  privateNetwork?: string,
): Refusal | undefined {
  if (reachedPrivately(vault, privateNetwork)) return undefined;
  if (vault.publicNetworkAccess === 'Disabled')
    return refusal(
      403,
      'Forbidden',
      'Public network access is disabled and request is not from a trusted service nor via an approved private link.',
      undefined,
      [{ code: 'ForbiddenByConnection', message: 'Public network access is disabled.' }],
    );
  if (vault.networkAcls.defaultAction !== 'Deny') return undefined;
  if (vault.networkAcls.ipRules.some((r) => ipInRule(clientIp, r.value))) return undefined;
  return refusal(
    403,
    'Forbidden',
    `Client address is not authorized and caller is not a trusted service.\r\nClient address: ${clientIp}\r\nCaller: ${callerTag(world)}\r\nVault: ${vault.name};location=${vault.location}`,
    undefined,
    [{ code: 'ForbiddenByFirewall', message: `Client address: ${clientIp}` }],
  );
}

/** The caller's key permission on the vault: its access policy, or its RBAC roles on an RBAC vault. */
export function permissionRefusal(
  world: World,
  vault: TwinVault,
  need: KeyPermission,
  keyName?: string,
): Refusal | undefined {
  const user = world.settings.demoUserObjectId;
  if (vault.enableRbacAuthorization) {
    const id = vault.id.toLowerCase();
    for (const ra of world.roleAssignments.values()) {
      const scope = ra.scope.toLowerCase().replace(/\/+$/, '');
      if (
        ra.principalId === user &&
        (id === scope || id.startsWith(`${scope}/`)) &&
        roleAllows(ra.roleDefinitionGuid, need.dataAction)
      )
        return undefined;
    }
    return refusal(
      403,
      'Forbidden',
      `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: ${callerTag(world)}\r\nAction: '${need.dataAction}'\r\nResource: '${vault.id.toLowerCase()}/keys/${(keyName ?? '').toLowerCase()}'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: 'DeniedWithNoValidRBAC' \r\nVault: ${vault.name};location=${vault.location}\r\n`,
      undefined,
      [{ code: 'ForbiddenByRbac', message: need.dataAction }],
    );
  }
  const entry = vault.accessPolicies.find((e) => e.objectId === user && e.tenantId === vault.tenantId);
  const granted = new Set((entry?.permissions.keys ?? []).map((k) => k.toLowerCase()));
  if (granted.has('all') || granted.has(need.policy)) return undefined;
  return refusal(
    403,
    'Forbidden',
    `The user, group or application '${callerTag(world)}' does not have keys ${need.policy} permission on key vault '${vault.name};location=${vault.location}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
    undefined,
    [{ code: 'ForbiddenByPolicy', message: `keys ${need.policy}` }],
  );
}
