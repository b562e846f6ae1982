import { parseResourceId } from '../../arm/resource-id';

type PlannedKind =
  | 'actionGroup'
  | 'logAlert'
  | 'vaultActivityAlert'
  | 'roleActivityAlert'
  | 'botActivityAlert'
  | 'systemTopic'
  | 'eventSubscription';

export interface PlannedResource {
  kind: PlannedKind;
  id: string;
  type: string;
  /** What it is, in the words the portal uses. */
  title: string;
  /** What it watches or where it runs. */
  scope: string;
  purpose: string;
  body: { location?: string; kind?: string; tags?: Record<string, string>; properties: unknown };
  /** An existing resource the plan uses as it is: never written. */
  reused?: boolean;
  /** It exists: it is written again, keeping these action groups besides the chosen one. */
  keeps?: string[];
}

/** Marks what Keyguard made, so its own rules are recognised later and nothing else is taken for them. */
export const keyguardTag = { 'keyguard-alerts': 'bot-cmk' };

export const resourceGroupOf = (id: string) => {
  const p = parseResourceId(id);
  if (!p?.resourceGroup) throw new Error(`Not a resource in a resource group: ${id}`);
  return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}`;
};

/** ARM names: letters, digits, hyphens; Keyguard's names stay short and readable. */
export const slug = (s: string) => s.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 60);

/** The action groups a resource notifies: those it had (when it exists) and the chosen one. */
export function notifying(
  existing: ReadonlyMap<string, string[]> | undefined,
  id: string,
  groupId: string,
): { groups: string[]; keeps?: string[] } {
  const had = existing?.get(id.toLowerCase());
  if (!had) return { groups: [groupId] };
  const others = had.filter((g) => g.toLowerCase() !== groupId.toLowerCase());
  return { groups: [...others, groupId], keeps: others };
}
