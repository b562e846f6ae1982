// The live build against the stand-in Azure of the live end-to-end suite, with per-call latencies like Azure's and a
// signed-in session: the cold deep link to the Encryption blade until its state shows, and the Customer-managed keys
// page (large scenario) until its first rows. Built by `vite build --ssr` and driven from bench/run.mjs.
import type { Browser, Page } from '@playwright/test';
import { StandInAzure, type CallKind } from '../e2e/support/stand-in-azure';
import type { ScenarioName } from '../src/mocks/scenarios';

/** Typical delays of Azure's endpoints (ms), each with ±25% jitter (issue #17's model). */
const typical: Record<CallKind, number> = {
  'arm-read': 150,
  'arm-write': 300,
  'resource-graph': 400,
  graph: 120,
  logs: 300,
  token: 200,
};

/** A seeded jitter, so two bench runs price their calls alike. */
function jitter(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return 0.75 + (s / 2 ** 32) * 0.5;
  };
}

interface Measure {
  scenario: ScenarioName;
  hash: string;
  /** Runs in the page each frame; notes `window.__benchReadyAt` when the state is on screen. */
  ready: () => boolean;
}

async function readyAt(page: Page, ready: () => boolean): Promise<number> {
  await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 60_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __benchReadyAt?: number };
    const t = w.__benchReadyAt ?? performance.now();
    w.__benchReadyAt = undefined;
    return t;
  });
}

/**
 * Signs in once (redirect, PKCE, tokens), keeps the tab's session storage (where MSAL keeps its cache), then opens the
 * deep link `runs` times, each in a fresh context (empty HTTP cache) with that session restored before the page's own scripts run.
 */
async function measure(browser: Browser, liveUrl: string, runs: number, m: Measure): Promise<number[]> {
  const live = liveUrl.replace(/\/+$/, '');
  const azure = new StandInAzure(m.scenario);
  const random = jitter(17);
  azure.latency = (kind) => Math.round(typical[kind] * random());
  const first = await browser.newContext();
  const page = await first.newPage();
  await azure.install(page, live);
  await page.goto(`${live}/${m.hash}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await readyAt(page, m.ready);
  const session = await page.evaluate(() => JSON.stringify({ ...window.sessionStorage }));
  // Calls still held by the latency model are dropped, not answered into a closed page.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await first.close();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    await ctx.addInitScript((saved) => {
      if (window.sessionStorage.length === 0)
        for (const [k, v] of Object.entries(JSON.parse(saved) as Record<string, string>))
          window.sessionStorage.setItem(k, v);
    }, session);
    const p = await ctx.newPage();
    await azure.install(p, live);
    await p.goto(`${live}/${m.hash}`);
    times.push(await readyAt(p, m.ready));
    await p.unrouteAll({ behavior: 'ignoreErrors' });
    await ctx.close();
  }
  return times;
}

const botId =
  '/subscriptions/8f2c1a3e-5b7d-4e9f-a1c3-2d4e6f8a0b1c/resourceGroups/rg-bots-prod/providers/Microsoft.BotService/botServices/contoso-support-bot';

export async function measureLiveLatency(browser: Browser, live: string, runs: number) {
  const encryption = await measure(browser, live, runs, {
    scenario: 'encrypted',
    hash: `#@contoso.onmicrosoft.com/resource${botId}/encryption`,
    ready: () => {
      const el = [...document.querySelectorAll('input')].find((i) =>
        i.closest('[class*="fui-Field"]')?.textContent?.includes('Encryption Status'),
      );
      const ok = el !== undefined && el.value === 'Encrypted';
      const w = window as unknown as { __benchReadyAt?: number };
      if (ok) w.__benchReadyAt ??= performance.now();
      return ok;
    },
  });
  const posture = await measure(browser, live, runs, {
    scenario: 'large',
    hash: '#cmk',
    ready: () => {
      const ok =
        document.querySelectorAll('[role="table"][aria-label="Bots and their keys"] [role="row"]').length >
        10;
      const w = window as unknown as { __benchReadyAt?: number };
      if (ok) w.__benchReadyAt ??= performance.now();
      return ok;
    },
  });
  return { encryption, posture };
}
