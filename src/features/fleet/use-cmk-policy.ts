import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { complianceByBot, subscriptionPolicy, type SubscriptionPolicy } from '../../domain/policy/cmk-policy';
import type { Read } from '../../domain/readiness/types';
import { cmkPolicyAssignmentsQuery, cmkPolicyStatesQuery } from '../../queries/policy';
import { read } from '../shared/read-of';
import { useReads } from './use-reads';

/**
 * The Bot Service CMK policy over the bots' subscriptions: its assignments there (one read each; Resource Graph's
 * `policyresources` also holds assignments, but the list by definition is the documented way) and each bot's latest
 * compliance (Resource Graph, one query for the tenant).
 */
export function useCmkPolicy(subscriptionIds: string[]) {
  const subs = useMemo(
    () => [...new Set(subscriptionIds.map((s) => s.toLowerCase()))].sort(),
    [subscriptionIds],
  );
  const assignments = useReads(subs.map((sub) => ({ key: sub, options: cmkPolicyAssignmentsQuery(sub) })));
  const states = useQuery(cmkPolicyStatesQuery('tenant'));
  const compliance = useMemo(() => complianceByBot(states.data ?? []), [states.data]);
  const bySubscription = useMemo(() => {
    const m = new Map<string, Read<SubscriptionPolicy>>();
    for (const sub of subs) {
      const r = assignments.get(sub);
      m.set(sub, r && 'value' in r ? { value: subscriptionPolicy(sub, r.value) } : r);
    }
    return m;
  }, [subs, assignments]);
  return {
    subscriptions: subs,
    bySubscription,
    compliance,
    statesRead: read(states, true, ''),
    refresh: () => {
      assignments.refetchAll();
      void states.refetch();
    },
  };
}

export type CmkPolicy = ReturnType<typeof useCmkPolicy>;
