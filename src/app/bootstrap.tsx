import { createRoot, type Root } from 'react-dom/client';
import { StrictMode } from 'react';
import { configureArmClient } from '../arm/client';
import { clouds } from '../arm/clouds';
import type { Session } from '../auth/session';
import type * as browserTwin from '../mocks/harness/browser';
import type { TwinControl } from '../mocks/harness/control';
import type * as demoIdentity from '../mocks/harness/demo-identity';
import type { SpawnedTwin } from '../mocks/harness/page/spawn-twin';
import { syncRouteFromLocation } from '../portal/navigation/router';
import { parseHash } from '../portal/navigation/routes';
import { demoBannerChunk, preloadPage } from './pages';
import type { RuntimeConfig } from './runtime-config';
import { SignInPage, StartErrorPage } from './start-pages';

/** The shell is its own chunk: the sign-in page does not wait for it, and demo start-up loads it beside the twin. */
const loadApp = () => import('./app');

const firstRenderHoldMs = 250;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the entry (launch.ts) already asked for in a demo build. */
export interface DemoStartUp {
  code: Promise<[typeof browserTwin, typeof demoIdentity]>;
  /** The twin's worker, already building the demo's world. */
  twin: SpawnedTwin;
  app: ReturnType<typeof loadApp>;
  /** MSW's service worker, registered as soon as the configuration said demo. */
  workerRegistered: Promise<void>;
}

async function startDemo(root: Root, demo: DemoStartUp): Promise<void> {
  const [{ startDemoTwin }, { demoAccount, demoTokens }] = await demo.code;
  performance.mark('keyguard:demo-code');
  // Not awaited: the first render overlaps the twin's start in its worker. A request waits only for MSW to
  // intercept (else it would reach the real hosts); the worker holds it until the twin is built.
  const { control, intercepting, twinReady } = startDemoTwin(
    demo.twin,
    import.meta.env.BASE_URL,
    demo.workerRegistered,
  );
  void intercepting.then(() => performance.mark('keyguard:intercepting'));
  void twinReady.then(({ startedAt, builtAt }) => {
    // On the page's clock: the worker's own time origin is another.
    performance.mark('keyguard:twin-worker-started', { startTime: startedAt - performance.timeOrigin });
    performance.mark('keyguard:twin-built', { startTime: builtAt - performance.timeOrigin });
    performance.mark('keyguard:twin-ready');
  });
  configureArmClient({
    cloud: clouds.AzureCloud,
    // Unsigned JWTs with a real token's audience, tenant and lifetime: the gateway's checks run as they do live.
    getToken: demoTokens(() => session.account),
    fetch: (input, init) => intercepting.then(() => fetch(input, init)),
    gatewayUrl: new URL(`${import.meta.env.BASE_URL}api/keyvault`, window.location.origin).toString(),
  });
  const session: Session = {
    mode: 'demo',
    cloud: clouds.AzureCloud,
    account: demoAccount(),
    signOut: async () => undefined,
    switchTenant: async (tenantId) => {
      session.account = { ...session.account, tenantId };
    },
    signInAgain: async () => undefined,
  };
  document.title = '[DEMO] Keyguard for Azure Bot Service';
  await render(root, demo.app, session, control);
}

async function startLiveMode(root: Root, config: RuntimeConfig): Promise<void> {
  const { startLive } = await import('../auth/msal-live');
  const live = await startLive(config);
  if (!live.signedIn) {
    root.render(<SignInPage signIn={live.signIn} />);
    return;
  }
  configureArmClient({
    cloud: config.cloud,
    getToken: live.getToken,
    gatewayUrl: new URL(`${import.meta.env.BASE_URL}api/keyvault`, window.location.origin).toString(),
  });
  syncRouteFromLocation();
  await render(root, loadApp(), live.session);
}

async function render(
  root: Root,
  app: ReturnType<typeof loadApp>,
  session: Session,
  demo?: TwinControl,
): Promise<void> {
  const route = parseHash(window.location.hash);
  // The page the link points at (and a demo's banner) is fetched before the first render, so it shows without a
  // Suspense round trip.
  const [{ App, createQueryClient, prefetchRouteData }] = await Promise.all([
    app,
    preloadPage(route),
    demo ? demoBannerChunk?.preload() : undefined,
  ]);
  const queryClient = createQueryClient();
  // A quick answer is waited for, so the blade renders once with its data instead of a skeleton and then again (and
  // the answer is not held up behind that first render); a slow one is not: the skeleton shows after a moment.
  await Promise.race([prefetchRouteData(route, queryClient), wait(firstRenderHoldMs)]);
  performance.mark('keyguard:render');
  root.render(
    <StrictMode>
      <App session={session} queryClient={queryClient} demo={demo} />
    </StrictMode>,
  );
}

/** Start-up: live mode when config.json names a client id; otherwise demo mode (demo builds only). */
export async function bootstrap(
  container: HTMLElement,
  configRead: Promise<RuntimeConfig | { error: string } | undefined>,
  demo?: DemoStartUp,
): Promise<void> {
  const root = createRoot(container);
  const config = await configRead;
  if (config && 'error' in config) {
    root.render(<StartErrorPage title="The live configuration is invalid" message={config.error} />);
    return;
  }
  // A demo build told to run live: the twin the entry started is not wanted.
  if (config) demo?.twin.worker.terminate();
  try {
    if (config) await startLiveMode(root, config);
    else if (demo) await startDemo(root, demo);
    else {
      root.render(
        <StartErrorPage
          title="Keyguard is not configured"
          message="This is a live build: put a config.json with your app registration's clientId next to index.html (see the README)."
        />,
      );
    }
  } catch (e) {
    console.error(e);
    root.render(
      <StartErrorPage
        title="Keyguard could not start"
        message={e instanceof Error ? e.message : String(e)}
      />,
    );
  }
}
