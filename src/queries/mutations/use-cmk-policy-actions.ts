import { useMutation, useQueryClient } from '@tanstack/react-query';
import { policyAssignmentsCreate, policyEvaluationTrigger } from '../../arm/operations/policy';
import { cmkPolicy, type PolicyEffect } from '../../domain/policy/cmk-policy';
import { describeError } from '../../domain/error-wording';
import { useChangeReporter } from '../change-reporter';
import { queryKeys } from '../keys';

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
  const evaluate = async (handle: ReturnType<typeof start>) => {
    const finished = await policyEvaluationTrigger(subscriptionId, (waited) =>
      handle.progress(`Azure Policy is evaluating ${subscriptionName}… (${Math.round(waited / 1000)} s)`),
    );
    await refresh();
    if (finished)
      handle.succeed(
        `Evaluated ${subscriptionName}`,
        'Each bot’s compliance is up to date in the Customer-managed keys page.',
      );
    else
      handle.warn(`${subscriptionName} is still being evaluated`, 'Azure has not finished; refresh later.');
  };
  const assign = useMutation({
    mutationFn: async (effect: PolicyEffect) => {
      const handle = start({
        title: `Assigning “${cmkPolicy.displayName}” (${effect}) to ${subscriptionName}`,
        resourceId: subId,
      });
      try {
        await policyAssignmentsCreate(subscriptionId, cmkPolicy.assignmentName, {
          properties: {
            displayName: cmkPolicy.displayName,
            description: 'Assigned with Keyguard for Azure Bot Service.',
            policyDefinitionId: cmkPolicy.definitionId,
            parameters: { effect: { value: effect } },
            enforcementMode: 'Default',
          },
        });
        await refresh();
        handle.progress('Assigned. Asking Azure Policy to evaluate the subscription now…');
        await evaluate(handle);
      } catch (e) {
        handle.fail(`Could not assign the policy to ${subscriptionName}`, describeError(e).message);
        await refresh();
        throw e;
      }
    },
  });
  const scan = useMutation({
    mutationFn: async () => {
      const handle = start({ title: `Evaluating ${subscriptionName} with Azure Policy`, resourceId: subId });
      try {
        await evaluate(handle);
      } catch (e) {
        handle.fail(`Could not evaluate ${subscriptionName}`, describeError(e).message);
        throw e;
      }
    },
  });
  return { assign, scan };
}
