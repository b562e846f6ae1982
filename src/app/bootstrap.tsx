import { createRoot, type Root } from 'react-dom/client';
import { StrictMode } from 'react';
import { configureArmClient } from '../arm/client';
import { clouds } from '../arm/clouds';
import type { Session } from '../auth/session';
import { syncRouteFromLocation } from '../portal/navigation/router';
import { App } from './app';
import { createQueryClient } from './query-client';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';
import { SignInPage, StartErrorPage } from './start-pages';

async function startDemo(root: Root): Promise<void> {
  const { startDemoTwin } = await import('../mocks/browser');
  const { control } = await startDemoTwin(
    new URLSearchParams(window.location.search),
    import.meta.env.BASE_URL,
  );
  const { demoAccount } = await import('../mocks/demo-identity');
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
  render(root, session, control);
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
  render(root, live.session);
}

function render(root: Root, session: Session, demo?: Parameters<typeof App>[0]['demo']): void {
  root.render(
    <StrictMode>
      <App session={session} queryClient={createQueryClient()} demo={demo} />
    </StrictMode>,
  );
}

/** Start-up: live mode when config.json names a client id; otherwise demo mode (demo builds only). */
export async function bootstrap(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  const config = await loadRuntimeConfig();
  if (config && 'error' in config) {
    root.render(<StartErrorPage title="The live configuration is invalid" message={config.error} />);
    return;
  }
  try {
    if (config) await startLiveMode(root, config);
    else if (import.meta.env.VITE_DEMO === 'true') await startDemo(root);
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
