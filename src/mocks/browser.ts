import { setupWorker } from 'msw/browser';
import type { TwinControl } from './control';
import { controlOf, demoSpeed, ManagedTwin } from './create-twin';
import { demoPersistence } from './persistence';
import { isScenarioName } from './scenarios';
import { twinHandlers } from './msw-handlers';

export interface DemoStart {
  control: TwinControl;
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
 * Demo start-up: restores the twin from the last session (or seeds the scenario named in `?scenario=`), starts the
 * MSW service worker in front of the real Azure URLs, and keeps the twin's state across reloads.
 */
export async function startDemoTwin(
  search: URLSearchParams,
  baseUrl: string,
  /** The worker registration start-up began before this code arrived (see register-worker.ts). */
  registered: Promise<void> = Promise.resolve(),
): Promise<DemoStart> {
  // The service worker installs (off the main thread) while the twin's world is built (on it); requests can only
  // arrive once the app renders, after both.
  const ready: { twin?: ManagedTwin } = {};
  const worker = setupWorker(
    ...twinHandlers(() => {
      if (!ready.twin) throw new Error('The twin is not ready yet.');
      return ready.twin.twin;
    }),
  );
  catchUnawaitedWorkerUpdates();
  const started = registered.then(() =>
    worker.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: `${baseUrl}mockServiceWorker.js` },
    }),
  );
  const store = demoPersistence();
  const wanted = search.get('scenario');
  const saved = store.load();
  const speedParam = Number(search.get('speed'));
  const speed = Number.isFinite(speedParam) && speedParam > 0 ? speedParam : demoSpeed;
  const fresh = isScenarioName(wanted) && (!saved || saved.scenario !== wanted);
  const managed =
    fresh || !saved
      ? new ManagedTwin({ scenario: isScenarioName(wanted) ? wanted : 'fresh', speed })
      : new ManagedTwin({}, saved);
  ready.twin = managed;
  performance.mark('keyguard:twin-built');
  if (search.has('speed')) managed.twin.clock.setSpeed(speed);
  // `?gateway=off`: a deployment without Keyguard's Key Vault gateway (data-plane actions become commands to run).
  if (search.get('gateway') === 'off') managed.twin.world.settings.gateway = false;
  if (search.get('gateway') === 'on') managed.twin.world.settings.gateway = true;

  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    store.save(managed.snapshot());
  };
  managed.twin.onChange(() => {
    if (!timer) timer = setTimeout(save, 150);
  });
  window.addEventListener('pagehide', save);
  save();

  await started;
  const control = controlOf(managed);
  window.__keyguardTwin = control;
  return { control };
}
