import type { PolicyAssignment, PolicySetDefinition } from '../../arm/types/policy';
import type { Read } from '../readiness/types';

/** An assignment id's definition is an initiative (policy set) rather than a single policy. */
export const isSetAssignment = (a: PolicyAssignment) =>
  /\/providers\/Microsoft\.Authorization\/policySetDefinitions\/[^/]+$/i.test(
    a.properties.policyDefinitionId,
  );

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** One assignment that applies the definition: directly, or through an initiative that includes it. */
export interface DefinitionAssignment {
  assignment: PolicyAssignment;
  /** The `effect` the definition gets from it, as Azure would resolve the parameter. */
  effect: unknown;
  /** The initiative it comes through. */
  through?: { id: string; displayName: string };
}

export interface DefinitionAssignments {
  applying: DefinitionAssignment[];
  /** Initiatives assigned here that could not be read: they may include the definition. */
  unread: { id: string; why: string }[];
}

/**
 * Which of a subscription's assignments apply a definition, and with which effect. An initiative's member takes its
 * effect as a literal, or from `[parameters('x')]`: the assignment's value for x, else the initiative's default; a
 * member that sets none gets the definition's own default (undefined here).
 */
export function assignmentsApplying(
  definitionId: string,
  all: PolicyAssignment[],
  sets: Record<string, Read<PolicySetDefinition>>,
): DefinitionAssignments {
  const applying: DefinitionAssignment[] = [];
  const unread: DefinitionAssignments['unread'] = [];
  for (const a of all) {
    const defId = a.properties.policyDefinitionId;
    if (sameId(defId, definitionId)) {
      applying.push({ assignment: a, effect: a.properties.parameters?.effect?.value });
      continue;
    }
    if (!isSetAssignment(a)) continue;
    const read = sets[defId.toLowerCase()];
    if (!read || 'error' in read) {
      unread.push({ id: defId, why: read && 'error' in read ? read.error : 'Not read yet.' });
      continue;
    }
    const set = read.value;
    const member = set.properties.policyDefinitions.find((m) => sameId(m.policyDefinitionId, definitionId));
    if (!member) continue;
    const given = member.parameters?.effect?.value;
    const ref = typeof given === 'string' ? /^\[parameters\('([^']+)'\)\]$/.exec(given)?.[1] : undefined;
    const effect = ref
      ? (a.properties.parameters?.[ref]?.value ?? set.properties.parameters?.[ref]?.defaultValue)
      : given;
    applying.push({
      assignment: a,
      effect,
      through: { id: set.id, displayName: set.properties.displayName ?? set.name },
    });
  }
  return { applying, unread };
}
