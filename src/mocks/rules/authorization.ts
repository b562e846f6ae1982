import { builtInRoles } from '../twin/assumptions';
import { fail } from '../twin/errors';
import type { World } from '../twin/world';

export type Access = 'read' | 'write';

const writers = new Set<string>([
  builtInRoles.Owner,
  builtInRoles.Contributor,
  builtInRoles['Key Vault Administrator'],
]);
const readers = new Set<string>([...writers, builtInRoles.Reader]);

/**
 * Access of the demo user to any number of resources, deciding with one pass over the role assignments: lists at
 * tenant scale check thousands of resources against them.
 */
export function accessChecker(world: World, access: Access): (resourceId: string) => boolean {
  const user = world.settings.demoUserObjectId;
  const allowed = access === 'write' ? writers : readers;
  const scopes: string[] = [];
  for (const ra of world.roleAssignments.values())
    if (ra.principalId === user && allowed.has(ra.roleDefinitionGuid))
      scopes.push(ra.scope.toLowerCase().replace(/\/+$/, ''));
  return (resourceId) => {
    const r = resourceId.toLowerCase();
    return scopes.some((s) => r === s || r.startsWith(`${s}/`));
  };
}

export function canAccess(world: World, resourceId: string, access: Access): boolean {
  return accessChecker(world, access)(resourceId);
}

/** 403 AuthorizationFailed, worded as ARM words it, when the demo user holds no fitting role at or above the scope. */
export function authorize(world: World, resourceId: string, action: string, access: Access): void {
  if (canAccess(world, resourceId, access)) return;
  const user = world.principals.get(world.settings.demoUserObjectId);
  fail(
    403,
    'AuthorizationFailed',
    `The client '${user?.userPrincipalName ?? world.settings.demoUserObjectId}' with object id '${world.settings.demoUserObjectId}' does not have authorization to perform action '${action}' over scope '${resourceId}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

export function visibleSubscriptionIds(world: World): string[] {
  const out: string[] = [];
  for (const s of world.subscriptions.values()) {
    if (
      canAccess(world, `/subscriptions/${s.subscriptionId}`, 'read') ||
      hasAnyAssignmentBelow(world, s.subscriptionId)
    )
      out.push(s.subscriptionId);
  }
  return out;
}

function hasAnyAssignmentBelow(world: World, subscriptionId: string): boolean {
  const prefix = `/subscriptions/${subscriptionId}`.toLowerCase();
  for (const ra of world.roleAssignments.values()) {
    if (ra.principalId === world.settings.demoUserObjectId && ra.scope.toLowerCase().startsWith(prefix))
      return true;
  }
  return false;
}
