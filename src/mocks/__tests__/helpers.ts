import { expect } from 'vitest';
import { alertingApiVersion } from '../../arm/operations/alerts';
import type { CmekRolesRead } from '../../domain/alerts/cmek-roles';
import { planKeyAlerts } from '../../domain/alerts/plan';
import { testTwin } from '../../testing/twin';
import { contosoBotId, contosoVaultId, contosoWorkspaceId } from '../scenarios/contoso';

export const base = 'https://management.azure.com';

/** Plain fetch, no console code: the twin serves any Node HTTP client. */
export async function arm(method: string, path: string, body?: unknown, apiVersion?: string) {
  const url = new URL(base + path);
  if (apiVersion !== '' && !url.searchParams.has('api-version'))
    url.searchParams.set('api-version', apiVersion ?? guessVersion(path));
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

function guessVersion(path: string): string {
  const p = path.toLowerCase().split('?')[0] as string;
  if (/^\/subscriptions\/[^/]+\/providers(\/[^/]+(\/(register|unregister))?)?$/.test(p)) return '2025-04-01';
  if (p.includes('microsoft.authorization')) return '2022-04-01';
  if (p.includes('microsoft.botservice/botservices')) return '2022-09-15';
  if (p.includes('microsoft.keyvault/')) return '2025-05-01';
  if (/^\/subscriptions(\/[^/]+)?$/.test(p) || p === '/tenants') return '2022-12-01';
  return '2025-04-01';
}

export const hours = (n: number) => n * 60 * 60 * 1000;
export const advance = (ms: number) => testTwin.managed.twin.clock.advance(ms);
export const world = () => testTwin.managed.twin.world;

/** Keyguard's alert plan for Contoso's bot and vault, its audit log in the security workspace, as the console makes it. */
export function contosoAlertPlan(options: { watchBot: boolean; cmekRoles?: CmekRolesRead }) {
  const vault = world().vaults.get(contosoVaultId)!;
  return planKeyAlerts(
    {
      bot: { id: contosoBotId, name: 'bot' },
      vault: { id: vault.id, name: vault.name, location: vault.location },
      audit: { workspaceId: contosoWorkspaceId, workspaceLocation: 'westeurope', resourceSpecific: true },
      appId: '27a762be-14e7-4f92-899c-151877d6d497',
      cmekRoles: options.cmekRoles,
    },
    {
      actionGroup: { kind: 'new', name: 'bot-keys', shortName: 'BotKeys', email: 'ops@contoso.com' },
      watchBot: options.watchBot,
    },
  );
}

/** Writes every resource of a plan, each at the api-version the console sends for its type. */
export async function writePlan(plan: ReturnType<typeof contosoAlertPlan>) {
  for (const r of plan.resources) {
    const res = await arm('PUT', r.id, r.body, alertingApiVersion(r.type));
    expect([r.kind, res.status, res.body?.error]).toEqual([r.kind, 201, undefined]);
  }
}
