import type { PolicyAssignment, PolicySetDefinition, PolicyStateRow } from '../../arm/types/policy';
import type { AsCode } from '../as-code/fix-as-code';
import type { Read } from '../readiness/types';
import { assignmentsApplying, type DefinitionAssignment } from './initiatives';

/**
 * Azure's built-in "Bot Service should be encrypted with a customer-managed key" (Azure/azure-policy
 * `built-in-policies/policyDefinitions/Bot Service/CMKEnabled_Audit.json`): a bot whose `isCmekEnabled` is not true is
 * non-compliant; its `effect` parameter is Audit (the default), Deny or Disabled.
 */
export const cmkPolicy = {
  definitionId: '/providers/Microsoft.Authorization/policyDefinitions/51522a96-0869-4791-82f3-981000c2c67f',
  displayName: 'Bot Service should be encrypted with a customer-managed key',
  /** The name Keyguard gives its assignment at a subscription (a PUT with it again changes that one). */
  assignmentName: 'bot-service-cmk',
} as const;

export type PolicyEffect = 'Audit' | 'Deny' | 'Disabled';

export const effectWords: Record<PolicyEffect, string> = {
  Audit:
    'Marks every bot of the subscription that is not on a customer-managed key as non-compliant. Nothing is blocked.',
  Deny: 'Also refuses creating or updating a bot that is not on a customer-managed key: turning CMK off, deploying a bot without it, or changing anything else on such a bot fails with RequestDisallowedByPolicy.',
  Disabled: 'The assignment stays but nothing is evaluated or blocked.',
};

/** The effect an assignment gives (the definition's default, Audit, when the assignment sets none). */
function effectOf(a: DefinitionAssignment): PolicyEffect | string {
  const v = a.effect;
  if (typeof v !== 'string') return 'Audit';
  const known = (['Audit', 'Deny', 'Disabled'] as const).find((e) => e.toLowerCase() === v.toLowerCase());
  return known ?? v;
}

/** What a subscription's assignments of the definition amount to: the strongest one enforced wins. */
export interface SubscriptionPolicy {
  /** Assignments at the subscription or above it (management groups). */
  assignments: PolicyAssignment[];
  /** `none` when the definition is not assigned at the subscription or above. */
  effect: PolicyEffect | 'none' | string;
  /** Deny assigned but not enforced (`DoNotEnforce`): evaluated as Audit. */
  notEnforced: boolean;
  /** Where the assignment that decides sits: this subscription, or a management group above it. */
  inherited: boolean;
  /** Scopes the deciding assignment leaves out (`notScopes`), lower-cased. */
  excluded: string[];
  /** Assignments at resource groups inside the subscription (they cover those groups only). */
  inResourceGroups: { resourceGroup: string; effect: PolicyEffect | string }[];
  /** The initiative the deciding assignment belongs to, when it comes through one. */
  through?: string;
  /** Whether the deciding assignment is Keyguard's own at this subscription (the one its Assign… changes). */
  ours: boolean;
  /** Initiatives assigned here that could not be read: they may include the definition. */
  unreadInitiatives: string[];
}

/** An assignment's scope: as Azure reports it, else the part of its id before the provider segment. */
const assignmentScope = (a: PolicyAssignment) =>
  (
    a.properties.scope ??
    a.id.replace(/\/providers\/Microsoft\.Authorization\/policyAssignments\/[^/]+$/i, '')
  )
    .toLowerCase()
    .replace(/\/+$/, '');

const scopeOf = (a: DefinitionAssignment) => assignmentScope(a.assignment);

/**
 * The list at a subscription holds every assignment that touches it: above it, at it, and at its resource groups
 * (which cover only those groups), told apart by scope. The definition applies directly or through an initiative that
 * includes it (`sets`: the initiatives' definitions by lower-cased id).
 */
export function subscriptionPolicy(
  subscriptionId: string,
  all: PolicyAssignment[],
  sets: Record<string, Read<PolicySetDefinition>> = {},
): SubscriptionPolicy {
  const sub = `/subscriptions/${subscriptionId}`.toLowerCase();
  const { applying, unread } = assignmentsApplying(cmkPolicy.definitionId, all, sets);
  const unreadInitiatives = unread.map((u) => u.id.split('/').pop() ?? u.id);
  const inside = (a: DefinitionAssignment) => scopeOf(a).startsWith(`${sub}/`);
  const assignments = applying.filter((a) => !inside(a));
  const inResourceGroups = applying.filter(inside).map((a) => ({
    resourceGroup: /\/resourcegroups\/([^/]+)/.exec(scopeOf(a))?.[1] ?? scopeOf(a),
    effect: effectOf(a),
  }));
  const rank = (a: DefinitionAssignment) => {
    const e = effectOf(a);
    const enforced = a.assignment.properties.enforcementMode !== 'DoNotEnforce';
    return e === 'Deny' ? (enforced ? 3 : 2) : e === 'Audit' ? 2 : e === 'Disabled' ? 0 : 1;
  };
  const decisive = [...assignments].sort((a, b) => rank(b) - rank(a))[0];
  if (!decisive)
    return {
      assignments: [],
      effect: 'none',
      notEnforced: false,
      inherited: false,
      excluded: [],
      inResourceGroups,
      ours: false,
      unreadInitiatives,
    };
  const a = decisive.assignment;
  return {
    assignments: assignments.map((x) => x.assignment),
    effect: effectOf(decisive),
    notEnforced: a.properties.enforcementMode === 'DoNotEnforce',
    inherited: scopeOf(decisive) !== sub,
    excluded: (a.properties.notScopes ?? []).map((n) => n.toLowerCase().replace(/\/+$/, '')),
    inResourceGroups,
    through: decisive.through?.displayName,
    ours: !decisive.through && scopeOf(decisive) === sub && a.name.toLowerCase() === cmkPolicy.assignmentName,
    unreadInitiatives,
  };
}

/** The effect the definition has on one bot: its subscription's (unless excluded), else its resource group's. */
function effectOnBot(botId: string, p: SubscriptionPolicy): string {
  const id = botId.toLowerCase();
  const excluded = p.excluded.some((n) => id === n || id.startsWith(`${n}/`));
  if (p.effect !== 'none' && !excluded) return p.effect;
  const rg = /\/resourcegroups\/([^/]+)/i.exec(id)?.[1];
  const here = p.inResourceGroups.find((a) => a.resourceGroup === rg);
  return here ? here.effect : excluded ? 'excluded' : 'none';
}

export type Compliance = 'Compliant' | 'NonCompliant' | 'Conflict' | 'Exempt' | string;

/**
 * Each bot's compliance (lower-cased id → state) from the latest states of every assignment of the definition: one
 * non-compliant assignment makes the bot non-compliant.
 */
export function complianceByBot(rows: PolicyStateRow[]): Map<string, { state: Compliance; at: string }> {
  const rank = (s: string) => (s === 'NonCompliant' ? 3 : s === 'Conflict' ? 2 : s === 'Compliant' ? 1 : 0);
  const out = new Map<string, { state: Compliance; at: string }>();
  for (const r of rows) {
    const k = r.resourceId.toLowerCase();
    const had = out.get(k);
    if (!had || rank(r.complianceState) > rank(had.state))
      out.set(k, { state: r.complianceState, at: had && had.at > r.timestamp ? had.at : r.timestamp });
  }
  return out;
}

const complianceWords: Record<string, string> = {
  Compliant: 'Compliant',
  NonCompliant: 'Non-compliant',
  Conflict: 'Conflict',
  Exempt: 'Exempt',
};

/** The one-click assignment and the scan after it, as Azure CLI and as Bicep (deployed at the subscription). */
export function assignAsCode(subscriptionId: string, effect: PolicyEffect): AsCode {
  const definition = cmkPolicy.definitionId.split('/').pop();
  return {
    cli: [
      `az policy assignment create --name ${cmkPolicy.assignmentName} \\`,
      `  --display-name "${cmkPolicy.displayName}" \\`,
      `  --policy ${definition} \\`,
      `  --scope /subscriptions/${subscriptionId} \\`,
      `  --params '{"effect":{"value":"${effect}"}}'`,
      `az policy state trigger-scan --subscription ${subscriptionId}`,
    ].join('\n'),
    bicep: [
      "targetScope = 'subscription'",
      '',
      `resource botServiceCmk 'Microsoft.Authorization/policyAssignments@2023-04-01' = {`,
      `  name: '${cmkPolicy.assignmentName}'`,
      '  properties: {',
      `    displayName: '${cmkPolicy.displayName}'`,
      `    policyDefinitionId: '${cmkPolicy.definitionId}'`,
      `    parameters: { effect: { value: '${effect}' } }`,
      "    enforcementMode: 'Default'",
      '  }',
      '}',
    ].join('\n'),
  };
}

/**
 * A bot's policy column: its compliance where Azure evaluated it, else whether the definition applies to it at all
 * (its subscription's assignment, its exclusions, its resource group's). Undefined: not known yet.
 */
export function policyWord(
  botId: string,
  compliance: { state: Compliance } | undefined,
  policy: SubscriptionPolicy | undefined,
): string | undefined {
  if (compliance) return complianceWords[compliance.state] ?? compliance.state;
  if (!policy) return undefined;
  const effect = effectOnBot(botId, policy);
  if (effect === 'none') return 'Not assigned';
  if (effect === 'excluded') return 'Excluded';
  return effect === 'Disabled' ? 'Disabled' : 'Not evaluated yet';
}

/**
 * Whether Keyguard offers to assign the definition at this subscription: where nothing covers it, or to change the
 * effect of its own assignment there. Never a second assignment beside one that applies it already (directly,
 * through an initiative, or from above), nor while an initiative assigned here could not be read.
 */
export function assignOffer(p: SubscriptionPolicy): { offered: true } | { offered: false; why: string } {
  if (p.unreadInitiatives.length)
    return {
      offered: false,
      why: `An initiative assigned here could not be read (${p.unreadInitiatives.join(', ')}): it may include this policy.`,
    };
  if (p.effect === 'none' || p.ours) return { offered: true };
  if (p.through)
    return {
      offered: false,
      why: `Assigned through the initiative “${p.through}”: change its effect there.`,
    };
  if (p.inherited) return { offered: false, why: 'Assigned above this subscription: change it there.' };
  return { offered: false, why: 'Assigned here by another assignment: change that one in the Azure portal.' };
}
