import { assumptions } from '../store/assumptions';
import { builtInRoles } from '../store/built-in-roles';
import { authorize } from './context';
import { assignmentsOf, scanKey, settleScans } from '../rules/policy';
import { echo, fail } from '../rules/errors';
import { json, type Router } from './http';
import type { TwinPolicyAssignment, TwinPolicySetDefinition } from '../store/model-policy';
import type { World } from '../store/world';
import { newGuid, requireSubscription, type TwinContext } from './context';

const assignmentsPath = '/subscriptions/:sub/providers/Microsoft.Authorization/policyAssignments';
const effects = ['audit', 'deny', 'disabled'];

function assignmentJson(a: TwinPolicyAssignment) {
  return {
    id: a.id,
    type: 'Microsoft.Authorization/policyAssignments',
    name: a.name,
    properties: {
      displayName: a.displayName,
      ...(a.description ? { description: a.description } : {}),
      policyDefinitionId: a.policyDefinitionId,
      scope: `/subscriptions/${a.subscriptionId}`,
      notScopes: [...a.notScopes],
      parameters: structuredClone(a.parameters),
      enforcementMode: a.enforcementMode,
      metadata: { createdOn: new Date(a.createdAt).toISOString() },
    },
  };
}

function setDefinitionJson(s: TwinPolicySetDefinition) {
  return {
    id: s.id,
    type: 'Microsoft.Authorization/policySetDefinitions',
    name: s.name,
    properties: {
      displayName: s.displayName,
      policyType: 'Custom',
      parameters: structuredClone(s.parameters),
      policyDefinitions: structuredClone(s.policyDefinitions),
    },
  };
}

/** Writing an assignment takes Owner (Contributor's NotActions leave out Microsoft.Authorization/*\/Write). */
function requireOwner(world: World, subscriptionId: string): void {
  const scope = `/subscriptions/${subscriptionId}`.toLowerCase();
  const user = world.settings.demoUserObjectId;
  const owner = [...world.roleAssignments.values()].some((ra) => {
    const at = ra.scope.toLowerCase().replace(/\/+$/, '');
    return (
      ra.principalId === user && ra.roleDefinitionGuid === builtInRoles.Owner && (at === '' || at === scope)
    );
  });
  if (owner) return;
  const upn = world.principals.get(user)?.userPrincipalName ?? user;
  fail(
    403,
    'AuthorizationFailed',
    `The client '${upn}' with object id '${user}' does not have authorization to perform action 'Microsoft.Authorization/policyAssignments/write' over scope '/subscriptions/${subscriptionId}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

function readAssignment(
  body: unknown,
  subscriptionId: string,
  name: string,
  now: number,
  sets: World['policySetDefinitions'],
): TwinPolicyAssignment {
  const p = (body as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!p || typeof p !== 'object')
    fail(400, 'InvalidRequestContent', 'The request needs properties.', 'properties');
  const definition = p!.policyDefinitionId;
  if (
    typeof definition !== 'string' ||
    !/^(\/subscriptions\/[^/]+)?\/providers\/Microsoft\.Authorization\/policy(Set)?Definitions\/[^/]+$/i.test(
      definition,
    )
  )
    fail(
      400,
      'InvalidRequestContent',
      'properties.policyDefinitionId must be a policy definition or policy set definition id.',
      'properties.policyDefinitionId',
    );
  if (/\/policySetDefinitions\//i.test(definition as string) && !sets.get(definition as string))
    fail(
      404,
      'PolicySetDefinitionNotFound',
      `The policy set definition '${(definition as string).split('/').pop()}' could not be found.`,
    );
  const parameters = (p!.parameters ?? {}) as Record<string, { value: unknown }>;
  const effect = parameters.effect?.value;
  if (effect !== undefined && !(typeof effect === 'string' && effects.includes(effect.toLowerCase())))
    fail(
      400,
      'PolicyParameterValueNotAllowed',
      `The value '${echo(effect)}' is not allowed for policy parameter 'effect' in policy definition '${String(definition).split('/').pop()}'. The allowed values are 'audit, Audit, deny, Deny, disabled, Disabled'.`,
    );
  const mode = p!.enforcementMode ?? 'Default';
  if (mode !== 'Default' && mode !== 'DoNotEnforce')
    fail(
      400,
      'InvalidRequestContent',
      `The enforcement mode '${echo(mode)}' is not valid.`,
      'properties.enforcementMode',
    );
  return {
    id: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policyAssignments/${name}`,
    subscriptionId,
    name,
    displayName: typeof p!.displayName === 'string' ? p!.displayName : name,
    description: typeof p!.description === 'string' ? p!.description : undefined,
    policyDefinitionId: definition as string,
    parameters: structuredClone(parameters),
    enforcementMode: mode as TwinPolicyAssignment['enforcementMode'],
    notScopes: Array.isArray(p!.notScopes)
      ? p!.notScopes.filter((n): n is string => typeof n === 'string')
      : [],
    createdAt: now,
  };
}

/** Policy assignments at subscriptions, and Policy Insights' on-demand evaluation (fleet-posture §2). */
export function registerPolicyRoutes(router: Router, ctx: TwinContext): void {
  const canRead = (sub: string) => {
    requireSubscription(ctx, sub);
    authorize(ctx.world, `/subscriptions/${sub}`, 'Microsoft.Authorization/policyAssignments/read', 'read');
  };
  router.add('arm', 'GET', assignmentsPath, ({ req, params }) => {
    canRead(params.sub);
    const filter = req.url.searchParams.get('$filter');
    const byDefinition = filter ? /^policyDefinitionId eq '([^']+)'$/i.exec(filter.trim()) : undefined;
    if (filter && !byDefinition && filter.trim().toLowerCase() !== 'atscope()')
      fail(400, 'InvalidRequestContent', `The filter '${filter}' is not supported.`, '$filter');
    const value = assignmentsOf(ctx.world, params.sub).filter(
      (a) => !byDefinition || a.policyDefinitionId.toLowerCase() === byDefinition[1]!.toLowerCase(),
    );
    return json(200, { value: value.map(assignmentJson) });
  });
  router.add('arm', 'GET', `${assignmentsPath}/:name`, ({ params }) => {
    canRead(params.sub);
    const a = assignmentsOf(ctx.world, params.sub).find(
      (x) => x.name.toLowerCase() === params.name.toLowerCase(),
    );
    return a
      ? json(200, assignmentJson(a))
      : fail(404, 'ResourceNotFound', `The policy assignment '${params.name}' is not found.`);
  });
  router.add('arm', 'PUT', `${assignmentsPath}/:name`, ({ req, params, now }) => {
    requireSubscription(ctx, params.sub);
    requireOwner(ctx.world, params.sub);
    const sub = ctx.world.subscriptions.get(params.sub)!.subscriptionId;
    const next = readAssignment(req.body, sub, params.name, now, ctx.world.policySetDefinitions);
    const had = ctx.world.policyAssignments.get(next.id);
    const saved = had ? { ...next, createdAt: had.createdAt } : next;
    ctx.world.policyAssignments.set(next.id, saved);
    return json(had ? 200 : 201, assignmentJson(saved));
  });
  // A custom initiative at a subscription; the twin holds no built-in initiative that includes the definition.
  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/providers/Microsoft.Authorization/policySetDefinitions/:name',
    ({ req, params }) => {
      canRead(params.sub);
      const set = ctx.world.policySetDefinitions.get(req.url.pathname);
      if (!set)
        fail(
          404,
          'PolicySetDefinitionNotFound',
          `The policy set definition '${params.name}' could not be found.`,
        );
      return json(200, setDefinitionJson(set!));
    },
  );
  router.add('arm', 'GET', '/providers/Microsoft.Authorization/policySetDefinitions/:name', ({ params }) =>
    fail(
      404,
      'PolicySetDefinitionNotFound',
      `The policy set definition '${params.name}' could not be found.`,
    ),
  );
  router.add(
    'arm',
    'POST',
    '/subscriptions/:sub/providers/Microsoft.PolicyInsights/policyStates/latest/triggerEvaluation',
    ({ req, params, now }) => {
      requireSubscription(ctx, params.sub);
      authorize(
        ctx.world,
        `/subscriptions/${params.sub}`,
        'Microsoft.PolicyInsights/policyStates/triggerEvaluation/action',
        'write',
      );
      const sub = ctx.world.subscriptions.get(params.sub)!.subscriptionId;
      settleScans(ctx.world, now);
      // A repeat trigger while a scan runs gets the same Location (get-compliance-data.md).
      const running = ctx.world.policyScans.inSubscription(sub).find((s) => !s.settled);
      const scan = running ?? {
        id: newGuid(),
        subscriptionId: sub,
        startedAt: now,
        doneAt: now + assumptions.policy.scanMs,
        settled: false,
      };
      if (!running) ctx.world.policyScans.set(scanKey(sub, scan.id), scan);
      return json(202, undefined, {
        Location: `${req.url.origin}${scanKey(sub, scan.id)}?api-version=${req.url.searchParams.get('api-version')}`,
        'Retry-After': String(assumptions.policy.scanRetryAfterSeconds),
      });
    },
  );
  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/providers/Microsoft.PolicyInsights/asyncOperationResults/:id',
    ({ params, now }) => {
      requireSubscription(ctx, params.sub);
      settleScans(ctx.world, now);
      const sub = ctx.world.subscriptions.get(params.sub)!.subscriptionId;
      const scan = ctx.world.policyScans.get(scanKey(sub, params.id));
      if (!scan) fail(404, 'ResourceNotFound', `The operation '${params.id}' is not found.`);
      return scan!.settled
        ? json(200, { status: 'Succeeded' })
        : json(202, undefined, { 'Retry-After': String(assumptions.policy.scanRetryAfterSeconds) });
    },
  );
}
