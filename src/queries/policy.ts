import { queryOptions } from '@tanstack/react-query';
import { policyAssignmentsList, policySetDefinitionGet, policyStatesQuery } from '../arm/operations/policy';
import type { GraphScope } from '../arm/operations/resource-graph';
import type { PolicySetDefinition } from '../arm/types/policy';
import { describeError } from '../domain/error-wording';
import { cmkPolicy } from '../domain/policy/cmk-policy';
import { isSetAssignment } from '../domain/policy/initiatives';
import type { Read } from '../domain/readiness/types';
import { queryKeys, subscriptionSet } from './keys';

/**
 * A subscription's policy assignments (there, above and inside it), with the definitions of the initiatives among
 * them: whether the Bot Service CMK definition applies is worked out from both (domain/policy/cmk-policy.ts). An
 * initiative that cannot be read is kept as such, never dropped.
 */
export const cmkPolicyAssignmentsQuery = (subscriptionId: string) =>
  queryOptions({
    queryKey: queryKeys.child(`/subscriptions/${subscriptionId}`, 'policyAssignments', 'bot-service-cmk'),
    queryFn: async ({ signal }) => {
      const all = await policyAssignmentsList(subscriptionId, signal);
      const ids = [...new Set(all.filter(isSetAssignment).map((a) => a.properties.policyDefinitionId))];
      const sets: Record<string, Read<PolicySetDefinition>> = {};
      await Promise.all(
        ids.map(async (id) => {
          sets[id.toLowerCase()] = await policySetDefinitionGet(id, signal).then(
            (value) => ({ value }),
            (e: unknown) => ({ error: describeError(e).message }),
          );
        }),
      );
      return { all, sets };
    },
    staleTime: 60_000,
  });

/** Every bot's latest compliance with the definition (Resource Graph `policyresources`). */
export const cmkPolicyStatesQuery = (scope: GraphScope) =>
  queryOptions({
    queryKey: queryKeys.resourceGraph('cmk-policy-states', scope),
    queryFn: ({ signal }) =>
      policyStatesQuery(scope === 'tenant' ? scope : subscriptionSet(scope), cmkPolicy.definitionId, signal),
    staleTime: 60_000,
  });
