import { setupWorker } from 'msw/browser';
import type { TwinControl } from './control';
import { forwardingHandlers } from '../server/msw-handlers';
import { remoteTwin, type PagePort } from './page/remote-twin';
import type { SpawnedTwin } from './page/spawn-twin';

export interface DemoStart {
  control: TwinControl;
  /**
   * Settles once MSW intercepts this page's requests: a request sent before would reach the real hosts, so the ARM
   * layer waits for it. The twin itself may still be building then; its worker holds the request until it is.
   */
  intercepting: Promise<void>;
  /** Settles when the twin's worker has built the world: when the worker started and finished (epoch ms). */
  twinReady: Promise<{ startedAt: number; builtAt: number }>;
}

declare global {
  interface Window {
    /** Demo builds only: lets Playwright and the demo panel drive the twin. */
    __keyguardTwin?: TwinControl;
  }
}

/**
 * MSW calls `registration.update()` without waiting for it (mswjs/msw#2006). Its worker unregisters itself when the
 * last page it served closes, so right after a full navigation the new page can find a registration on its way out,
 * and the update's rejection ("Not found") surfaced as an uncaught error. The worker still serves this page, and the
 * next load registers it again, so that rejection is caught here; callers that await `update()` still see it.
 */
function catchUnawaitedWorkerUpdates(): void {
  const proto = globalThis.ServiceWorkerRegistration?.prototype;
  if (!proto || (proto.update as { caught?: boolean }).caught) return;
  const update = proto.update;
  const caught = function (this: ServiceWorkerRegistration) {
    const pending = update.call(this);
    pending.catch(() => undefined);
    return pending;
  };
  proto.update = Object.assign(caught, { caught: true });
}

/**
 * Demo start-up on the page: the twin starts in its own worker (its world built, or restored, off the main thread),
 * and MSW's service worker hands every Azure request to one page handler that passes it to the twin and returns its
 * answer. Nothing here waits for the twin: the first render overlaps its start.
 */
export function startDemoTwin(
  /** The twin's worker, spawned by the entry (page/spawn-twin.ts). */
  spawned: SpawnedTwin,
  baseUrl: string,
  /** The service worker registration start-up began before this code arrived (see register-worker.ts). */
  registered: Promise<void> = Promise.resolve(),
): DemoStart {
  const twin = remoteTwin(spawned.port as unknown as PagePort);
  const msw = setupWorker(...forwardingHandlers(twin.request));
  catchUnawaitedWorkerUpdates();
  const intercepting = registered.then(async () => {
    await msw.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: `${baseUrl}mockServiceWorker.js` },
    });
  });
  window.__keyguardTwin = twin.control;
  return { control: twin.control, intercepting, twinReady: twin.ready };
}
