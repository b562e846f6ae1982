import { beforeEach, describe, expect, it } from 'vitest';
import { planKeyAlerts } from '../../domain/alerts/plan';
import type { PlannedResource } from '../../domain/alerts/plan-parts';
import type { FaultKind } from '../../mocks/shared/faults';
import { contosoBotId, contosoVaultId, contosoWorkspaceId } from '../../mocks/scenarios/contoso';
import { control, resetTwin, testTwin } from '../../testing/twin';
import { writeAlertPlan, type StepState } from '../alerts';

const world = () => testTwin.managed.twin.world;
const plan = () =>
  planKeyAlerts(
    {
      bot: { id: contosoBotId, name: 'contoso-support-bot' },
      vault: {
        id: contosoVaultId,
        name: 'kv-contoso-cmk',
        location: world().vaults.get(contosoVaultId)!.location,
      },
      audit: { workspaceId: contosoWorkspaceId, workspaceLocation: 'westeurope', resourceSpecific: true },
      appId: '27a762be-14e7-4f92-899c-151877d6d497',
    },
    {
      actionGroup: { kind: 'new', name: 'bot-keys', shortName: 'BotKeys', email: 'ops@contoso.com' },
      watchBot: true,
    },
  );

async function write(from = 0) {
  const p = plan();
  const steps: StepState[] = p.resources.map(() => ({ state: 'waiting' }));
  const result = await writeAlertPlan(p.resources, from, (i, s) => (steps[i] = s));
  return { p, steps, result };
}

const kinds: PlannedResource['kind'][] = [
  'actionGroup',
  'logAlert',
  'vaultActivityAlert',
  'botActivityAlert',
  'systemTopic',
  'eventSubscription',
];

describe('every write of the alert set-up, under Azure’s faults', () => {
  beforeEach(() => resetTwin('encrypted'));

  it.each(kinds.flatMap((k) => (['error500', 'drop'] as FaultKind[]).map((f) => [k, f] as const)))(
    '%s with %s: stops there, says the outcome is not known, and a retry from it finishes the set-up',
    async (kind, fault) => {
      const at = plan().resources.findIndex((r) => r.kind === kind);
      const id = plan().resources[at]!.id;
      control.armFault({ kind: fault, method: 'PUT', pathPattern: `${id.split('/').pop()}\\?`, count: 1 });
      const first = await write();
      expect(first.result.failedAt).toBe(at);
      const failed = first.steps[at]!;
      expect(failed.state).toBe('failed');
      expect(failed.state === 'failed' && failed.message).toMatch(/may or may not have made it/);
      // Nothing after the failed step was sent.
      expect(first.steps.slice(at + 1).every((s) => s.state === 'waiting')).toBe(true);
      const again = await write(at);
      expect(again.result.failedAt).toBeUndefined();
      expect(again.steps.slice(at).every((s) => s.state === 'done')).toBe(true);
    },
  );

  it.each(kinds)(
    '%s throttled or slow: sent again after Azure’s wait, and the set-up finishes',
    async (kind) => {
      const id = plan().resources.find((r) => r.kind === kind)!.id;
      control.armFault({
        kind: 'throttle',
        method: 'PUT',
        pathPattern: `${id.split('/').pop()}\\?`,
        retryAfterSeconds: 3,
      });
      control.armFault({
        kind: 'latency',
        method: 'PUT',
        pathPattern: `${id.split('/').pop()}\\?`,
        latencyMs: 200,
      });
      const r = await write();
      expect(r.result.failedAt).toBeUndefined();
      expect(r.steps.every((s) => s.state === 'done')).toBe(true);
    },
  );
});
