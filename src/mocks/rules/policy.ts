import { fail } from '../twin/errors';
import type { TwinPolicyAssignment, TwinPolicyScan } from '../twin/model-policy';
import type { TwinBot } from '../twin/model';
import type { World } from '../twin/world';

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

/** The assignment's effect (the definition's default, Audit, when its parameters set none), lower-cased. */
function effectOf(a: TwinPolicyAssignment): string {
  const v = a.parameters.effect?.value;
  return typeof v === 'string' ? v.toLowerCase() : 'audit';
}

const isCmkDefinition = (a: TwinPolicyAssignment) =>
  a.policyDefinitionId.toLowerCase() === botCmkDefinitionId.toLowerCase();

export function assignmentsOf(world: World, subscriptionId: string): readonly TwinPolicyAssignment[] {
  return world.policyAssignments.inSubscription(subscriptionId);
}

/**
 * The definition's rule: `type == Microsoft.BotService/botServices` and `isCmekEnabled notEquals "true"` is the
 * effect's target. Deny, enforced, refuses the write before it is made.
 */
export function refuseByPolicy(
  world: World,
  bot: Pick<TwinBot, 'id' | 'name' | 'subscriptionId'>,
  cmekOn: boolean,
) {
  if (cmekOn) return;
  const deny = assignmentsOf(world, bot.subscriptionId).find(
    (a) =>
      isCmkDefinition(a) && effectOf(a) === 'deny' && a.enforcementMode === 'Default' && !leftOut(a, bot.id),
  );
  if (!deny) return;
  const identifiers = JSON.stringify([
    {
      policyAssignment: { name: deny.displayName, id: deny.id },
      policyDefinition: { name: botCmkDefinitionName, id: botCmkDefinitionId },
    },
  ]);
  fail(
    403,
    'RequestDisallowedByPolicy',
    `Resource '${bot.name}' was disallowed by policy. Policy identifiers: '${identifiers}'.`,
    bot.name,
  );
}

/** A finished scan writes the latest state of every bot of its subscription for every assignment there. */
function evaluate(world: World, scan: TwinPolicyScan): void {
  for (const a of assignmentsOf(world, scan.subscriptionId)) {
    if (!isCmkDefinition(a) || effectOf(a) === 'disabled') continue;
    for (const bot of world.bots.inSubscription(scan.subscriptionId))
      if (!leftOut(a, bot.id))
        world.policyStates.set(`${a.id}|${bot.id}`, {
          subscriptionId: scan.subscriptionId,
          resourceId: bot.id,
          policyAssignmentId: a.id,
          policyDefinitionId: a.policyDefinitionId,
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
