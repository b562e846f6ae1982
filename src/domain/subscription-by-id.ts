import type { Subscription } from '../arm/types/resources';

/** A subscription of a list by its id, however either is cased (ARM ids and user input differ in case). */
export function subscriptionById(
  subs: readonly Subscription[] | undefined,
  id: string | undefined,
): Subscription | undefined {
  if (!subs || !id) return undefined;
  const wanted = id.toLowerCase();
  return subs.find((s) => s.subscriptionId.toLowerCase() === wanted);
}
