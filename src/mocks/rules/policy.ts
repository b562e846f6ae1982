import { refusal, type Refusal } from './errors';
import type { TwinPolicyAssignment, TwinPolicyScan } from '../store/model-policy';
import type { TwinBot } from '../store/model';
import type { World } from '../store/world';

/** The only definition the twin evaluates: Bot Service should be encrypted with a customer-managed key. */
const botCmkDefinitionId =
  '/providers/Microsoft.Authorization/policyDefinitions/51522a96-0869-4791-82f3-981000c2c67f';

const botCmkDefinitionName = 'Bot Service should be encrypted with a customer-managed key';

/** A resource under one of the assignment's notScopes. */
function leftOut(a: TwinPolicyAssignment, resourceId: string): boolean {
  const id = resourceId.toLowerCase();
  return a.notScopes.some((n) => {
    const s = n.toLowerCase().replace(/\/+$/, '');
    return id === s || id.startsWith(`${s}/`);
  });
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The effect an assignment gives the Bot Service CMK definition, lower-cased, or undefined when it does not apply it.
 * Directly: its `effect` parameter. Through an initiative: the member's effect, a literal or `[parameters('x')]` from
 * the assignment (else the initiative's default). The definition's own default is Audit.
 */
function cmkEffectOf(world: World, a: TwinPolicyAssignment): string | undefined {
  const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : 'audit');
  if (same(a.policyDefinitionId, botCmkDefinitionId)) return lower(a.parameters.effect?.value);
  const set = world.policySetDefinitions.get(a.policyDefinitionId);
  const member = set?.policyDefinitions.find((m) => same(m.policyDefinitionId, botCmkDefinitionId));
  if (!set || !member) return undefined;
  const given = member.parameters.effect?.value;
  const ref = typeof given === 'string' ? /^\[parameters\('([^']+)'\)\]$/.exec(given)?.[1] : undefined;
  return lower(ref ? (a.parameters[ref]?.value ?? set.parameters[ref]?.defaultValue) : given);
}

export function assignmentsOf(world: World, subscriptionId: string): readonly TwinPolicyAssignment[] {
  return world.policyAssignments.inSubscription(subscriptionId);
}

/**
 * The definition's rule: `type == Microsoft.BotService/botServices` and `isCmekEnabled notEquals "true"` is the
 * effect's target. Deny, enforced, refuses the write before it is made.
 */
export function policyRefusal(
  world: World,
  bot: Pick<TwinBot, 'id' | 'name' | 'subscriptionId'>,
  cmekOn: boolean,
): Refusal | undefined {
  if (cmekOn) return undefined;
  const deny = assignmentsOf(world, bot.subscriptionId).find(
    (a) => cmkEffectOf(world, a) === 'deny' && a.enforcementMode === 'Default' && !leftOut(a, bot.id),
  );
  if (!deny) return undefined;
  const set = world.policySetDefinitions.get(deny.policyDefinitionId);
  const identifiers = JSON.stringify([
    {
      policyAssignment: { name: deny.displayName, id: deny.id },
      policyDefinition: { name: botCmkDefinitionName, id: botCmkDefinitionId },
      ...(set ? { policySetDefinition: { name: set.displayName, id: set.id } } : {}),
    },
  ]);
  return refusal(
    403,
    'RequestDisallowedByPolicy',
    `Resource '${bot.name}' was disallowed by policy. Policy identifiers: '${identifiers}'.`,
    bot.name,
  );
}

/** A finished scan writes the latest state of every bot of its subscription for every assignment there. */
function evaluate(world: World, scan: TwinPolicyScan): void {
  for (const a of assignmentsOf(world, scan.subscriptionId)) {
    const effect = cmkEffectOf(world, a);
    if (effect === undefined || effect === 'disabled') continue;
    const viaSet = !same(a.policyDefinitionId, botCmkDefinitionId);
    for (const bot of world.bots.inSubscription(scan.subscriptionId))
      if (!leftOut(a, bot.id))
        world.policyStates.set(`${a.id}|${bot.id}`, {
          subscriptionId: scan.subscriptionId,
          resourceId: bot.id,
          policyAssignmentId: a.id,
          policyDefinitionId: botCmkDefinitionId,
          ...(viaSet ? { policySetDefinitionId: a.policyDefinitionId } : {}),
          complianceState: bot.cmek.enabled ? 'Compliant' : 'NonCompliant',
          at: scan.doneAt,
        });
  }
}

/** Ends every scan whose time has come (a read of states or of the scan itself asks first). */
export function settleScans(world: World, nowMs: number): void {
  for (const scan of [...world.policyScans.values()])
    if (!scan.settled && scan.doneAt <= nowMs) {
      evaluate(world, scan);
      world.policyScans.set(scanKey(scan.subscriptionId, scan.id), { ...scan, settled: true });
    }
}

export const scanKey = (subscriptionId: string, id: string) =>
  `/subscriptions/${subscriptionId}/providers/Microsoft.PolicyInsights/asyncOperationResults/${id}`;
