import { useIsMutating, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  policyAssignmentsCreate,
  policyAssignmentsGet,
  policyEvaluationTrigger,
} from '../../arm/operations/policy';
import type { PolicyAssignmentCreate } from '../../arm/types/policy';
import { cmkPolicy, type PolicyEffect } from '../../domain/policy/cmk-policy';
import { describeError } from '../../domain/error-wording';
import { useChangeReporter } from '../change-reporter';
import { queryKeys } from '../keys';

/**
 * The body for Keyguard's assignment: a new one, or the one there with only its effect changed (a PUT replaces the
 * whole assignment, and exclusions, messages or overrides an admin set in the portal must survive a change of effect).
 */
async function assignmentBody(subscriptionId: string, effect: PolicyEffect): Promise<PolicyAssignmentCreate> {
  const existing = await policyAssignmentsGet(subscriptionId, cmkPolicy.assignmentName);
  if (!existing)
    return {
      properties: {
        displayName: cmkPolicy.displayName,
        description: 'Assigned with Keyguard for Azure Bot Service.',
        policyDefinitionId: cmkPolicy.definitionId,
        parameters: { effect: { value: effect } },
        enforcementMode: 'Default',
      },
    };
  const p = existing.properties;
  if (p.policyDefinitionId.toLowerCase() !== cmkPolicy.definitionId.toLowerCase())
    throw new Error(
      `An assignment named ${cmkPolicy.assignmentName} already exists here for another policy definition; it was left as it is.`,
    );
  // `scope` is read-only; everything else goes back as Azure has it, bar the effect.
  const { scope: _readOnly, ...kept } = p;
  void _readOnly;
  return {
    ...(existing.identity ? { identity: existing.identity, location: existing.location } : {}),
    properties: {
      ...kept,
      displayName: p.displayName ?? cmkPolicy.displayName,
      parameters: { ...p.parameters, effect: { value: effect } },
      enforcementMode: p.enforcementMode ?? 'Default',
    },
  };
}

/**
 * Assigns the Bot Service CMK definition at a subscription (Keyguard's own assignment name, so a second click changes
 * it rather than adding another), then asks Azure Policy to evaluate the subscription now and follows the scan: an
 * assignment alone is evaluated only in Azure's own cycle.
 */
export function useCmkPolicyActions(subscriptionId: string, subscriptionName: string) {
  const queryClient = useQueryClient();
  const { start } = useChangeReporter();
  const subId = `/subscriptions/${subscriptionId}`;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.child(subId, 'policyAssignments') }),
      queryClient.invalidateQueries({ queryKey: queryKeys.resourceGraph('cmk-policy-states', 'tenant') }),
    ]);
  const evaluate = async (handle: ReturnType<typeof start>, assigned?: string) => {
    try {
      const finished = await policyEvaluationTrigger(subscriptionId, (waited) =>
        handle.progress(`Azure Policy is evaluating ${subscriptionName}… (${Math.round(waited / 1000)} s)`),
      );
      await refresh();
      if (finished)
        handle.succeed(
          assigned ?? `Evaluated ${subscriptionName}`,
          'Azure Policy finished its scan. Resource Graph may take a few minutes to show every bot’s new state.',
        );
      else
        handle.warn(`${subscriptionName} is still being evaluated`, 'Azure has not finished; refresh later.');
    } catch (e) {
      await refresh();
      // The assignment stands even if the scan could not be started: say which part failed.
      handle.fail(
        assigned ? `${assigned}, but the scan could not run` : `Could not evaluate ${subscriptionName}`,
        describeError(e).message,
      );
      throw e;
    }
  };
  // Keyed by subscription, so that a row mounted again (the page's tab changed meanwhile) still knows a change runs.
  const key = ['cmk-policy', subscriptionId.toLowerCase()];
  const assign = useMutation({
    mutationKey: [...key, 'assign'],
    mutationFn: async (effect: PolicyEffect) => {
      const handle = start({
        title: `Assigning “${cmkPolicy.displayName}” (${effect}) to ${subscriptionName}`,
        resourceId: subId,
      });
      try {
        await policyAssignmentsCreate(
          subscriptionId,
          cmkPolicy.assignmentName,
          await assignmentBody(subscriptionId, effect),
        );
      } catch (e) {
        handle.fail(`Could not assign the policy to ${subscriptionName}`, describeError(e).message);
        await refresh();
        throw e;
      }
      await refresh();
      handle.progress('Assigned. Asking Azure Policy to evaluate the subscription now…');
      await evaluate(handle, `Assigned the policy (${effect}) to ${subscriptionName}`);
    },
  });
  const scan = useMutation({
    mutationKey: [...key, 'scan'],
    mutationFn: async () => {
      const handle = start({ title: `Evaluating ${subscriptionName} with Azure Policy`, resourceId: subId });
      await evaluate(handle);
    },
  });
  const running = useIsMutating({ mutationKey: key }) > 0;
  const scanning = useIsMutating({ mutationKey: [...key, 'scan'] }) > 0;
  return { assign, scan, running, scanning };
}
