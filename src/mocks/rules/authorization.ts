import { builtInRoles } from '../store/built-in-roles';
import { refusal, type Refusal } from './errors';
import type { World } from '../store/world';

export type Access = 'read' | 'write';

const writers = new Set<string>([
  builtInRoles.Owner,
  builtInRoles.Contributor,
  builtInRoles['Key Vault Administrator'],
]);
const readers = new Set<string>([...writers, builtInRoles.Reader]);

/**
 * Access of the demo user to any number of resources, deciding with one pass over the role assignments: lists at
 * tenant scale check thousands of resources against them, so each check looks up the id's few ancestor scopes
 * rather than comparing it with every assignment.
 */
export function accessChecker(world: World, access: Access): (resourceId: string) => boolean {
  const user = world.settings.demoUserObjectId;
  const allowed = access === 'write' ? writers : readers;
  const scopes = new Set<string>();
  for (const ra of world.roleAssignments.values())
    if (ra.principalId === user && allowed.has(ra.roleDefinitionGuid))
      scopes.add(ra.scope.toLowerCase().replace(/\/+$/, ''));
  return (resourceId) => {
    const r = resourceId.toLowerCase().replace(/\/+$/, '');
    // '' is the root scope '/', above everything.
    if (scopes.has('') || scopes.has(r)) return true;
    for (let i = r.indexOf('/', 1); i > 0; i = r.indexOf('/', i + 1))
      if (scopes.has(r.slice(0, i))) return true;
    return false;
  };
}

export function canAccess(world: World, resourceId: string, access: Access): boolean {
  return accessChecker(world, access)(resourceId);
}

/** 403 AuthorizationFailed, worded as ARM words it, when the demo user holds no fitting role at or above the scope. */
export function authorizationRefusal(
  world: World,
  resourceId: string,
  action: string,
  access: Access,
): Refusal | undefined {
  if (canAccess(world, resourceId, access)) return undefined;
  const user = world.principals.get(world.settings.demoUserObjectId);
  return refusal(
    403,
    'AuthorizationFailed',
    `The client '${user?.userPrincipalName ?? world.settings.demoUserObjectId}' with object id '${world.settings.demoUserObjectId}' does not have authorization to perform action '${action}' over scope '${resourceId}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

/** Subscriptions the demo user can read, or holds any role inside (ARM lists those too). One pass each. */
export function visibleSubscriptionIds(world: World): string[] {
  const readable = accessChecker(world, 'read');
  const user = world.settings.demoUserObjectId;
  const withAssignmentInside = new Set<string>();
  for (const ra of world.roleAssignments.values()) {
    const sub = ra.principalId === user ? /^\/subscriptions\/([^/]+)/i.exec(ra.scope)?.[1] : undefined;
    if (sub) withAssignmentInside.add(sub.toLowerCase());
  }
  const out: string[] = [];
  for (const s of world.subscriptions.values())
    if (
      withAssignmentInside.has(s.subscriptionId.toLowerCase()) ||
      readable(`/subscriptions/${s.subscriptionId}`)
    )
      out.push(s.subscriptionId);
  return out;
}
