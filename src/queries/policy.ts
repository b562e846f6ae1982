import { queryOptions } from '@tanstack/react-query';
import { policyAssignmentsForDefinition, policyStatesQuery } from '../arm/operations/policy';
import type { GraphScope } from '../arm/operations/resource-graph';
import { cmkPolicy } from '../domain/policy/cmk-policy';
import { queryKeys, subscriptionSet } from './keys';

/** The assignments of the Bot Service CMK definition that apply to a subscription (there or above). */
export const cmkPolicyAssignmentsQuery = (subscriptionId: string) =>
  queryOptions({
    queryKey: queryKeys.child(`/subscriptions/${subscriptionId}`, 'policyAssignments', 'bot-service-cmk'),
    queryFn: ({ signal }) => policyAssignmentsForDefinition(subscriptionId, cmkPolicy.definitionId, signal),
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
