import { createRoot, type Root } from 'react-dom/client';
import { StrictMode } from 'react';
import { configureArmClient } from '../arm/client';
import { clouds } from '../arm/clouds';
import type { Session } from '../auth/session';
import type { TwinControl } from '../mocks/control';
import { syncRouteFromLocation } from '../portal/navigation/router';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';
import { SignInPage, StartErrorPage } from './start-pages';

/** The shell is its own chunk: the sign-in page does not wait for it, and demo start-up loads it beside the twin. */
const loadApp = () => import('./app');

const loadDemo = () => Promise.all([import('../mocks/browser'), import('../mocks/demo-identity')]);

async function startDemo(
  root: Root,
  app: ReturnType<typeof loadApp>,
  demo: ReturnType<typeof loadDemo>,
): Promise<void> {
  const [{ startDemoTwin }, { demoAccount }] = await demo;
  const { control } = await startDemoTwin(
    new URLSearchParams(window.location.search),
    import.meta.env.BASE_URL,
  );
  configureArmClient({ cloud: clouds.AzureCloud, getToken: async () => 'demo-token-not-a-secret' });
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
  await render(root, app, session, control);
}

async function startLiveMode(root: Root, config: RuntimeConfig): Promise<void> {
  const { startLive } = await import('../auth/msal-live');
  const live = await startLive(config);
  if (!live.signedIn) {
    root.render(<SignInPage signIn={live.signIn} />);
    return;
  }
  configureArmClient({ cloud: config.cloud, getToken: live.getToken });
  syncRouteFromLocation();
  await render(root, loadApp(), live.session);
}

async function render(
  root: Root,
  app: ReturnType<typeof loadApp>,
  session: Session,
  demo?: TwinControl,
): Promise<void> {
  const { App, createQueryClient, preloadRoute } = await app;
  // The page the link points at is fetched before the first render, so it shows without a Suspense round trip.
  await preloadRoute(window.location.hash);
  root.render(
    <StrictMode>
      <App session={session} queryClient={createQueryClient()} demo={demo} />
    </StrictMode>,
  );
}

/** Start-up: live mode when config.json names a client id; otherwise demo mode (demo builds only). */
export async function bootstrap(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  // A demo build fetches the shell (and the blade the link points at) while it reads the configuration.
  const app = import.meta.env.VITE_DEMO === 'true' ? loadApp() : undefined;
  const demo = import.meta.env.VITE_DEMO === 'true' ? loadDemo() : undefined;
  void app?.then((m) => m.preloadRoute(window.location.hash));
  const config = await loadRuntimeConfig();
  if (config && 'error' in config) {
    root.render(<StartErrorPage title="The live configuration is invalid" message={config.error} />);
    return;
  }
  try {
    if (config) await startLiveMode(root, config);
    else if (import.meta.env.VITE_DEMO === 'true')
      await startDemo(root, app ?? loadApp(), demo ?? loadDemo());
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
