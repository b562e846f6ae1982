import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { listAll } from '../paging';
import type { Provider } from '../types/resources';

const v = apiVersions.resources;

export async function providersGet(
  subscriptionId: string,
  namespace: string,
  signal?: AbortSignal,
): Promise<Provider> {
  return (
    await armRequest<Provider>({
      method: 'GET',
      path: `/subscriptions/${subscriptionId}/providers/${namespace}`,
      apiVersion: v,
      signal,
    })
  ).body;
}

export function providersList(subscriptionId: string, signal?: AbortSignal): Promise<Provider[]> {
  return listAll<Provider>(`/subscriptions/${subscriptionId}/providers`, { apiVersion: v, signal });
}

/** Providers_Register is not an LRO: it answers `Registering` and the caller polls Providers_Get. Safe to repeat. */
export async function providersRegister(
  subscriptionId: string,
  namespace: string,
  signal?: AbortSignal,
): Promise<Provider> {
  const path = `/subscriptions/${subscriptionId}/providers/${namespace}/register`;
  return (await armRequest<Provider>({ method: 'POST', path, apiVersion: v, signal, idempotent: true })).body;
}

export async function providersUnregister(
  subscriptionId: string,
  namespace: string,
  signal?: AbortSignal,
): Promise<Provider> {
  const path = `/subscriptions/${subscriptionId}/providers/${namespace}/unregister`;
  return (await armRequest<Provider>({ method: 'POST', path, apiVersion: v, signal, idempotent: true })).body;
}
