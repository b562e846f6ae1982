import { apiVersions } from '../api-versions';
import { listAll } from '../paging';
import type { GenericResource, Subscription, Tenant } from '../types/resources';

export function subscriptionsList(signal?: AbortSignal): Promise<Subscription[]> {
  return listAll<Subscription>('/subscriptions', { apiVersion: apiVersions.subscriptions, signal });
}

export function tenantsList(signal?: AbortSignal): Promise<Tenant[]> {
  return listAll<Tenant>('/tenants', { apiVersion: apiVersions.subscriptions, signal });
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
