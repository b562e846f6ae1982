import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The benchmark's tools: statistics, the preview servers, page probes. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), min: s[0], max: s[s.length - 1], p95: q(0.95), n: s.length };
}

export function serve(dir, port) {
  const child = spawn(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--outDir',
      dir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  return { child, url: `http://127.0.0.1:${port}/` };
}

export async function waitUp(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

export const gzipKb = (dir, urls) =>
  urls.reduce((sum, u) => {
    const file = join(root, dir, new URL(u).pathname);
    return existsSync(file) ? sum + gzipSync(readFileSync(file)).length : sum;
  }, 0) / 1000;

/**
 * Polls in the page on every frame until `condition` holds; returns performance.now() of that very frame, which each
 * condition notes in `window.__benchReadyAt` (read back afterwards: Playwright's own round trip would otherwise add
 * its delay to every figure; the page's CSP forbids composing the probe from a string).
 */
export const readyAt = async (page, condition, arg) => {
  await page.waitForFunction(condition, arg, { polling: 'raf', timeout: 60_000 });
  return page.evaluate(() => {
    const t = window.__benchReadyAt ?? performance.now();
    window.__benchReadyAt = undefined;
    return t;
  });
};

export const encryptionReady = () => {
  const el = [...document.querySelectorAll('input')].find((i) =>
    i.closest('[class*="fui-Field"]')?.textContent?.includes('Encryption Status'),
  );
  const ok = el !== undefined && el.value === 'Encrypted';
  if (ok) window.__benchReadyAt ??= performance.now();
  return ok;
};

/** Runs in the page before its scripts: notes when each fetch starts and ends, on the page's clock. */
export function recordFetches() {
  const original = window.fetch;
  window.__benchFetches = [];
  window.fetch = function (input, init) {
    const call = { url: String(input instanceof Request ? input.url : input), start: performance.now() };
    window.__benchFetches.push(call);
    return original.call(this, input, init).finally(() => {
      call.end = performance.now();
    });
  };
}

/** Longest run of calls where each starts only after the one before it ended. */
export function longestChain(reqs) {
  const sorted = [...reqs].sort((a, b) => a.start - b.start);
  const chain = sorted.map(() => 1);
  sorted.forEach((r, i) => {
    for (let j = 0; j < i; j++) if (sorted[j].end <= r.start) chain[i] = Math.max(chain[i], chain[j] + 1);
  });
  return Math.max(0, ...chain);
}

/** Filter values typed in turn: each changes the list (no match, then all again). Three rounds a run. */
export const keystrokes3x = Array.from({ length: 3 }, () => ['x', '', 'kv-payme-zz', '', 'q', '']).flat();

/** What a demo page loads that a live one does not: MSW's client and the page's end of the twin, the banner, panel. */
export const isDemoMachinery = (u) => /\/(browser|demo-identity|demo-banner|demo-panel)-[^/]+\.js$/.test(u);

/** The twin's worker script: it runs off the page's main thread, so it is counted apart. */
export const isTwinWorker = (u) => /\/twin-worker-[^/]+\.js$/.test(u);

/**
 * The twin worker's own JavaScript, gzip kB: its entry and every chunk it imports (in the build's files, since the
 * page's resource timing does not see what a worker imports).
 */
export function twinWorkerGzipKb(dir) {
  const assets = join(root, dir, 'assets');
  const entry = readdirSync(assets).find((f) => /^twin-worker-.+\.js$/.test(f));
  if (!entry) return 0;
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(assets, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["']\.\/([^"']+\.js)["']/g)) visit(m[1]);
  };
  visit(entry);
  return gzipKb(
    dir,
    [...seen].map((f) => `http://x/assets/${f}`),
  );
}
export const isAzure = (u) => /^https:\/\/(management\.azure\.com|graph\.microsoft\.com)\//.test(u);

/**
 * One keystroke in the page: the input's value set through its native setter (as typing does), then the time until
 * the DOM under `areaSelector` (or its parent, with `parent`) changes (NaN when it does not within 2 s: the
 * keystroke changed nothing shown).
 */
export const keystrokeMs = (page, inputSelector, areaSelector, value, parent = false) =>
  page.evaluate(
    async ([inputSel, areaSel, v, up]) => {
      const input = document.querySelector(inputSel);
      const found = document.querySelector(areaSel);
      const area = (up ? found?.parentElement : found) ?? document.body;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const done = new Promise((resolve) => {
        const mo = new MutationObserver(() => (mo.disconnect(), resolve(performance.now())));
        mo.observe(area, { subtree: true, childList: true, characterData: true });
        setTimeout(() => (mo.disconnect(), resolve(Number.NaN)), 2000);
      });
      const t = performance.now();
      setter.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return (await done) - t;
    },
    [inputSelector, areaSelector, value, parent],
  );

/** The long tasks (ms) while a scrollable region is scrolled 200 × 400 px, one step a frame. */
export const longTasksWhileScrolling = (page, regionSelector) =>
  page.evaluate(async (sel) => {
    const seen = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => seen.push(e.duration)));
    obs.observe({ type: 'longtask' });
    const region = document.querySelector(sel);
    for (let y = 0; y < 200; y++) {
      region.scrollTop += 400;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => setTimeout(r, 200));
    obs.disconnect();
    return seen;
  }, regionSelector);
