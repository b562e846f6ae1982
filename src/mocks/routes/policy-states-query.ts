import { accessChecker } from '../rules/authorization';
import { settleScans } from '../rules/policy';
import type { TwinContext } from './context';

const norm = (s: string) => s.trim().replace(/\s+/g, ' ');
const projection =
  'project id, resourceId = tostring(properties.resourceId), complianceState = tostring(properties.complianceState), policyAssignmentId = tostring(properties.policyAssignmentId), timestamp = tostring(properties.timestamp)';

/**
 * The one `policyresources` shape Keyguard sends: the latest policy states of one definition, a fixed projection,
 * ordered by id. Anything else is refused (undefined): the twin runs no KQL.
 * @returns the lower-cased definition id asked for.
 */
export function parsePolicyStatesQuery(text: string): string | undefined {
  const stages = text.split('|').map(norm);
  if (stages.length !== 5 || stages[0]?.toLowerCase() !== 'policyresources') return undefined;
  if (stages[1]?.toLowerCase() !== "where type =~ 'microsoft.policyinsights/policystates'") return undefined;
  const definition = /^where tolower\(tostring\(properties\.policyDefinitionId\)\) == '([^']+)'$/.exec(
    stages[2]!,
  );
  if (!definition || stages[3] !== projection || stages[4] !== 'order by id asc') return undefined;
  return definition[1]!.toLowerCase();
}

/**
 * Policy states of resources the caller can read in the given subscriptions. The row id is the twin's own: Resource
 * Graph's id for a policy state is not recorded (the console only pages by it).
 */
export function policyStateRows(
  ctx: TwinContext,
  subscriptions: string[],
  definitionId: string,
  now: number,
): Record<string, unknown>[] {
  settleScans(ctx.world, now);
  const readable = accessChecker(ctx.world, 'read');
  const subs = new Set(subscriptions.map((s) => s.toLowerCase()));
  return [...ctx.world.policyStates.values()]
    .filter(
      (s) =>
        subs.has(s.subscriptionId.toLowerCase()) &&
        s.policyDefinitionId.toLowerCase() === definitionId &&
        readable(s.resourceId),
    )
    .map((s) => ({
      id: `${s.resourceId}/providers/Microsoft.PolicyInsights/policyStates/${s.policyAssignmentId.split('/').pop()}`.toLowerCase(),
      resourceId: s.resourceId.toLowerCase(),
      complianceState: s.complianceState,
      policyAssignmentId: s.policyAssignmentId.toLowerCase(),
      timestamp: new Date(s.at).toISOString(),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
