import type { Page } from '@playwright/test';
import type { FaultInput } from '../../src/mocks/shared/faults';

/** Arms a fault in the demo's twin for the next matching request(s); resolves with its id once it is armed. */
export async function armFault(page: Page, fault: FaultInput): Promise<string> {
  return page.evaluate(async (f) => (await window.__keyguardTwin!.armFault(f)).id, fault);
}

/** Lets the answers a `hold` fault keeps go. */
export async function releaseFault(page: Page, id: string): Promise<void> {
  await page.evaluate((i) => window.__keyguardTwin!.releaseFault(i), id);
}

/** Reads Azure's state straight from the twin (as another admin would see it), bypassing the console. */
export async function readArm<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (p) => {
    const r = await window.__keyguardTwin!.otherAdmin('GET', p);
    return { status: r.status, body: r.body };
  }, path) as Promise<{ status: number; body: T }>;
}

/** Another admin's change, made behind the console's back. */
export async function otherAdmin(page: Page, method: string, path: string, body?: unknown): Promise<number> {
  return page.evaluate(async ({ m, p, b }) => (await window.__keyguardTwin!.otherAdmin(m, p, b)).status, {
    m: method,
    p: path,
    b: body,
  });
}

/** Counts the requests the page sends that match, from now on. */
export function countRequests(page: Page, method: string, pathIncludes: string): () => number {
  let n = 0;
  const needle = pathIncludes.toLowerCase();
  page.on('request', (r) => {
    if (r.method() === method && new URL(r.url()).pathname.toLowerCase().includes(needle)) n++;
  });
  return () => n;
}

/** Microsoft's Bot Service CMEK Prod in the demo tenant, as Graph answers it (by application id). */
export async function cmekPrincipalId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const r = await fetch(
      "https://graph.microsoft.com/v1.0/servicePrincipals(appId='27a762be-14e7-4f92-899c-151877d6d497')",
    );
    return ((await r.json()) as { id: string }).id;
  });
}

/** One of the demo panel's "another admin" changes, made through the twin (not through the console). */
export async function runPreset(page: Page, id: string): Promise<string> {
  return page.evaluate((i) => window.__keyguardTwin!.runPreset(i), id);
}

/** A change on a vault's data plane as the admin makes it from a shell (not through the console). */
export async function keyVaultCall(page: Page, method: string, url: string, body?: unknown): Promise<number> {
  return page.evaluate(async ({ m, u, b }) => (await window.__keyguardTwin!.keyVault(m, u, b)).status, {
    m: method,
    u: url,
    b: body,
  });
}

/** Moves the twin's simulated clock forward. */
export async function advanceClock(page: Page, ms: number): Promise<void> {
  await page.evaluate((t) => window.__keyguardTwin!.advance(t), ms);
}

/** The versions of a key, oldest first, as ARM lists them (from the twin). */
export async function keyVersions(
  page: Page,
  vaultId: string,
  key: string,
): Promise<{ name: string; enabled: boolean }[]> {
  const r = await readArm<{
    value: { name: string; properties: { attributes: { enabled: boolean; created: number } } }[];
  }>(page, `${vaultId}/keys/${key}/versions?api-version=2025-05-01`);
  return [...(r.body.value ?? [])]
    .sort((a, b) => a.properties.attributes.created - b.properties.attributes.created)
    .map((v) => ({ name: v.name, enabled: v.properties.attributes.enabled }));
}
