import { clouds, isCloudName, type Cloud } from '../arm/clouds';

export interface RuntimeConfig {
  clientId: string;
  tenantId?: string;
  cloud: Cloud;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates `config.json`; anything without a client id GUID is "no configuration". */
function parseRuntimeConfig(raw: unknown): RuntimeConfig | { error: string } | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const c = raw as Record<string, unknown>;
  if (c.clientId === undefined || c.clientId === '') return undefined;
  if (typeof c.clientId !== 'string' || !guid.test(c.clientId))
    return { error: 'config.json: clientId must be the application (client) ID, a GUID.' };
  if (c.cloud !== undefined && !isCloudName(c.cloud))
    return { error: `config.json: cloud must be one of ${Object.keys(clouds).join(', ')}.` };
  if (c.tenantId !== undefined && (typeof c.tenantId !== 'string' || !/^[a-z0-9.-]+$/i.test(c.tenantId))) {
    return { error: 'config.json: tenantId must be a tenant id, a domain, or "organizations".' };
  }
  return {
    clientId: c.clientId,
    tenantId: c.tenantId,
    cloud: clouds[isCloudName(c.cloud) ? c.cloud : 'AzureCloud'],
  };
}

/** Live configuration is read at run time from `config.json` beside index.html, so one build deploys anywhere. */
export async function loadRuntimeConfig(): Promise<RuntimeConfig | { error: string } | undefined> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' });
    if (!response.ok) return undefined;
    const text = await response.text();
    return parseRuntimeConfig(JSON.parse(text));
  } catch {
    // No file (the dev server answers index.html instead): no live configuration.
    return undefined;
  }
}
