import type { Service, TwinResponse } from './http';
import { supportedApiVersions } from '../store/api-versions';

import { directLineHosts, graphHosts, keyVaultHost, logAnalyticsHosts } from '../shared/intercept';

export function serviceOf(host: string): Service {
  if (graphHosts.includes(host)) return 'graph';
  if (directLineHosts.includes(host)) return 'directline';
  if (logAnalyticsHosts.includes(host)) return 'logs';
  if (keyVaultHost.test(host)) return 'keyvault';
  return 'arm';
}

export interface TwinOutcome {
  /** Undefined when the connection is to be dropped. */
  response?: TwinResponse;
  delayMs: number;
  /** The answer waits for this too (a `hold` fault until it is released). */
  until?: Promise<void>;
}

/** Which provider's api-versions apply to a path. */
export function providerOf(path: string): string {
  const lower = path.toLowerCase();
  if (
    lower === '/subscriptions' ||
    lower === '/tenants' ||
    /^\/subscriptions\/[^/]+(\/resources)?$/.test(lower)
  )
    return 'microsoft.resources';
  if (/^\/subscriptions\/[^/]+\/providers(\/[^/]+(\/(register|unregister))?)?$/.test(lower))
    return 'microsoft.resources';
  if (lower.includes('/providers/microsoft.authorization/')) return 'microsoft.authorization';
  // An extension resource (a vault's diagnostic settings) belongs to the last provider in its path.
  const all = [...lower.matchAll(/\/providers\/([^/]+)\/([^/]+)/g)];
  const last = all[all.length - 1];
  if (!last) return 'microsoft.resources';
  const typed = `${last[1]}/${last[2]}`;
  return typed in supportedApiVersions ? typed : (last[1] as string);
}
