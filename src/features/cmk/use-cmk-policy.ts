import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { complianceByBot, subscriptionPolicy, type SubscriptionPolicy } from '../../domain/policy/cmk-policy';
import type { Read } from '../../domain/readiness/types';
import { cmkPolicyAssignmentsQuery, cmkPolicyStatesQuery } from '../../queries/policy';
import { read } from '../shared/read-of';
import { useReads } from './use-reads';
import { useThrottled } from './use-throttled';

/**
 * The Bot Service CMK policy over the bots' subscriptions: its assignments there (one read each; Resource Graph's
 * `policyresources` also holds assignments, but the list by definition is the documented way) and each bot's latest
 * compliance (Resource Graph, one query for the tenant).
 */
export function useCmkPolicy(subscriptionIds: string[], ready: boolean) {
  const subs = useMemo(
    () => [...new Set(subscriptionIds.map((s) => s.toLowerCase()))].sort(),
    [subscriptionIds],
  );
  // Read once the posture's own reads are done (at tenant scale they share one queue, and risks come first), then
  // kept: a later re-check of the posture does not take the policy away.
  const [started, setStarted] = useState(ready);
  if (ready && !started) setStarted(true);
  const assignments = useReads(
    started ? subs.map((sub) => ({ key: sub, options: cmkPolicyAssignmentsQuery(sub) })) : [],
  );
  const states = useQuery({ ...cmkPolicyStatesQuery('tenant'), enabled: started });
  const compliance = useMemo(() => complianceByBot(states.data ?? []), [states.data]);
  // Each answer re-judges every row's policy word: at most twice a second while the reads come in.
  const answered = useThrottled(assignments, 500);
  const bySubscription = useMemo(() => {
    const m = new Map<string, Read<SubscriptionPolicy>>();
    for (const sub of subs) {
      const r = answered.get(sub);
      m.set(sub, r && 'value' in r ? { value: subscriptionPolicy(sub, r.value.all, r.value.sets) } : r);
    }
    return m;
  }, [subs, answered]);
  const statesRead = read(states, true, '');
  const refetchAll = assignments.refetchAll;
  const refetchStates = states.refetch;
  return useMemo(
    () => ({
      subscriptions: subs,
      bySubscription,
      compliance,
      statesRead,
      refresh: () => {
        refetchAll();
        void refetchStates();
      },
    }),
    // statesRead is new each render; it changes exactly when the states' answer or error does.
    [subs, bySubscription, compliance, states.data, states.error, refetchAll, refetchStates],
  );
}

export type CmkPolicy = ReturnType<typeof useCmkPolicy>;
