import { apiVersions } from '../api-versions';
import { armRequest, armSleep } from '../client';
import { ArmError } from '../errors';
import { listAll } from '../paging';
import type {
  PolicyAssignment,
  PolicyAssignmentCreate,
  PolicySetDefinition,
  PolicyStateRow,
} from '../types/policy';
import { resourceGraphQuery, type GraphScope } from './resource-graph';

/**
 * PolicyAssignments_List at a subscription without a filter: the assignments there, above it (management groups) and
 * inside it (resource groups). Every one is needed: an initiative's assignment names the initiative, not the
 * definitions it includes, so a filter by definition would miss it.
 */
export function policyAssignmentsList(
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<PolicyAssignment[]> {
  return listAll<PolicyAssignment>(
    `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policyAssignments`,
    { apiVersion: apiVersions.policyAssignments, signal },
  );
}

/** PolicySetDefinitions_Get (built in) or the custom one at its own scope, by the id an assignment names. */
export async function policySetDefinitionGet(id: string, signal?: AbortSignal): Promise<PolicySetDefinition> {
  return (
    await armRequest<PolicySetDefinition>({
      method: 'GET',
      path: id,
      apiVersion: apiVersions.policyAssignments,
      signal,
    })
  ).body;
}

/** PolicyAssignments_Get at a subscription, or undefined when there is none of that name. */
export async function policyAssignmentsGet(
  subscriptionId: string,
  name: string,
  signal?: AbortSignal,
): Promise<PolicyAssignment | undefined> {
  try {
    return (
      await armRequest<PolicyAssignment>({
        method: 'GET',
        path: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policyAssignments/${name}`,
        apiVersion: apiVersions.policyAssignments,
        signal,
      })
    ).body;
  } catch (e) {
    if (e instanceof ArmError && e.status === 404) return undefined;
    throw e;
  }
}

/** PolicyAssignments_Create at a subscription: a PUT, safe to repeat with the same name. */
export async function policyAssignmentsCreate(
  subscriptionId: string,
  name: string,
  body: PolicyAssignmentCreate,
  signal?: AbortSignal,
): Promise<PolicyAssignment> {
  return (
    await armRequest<PolicyAssignment>({
      method: 'PUT',
      path: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policyAssignments/${name}`,
      apiVersion: apiVersions.policyAssignments,
      body,
      signal,
    })
  ).body;
}

/**
 * Each bot's latest compliance with one definition, from Resource Graph's `policyresources` table (fleet-posture §2).
 * The definition id is lower-cased: the table holds ids in lower case in Microsoft's samples.
 */
export function policyStatesQuery(
  scope: GraphScope,
  definitionId: string,
  signal?: AbortSignal,
): Promise<PolicyStateRow[]> {
  return resourceGraphQuery<PolicyStateRow>(
    scope,
    `policyresources | where type =~ 'microsoft.policyinsights/policystates' | where tolower(tostring(properties.policyDefinitionId)) == '${definitionId.toLowerCase()}' | project id, resourceId = tostring(properties.resourceId), complianceState = tostring(properties.complianceState), policyAssignmentId = tostring(properties.policyAssignmentId), timestamp = tostring(properties.timestamp) | order by id asc`,
    signal,
  );
}

/** Between polls: Azure's Retry-After when it gives one (within reason), else 10 s. */
function pollDelayMs(headers: Headers): number {
  const seconds = Number(headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(60, Math.max(1, seconds)) * 1000 : 10_000;
}

/** Azure's scans of a subscription take minutes; after about an hour the caller is told it is still running. */
const maxWaitMs = 60 * 60 * 1000;

/**
 * PolicyStates_TriggerSubscriptionEvaluation: 202 with a Location that answers 202 while the scan runs and 200 when it
 * is done (get-compliance-data.md). `onPoll` hears how long it has waited, so the caller can say it is still running.
 * @returns whether the scan finished while polling.
 */
export async function policyEvaluationTrigger(
  subscriptionId: string,
  onPoll?: (waitedMs: number) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  const started = await armRequest<unknown>({
    method: 'POST',
    path: `/subscriptions/${subscriptionId}/providers/Microsoft.PolicyInsights/policyStates/latest/triggerEvaluation`,
    apiVersion: apiVersions.policyInsights,
    idempotent: true,
    signal,
  });
  if (started.status !== 202) return true;
  const location = started.headers.get('location');
  if (!location)
    throw new ArmError({
      status: started.status,
      code: 'MissingLocation',
      message: 'Azure started the evaluation but gave no address to follow it.',
    });
  let delay = pollDelayMs(started.headers);
  for (let waited = 0; waited < maxWaitMs;) {
    await armSleep(delay, signal);
    waited += delay;
    onPoll?.(waited);
    const r = await armRequest<{ status?: string } | undefined>({ method: 'GET', path: location, signal });
    if (r.status === 200) {
      if (r.body?.status && r.body.status !== 'Succeeded')
        throw new ArmError({
          status: 200,
          code: 'EvaluationFailed',
          message: `Azure Policy's evaluation ended as ${r.body.status}.`,
        });
      return true;
    }
    delay = pollDelayMs(r.headers);
  }
  return false;
}
