import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useInteractionRequired } from '../auth/interaction';
import { useSession } from '../auth/session';
import { cmkHash, homeHash } from '../portal/navigation/routes';
import { RouterLink } from '../portal/navigation/router-link';
import { useRoute } from '../portal/navigation/router';
import { TopBar } from '../portal/top-bar/top-bar';
import { ResourcePage } from './resource-page';
import { demoBannerChunk, cmkChunk, homeChunk } from './pages';
import { preloadable } from './preloadable';

const useStyles = makeStyles({
  shell: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  content: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  pad: { padding: tokens.spacingHorizontalXL },
});

const HomePage = preloadable(homeChunk);
const CmkPage = preloadable(cmkChunk);

// The search box and the directory pane load when the top bar first shows them, not with the page.
const GlobalSearch = lazy(() =>
  import('../features/search/global-search').then((m) => ({ default: m.GlobalSearch })),
);
const DirectoryPane = lazy(() =>
  import('../features/directory/directory-pane').then((m) => ({ default: m.DirectoryPane })),
);

// Only demo builds contain the banner and panel (demoBannerChunk is undefined in a live build).
const DemoBanner = demoBannerChunk && preloadable(demoBannerChunk);

function SignInAgainBar() {
  const session = useSession();
  const required = useInteractionRequired();
  if (!required) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>Sign in again</MessageBarTitle>
        Azure needs you to sign in again before it can be called. Signing in leaves this page and brings you
        back to it; edits not yet saved are not kept.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => void session.signInAgain()}>
          Sign in again
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function Shell() {
  const styles = useStyles();
  const route = useRoute();
  const session = useSession();
  const tenant = route.kind === 'not-found' ? undefined : route.tenant;
  return (
    <div className={styles.shell}>
      {session.mode === 'demo' && DemoBanner && (
        <div role="region" aria-label="Demo mode">
          <Suspense fallback={null}>
            <DemoBanner />
          </Suspense>
        </div>
      )}
      <TopBar
        tenant={tenant}
        pages={[
          { href: homeHash(tenant), label: 'Home', current: route.kind === 'home' },
          { href: cmkHash(tenant), label: 'Customer-managed keys', current: route.kind === 'cmk' },
        ]}
        Search={GlobalSearch}
        DirectoryPane={DirectoryPane}
      />
      <div role="region" aria-label="Session" aria-live="polite">
        <SignInAgainBar />
      </div>
      <main className={styles.content}>
        {route.kind === 'home' && (
          <Suspense fallback={null}>
            <HomePage tenant={tenant} />
          </Suspense>
        )}
        {route.kind === 'cmk' && (
          <Suspense fallback={null}>
            <CmkPage tenant={tenant} query={route.query} />
          </Suspense>
        )}
        {route.kind === 'resource' && (
          <ResourcePage
            resourceId={route.resourceId}
            blade={route.blade}
            tenant={tenant}
            query={route.query}
          />
        )}
        {route.kind === 'not-found' && (
          <div className={styles.pad}>
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Page not found</MessageBarTitle>
                The address does not point to a page of Keyguard.{' '}
                <RouterLink href={homeHash()}>Go to Home</RouterLink>
              </MessageBarBody>
            </MessageBar>
          </div>
        )}
      </main>
    </div>
  );
}
