import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { parseResourceId } from '../../../arm/resource-id';
import type { KeyAlertPlan } from '../../../domain/alerts/plan';
import { writeAlertPlan, type StepState } from '../../../queries/alerts';
import { useChangeReporter } from '../../../queries/change-reporter';
import { queryKeys } from '../../../queries/keys';

/** Writes a plan step by step, keeps each step's state, and retries from the step that failed. */
export function useAlertSetup(botId: string) {
  const queryClient = useQueryClient();
  const { start } = useChangeReporter();
  const [steps, setSteps] = useState<StepState[]>();
  const [running, setRunning] = useState(false);
  const failedAt = useRef<number | undefined>(undefined);

  const refresh = async (plan: KeyAlertPlan) => {
    const subs = new Set(
      plan.resources.map((r) => `/subscriptions/${parseResourceId(r.id)?.subscriptionId ?? ''}`),
    );
    const lists = ['actionGroups', 'scheduledQueryRules', 'activityLogAlerts', 'systemTopics'];
    const keys = [
      ...[...subs].flatMap((s) => lists.map((l) => queryKeys.child(s, l))),
      ...plan.resources
        .filter((r) => r.kind === 'systemTopic')
        .map((r) => queryKeys.child(r.id, 'eventSubscriptions')),
    ];
    await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };

  const run = async (plan: KeyAlertPlan) => {
    const from = failedAt.current ?? 0;
    const botName = parseResourceId(botId)?.name ?? botId;
    const handle = start({
      title: `Setting up alerts for ${botName}`,
      resourceId: botId,
      blade: 'encryption',
    });
    setRunning(true);
    setSteps((prev) =>
      plan.resources.map((_, i) => (i < from && prev?.[i] ? prev[i] : { state: 'waiting' })),
    );
    const result = await writeAlertPlan(plan.resources, from, (i, s) =>
      setSteps((prev) => (prev ? prev.map((x, j) => (j === i ? s : x)) : prev)),
    );
    failedAt.current = result.failedAt;
    setRunning(false);
    if (result.failedAt === undefined)
      handle.succeed(
        `Alerts set up for ${botName}`,
        plan.missing ? 'No failure alert: the vault sends no audit log to a workspace.' : undefined,
      );
    else handle.fail(`Alerts for ${botName} were not all set up`, plan.resources[result.failedAt]?.title);
    await refresh(plan);
  };

  return {
    steps,
    running,
    /** Set after a failure: the next run starts there. */
    failedAt: running ? undefined : failedAt.current,
    finished: !running && steps !== undefined && failedAt.current === undefined,
    run,
  };
}
