import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { listAll } from '../paging';
import { serverClockKnown } from '../server-clock';
import type { GenericResource, Subscription, Tenant } from '../types/resources';

export function subscriptionsList(signal?: AbortSignal): Promise<Subscription[]> {
  return listAll<Subscription>('/subscriptions', { apiVersion: apiVersions.subscriptions, signal });
}

export function tenantsList(signal?: AbortSignal): Promise<Tenant[]> {
  return listAll<Tenant>('/tenants', { apiVersion: apiVersions.subscriptions, signal });
}

/**
 * Makes sure Azure's time is known before a question that depends on it ("the last 24 hours"): a laptop's clock may
 * be off, and the demo twin's runs fast. Subscriptions_Get is the cheapest answer that carries a Date header.
 */
export async function learnAzureTime(subscriptionId: string, signal?: AbortSignal): Promise<void> {
  if (serverClockKnown()) return;
  await armRequest<Subscription>({
    method: 'GET',
    path: `/subscriptions/${subscriptionId}`,
    apiVersion: apiVersions.subscriptions,
    signal,
  });
}

/** Resources_List, filtered to the resource types this console manages. */
export function resourcesList(
  subscriptionId: string,
  resourceTypes: string[],
  signal?: AbortSignal,
): Promise<GenericResource[]> {
  const filter = resourceTypes.map((t) => `resourceType eq '${t}'`).join(' or ');
  return listAll<GenericResource>(`/subscriptions/${subscriptionId}/resources`, {
    apiVersion: apiVersions.resources,
    query: { $filter: filter || undefined },
    signal,
  });
}
