import { FluentProvider } from '@fluentui/react-components';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { SessionContext, type Session } from '../auth/session';
import { markContentShown } from '../portal/content-shown';
import { UnsavedChangesProvider } from '../portal/navigation/unsaved-changes';
import { NotificationsProvider, useNotifications } from '../portal/notifications/notifications-context';
import { ChangeReporterContext } from '../queries/change-reporter';
import { themes, useThemeName } from '../portal/theme/theme';
import type { TwinControl } from '../mocks/harness/control';
import { DemoControlContext } from './demo/demo-context';
import { Shell } from './shell';

export { createQueryClient } from './query-client';
export { prefetchRouteData } from './prefetch-route';

/** Changes made by the queries layer report to the portal's notifications hub. */
function ChangesToNotifications({ children }: { children: ReactNode }) {
  const notifications = useNotifications();
  return <ChangeReporterContext.Provider value={notifications}>{children}</ChangeReporterContext.Provider>;
}

export function Providers({
  session,
  queryClient,
  children,
}: {
  session: Session;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  const theme = useThemeName();
  // The first answer (data or an error) for a single resource means a blade has something to show: the chrome may
  // load. Lists (subscriptions, Home's resources, providers) say so themselves when they are complete.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((e) => {
        const key = e.query.queryKey as readonly unknown[];
        const id = key[1];
        const single = key.length === 2 && typeof id === 'string' && id.includes('/providers/');
        if (e.type === 'updated' && single && e.query.state.status !== 'pending') markContentShown();
      }),
    [queryClient],
  );
  return (
    <FluentProvider theme={themes[theme]} style={{ height: '100%' }}>
      <QueryClientProvider client={queryClient}>
        <SessionContext.Provider value={session}>
          <NotificationsProvider>
            <ChangesToNotifications>
              <UnsavedChangesProvider>{children}</UnsavedChangesProvider>
            </ChangesToNotifications>
          </NotificationsProvider>
        </SessionContext.Provider>
      </QueryClientProvider>
    </FluentProvider>
  );
}

export function App({
  session,
  queryClient,
  demo,
}: {
  session: Session;
  queryClient: QueryClient;
  demo?: TwinControl;
}) {
  return (
    <Providers session={session} queryClient={queryClient}>
      <DemoControlContext.Provider value={demo}>
        <Shell />
      </DemoControlContext.Provider>
    </Providers>
  );
}
