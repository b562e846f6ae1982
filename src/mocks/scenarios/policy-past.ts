import type { World } from '../store/world';

const definitionId =
  '/providers/Microsoft.Authorization/policyDefinitions/51522a96-0869-4791-82f3-981000c2c67f';
const day = 24 * 60 * 60 * 1000;

/**
 * The security team's Audit assignment of the Bot Service CMK policy at some subscriptions, evaluated by Azure a day
 * ago: every bot there has a state, compliant when it was on a customer-managed key then.
 */
export function auditAssignedEarlier(world: World, subscriptionIds: string[], startMs: number): void {
  for (const sub of subscriptionIds) {
    const id = `/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/bot-service-cmk`;
    world.policyAssignments.seed(id, {
      id,
      subscriptionId: sub,
      name: 'bot-service-cmk',
      displayName: 'Bot Service should be encrypted with a customer-managed key',
      policyDefinitionId: definitionId,
      parameters: { effect: { value: 'Audit' } },
      enforcementMode: 'Default',
      notScopes: [],
      createdAt: startMs - 30 * day,
    });
    for (const bot of world.bots.inSubscription(sub))
      world.policyStates.seed(`${id}|${bot.id}`, {
        subscriptionId: sub,
        resourceId: bot.id,
        policyAssignmentId: id,
        policyDefinitionId: definitionId,
        complianceState: bot.cmek.enabled ? 'Compliant' : 'NonCompliant',
        at: startMs - day,
      });
  }
}

/**
 * The platform team's own initiative, "Contoso CMK baseline", at one subscription: it includes the Bot Service CMK
 * definition with its effect taken from the initiative's parameter, assigned there with Audit. It counts as assigned:
 * the console must not offer a second assignment beside it.
 */
export function initiativeAssignedEarlier(world: World, subscriptionId: string, startMs: number): void {
  const setId = `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policySetDefinitions/contoso-cmk-baseline`;
  world.policySetDefinitions.seed(setId, {
    id: setId,
    subscriptionId,
    name: 'contoso-cmk-baseline',
    displayName: 'Contoso CMK baseline',
    parameters: {
      botServiceCmkEffect: {
        type: 'String',
        defaultValue: 'Audit',
        allowedValues: ['Audit', 'Deny', 'Disabled'],
      },
    },
    policyDefinitions: [
      {
        policyDefinitionId: definitionId,
        policyDefinitionReferenceId: 'botServiceCmk',
        parameters: { effect: { value: "[parameters('botServiceCmkEffect')]" } },
      },
    ],
  });
  const id = `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policyAssignments/contoso-cmk-baseline`;
  world.policyAssignments.seed(id, {
    id,
    subscriptionId,
    name: 'contoso-cmk-baseline',
    displayName: 'Contoso CMK baseline',
    policyDefinitionId: setId,
    parameters: { botServiceCmkEffect: { value: 'Audit' } },
    enforcementMode: 'Default',
    notScopes: [],
    createdAt: startMs - 60 * day,
  });
  for (const bot of world.bots.inSubscription(subscriptionId))
    world.policyStates.seed(`${id}|${bot.id}`, {
      subscriptionId,
      resourceId: bot.id,
      policyAssignmentId: id,
      policyDefinitionId: definitionId,
      policySetDefinitionId: setId,
      complianceState: bot.cmek.enabled ? 'Compliant' : 'NonCompliant',
      at: startMs - day,
    });
}
