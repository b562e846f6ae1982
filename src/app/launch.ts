import { spawnTwin } from '../mocks/harness/page/spawn-twin';
import { registerMockWorker } from '../mocks/harness/register-worker';
import { parseHash } from '../portal/navigation/routes';
import type { DemoStartUp } from './bootstrap';
import { demoBannerChunk, preloadPage } from './pages';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';

/**
 * A demo build fetches the twin, the shell and the page the link points at while the configuration is read. MSW's
 * service worker is registered only once the configuration says demo: a live start must not install it.
 */
function startDemoDownloads(config: Promise<RuntimeConfig | { error: string } | undefined>): DemoStartUp {
  const workerUrl = `${import.meta.env.BASE_URL}mockServiceWorker.js`;
  // The twin builds its world in its own thread while the UI runtime downloads; a live start stops it (bootstrap).
  const twin = spawnTwin(window.location.search);
  const demo: DemoStartUp = {
    twin,
    workerRegistered: config.then((c) => (c === undefined ? registerMockWorker(workerUrl) : undefined)),
    code: Promise.all([import('../mocks/harness/browser'), import('../mocks/harness/demo-identity')]),
    app: import('./app'),
  };
  void preloadPage(parseHash(window.location.hash)).catch(() => undefined);
  void demoBannerChunk?.preload().catch(() => undefined);
  // Failures surface where start-up awaits these; a live start never does.
  for (const p of [demo.workerRegistered, demo.code, demo.app]) p.catch(() => undefined);
  return demo;
}

/**
 * The entry holds no React DOM and no Fluent, so everything start-up needs is asked for at once: the configuration,
 * the UI runtime and, in demo builds, the twin, the shell, the page the link points at and MSW's service worker.
 * Their downloads then overlap with evaluating the UI runtime instead of waiting for it.
 */
export function launch(container: HTMLElement): void {
  const config = loadRuntimeConfig();
  const ui = import('./bootstrap');
  const demo = import.meta.env.VITE_DEMO === 'true' ? startDemoDownloads(config) : undefined;
  ui.then(({ bootstrap }) => bootstrap(container, config, demo)).catch((e: unknown) => {
    // The UI itself did not load (a failed chunk download): say so in plain text.
    console.error(e);
    container.textContent = `Keyguard could not load: ${e instanceof Error ? e.message : String(e)}. Reload the page to try again.`;
  });
}
