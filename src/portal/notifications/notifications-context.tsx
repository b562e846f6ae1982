import {
  Link,
  Toast,
  ToastBody,
  Toaster,
  ToastTitle,
  Spinner,
  useId,
  useToastController,
  type ToastIntent,
} from '@fluentui/react-components';
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { navigate } from '../navigation/router';
import {
  NotificationStore,
  type NotificationInput,
  type NotificationStatus,
  type PortalNotification,
} from './notification-store';

export interface NotificationHandle {
  id: string;
  succeed(title: string, message?: string): void;
  fail(title: string, message?: string): void;
  warn(title: string, message?: string): void;
  progress(message: string): void;
}

interface NotificationsApi {
  store: NotificationStore;
  start(input: NotificationInput): NotificationHandle;
  post(input: NotificationInput): void;
}

const Ctx = createContext<NotificationsApi | undefined>(undefined);

const intentOf: Record<NotificationStatus, ToastIntent> = {
  inProgress: 'info',
  success: 'success',
  error: 'error',
  warning: 'warning',
  info: 'info',
};

function ToastContent({ n, onOpen }: { n: PortalNotification; onOpen: () => void }) {
  return (
    <Toast>
      <ToastTitle
        media={n.status === 'inProgress' ? <Spinner size="tiny" aria-label="In progress" /> : undefined}
      >
        {n.title}
      </ToastTitle>
      <ToastBody subtitle={n.linkHash ? <Link onClick={onOpen}>Go to resource</Link> : undefined}>
        {n.message}
      </ToastBody>
    </Toast>
  );
}

/** Notifications hub state plus toasts that mirror each start and each change in place. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new NotificationStore());
  // Toasts live in a labelled region so every piece of the page sits in a landmark (axe "region").
  const [toastRegion, setToastRegion] = useState<HTMLElement | null>(null);
  const toasterId = useId('toaster');
  const { dispatchToast, updateToast } = useToastController(toasterId);

  const show = useCallback(
    (n: PortalNotification, first: boolean) => {
      const content = <ToastContent n={n} onOpen={() => n.linkHash && void navigate(n.linkHash)} />;
      const options = {
        toastId: n.id,
        intent: intentOf[n.status],
        timeout: n.status === 'inProgress' ? -1 : n.status === 'error' ? 12000 : 6000,
      };
      if (first) dispatchToast(content, options);
      else updateToast({ ...options, content });
    },
    [dispatchToast, updateToast],
  );

  const api = useMemo<NotificationsApi>(() => {
    const finish = (id: string, status: NotificationStatus) => (title: string, message?: string) => {
      const n = store.update(id, { status, title, message });
      if (n) show(n, false);
    };
    return {
      store,
      start(input) {
        const n = store.add({ ...input, status: 'inProgress' });
        show(n, true);
        return {
          id: n.id,
          succeed: finish(n.id, 'success'),
          fail: finish(n.id, 'error'),
          warn: finish(n.id, 'warning'),
          progress(message) {
            const u = store.update(n.id, { message });
            if (u) show(u, false);
          },
        };
      },
      post(input) {
        show(store.add(input), true);
      },
    };
  }, [store, show]);

  return (
    <Ctx.Provider value={api}>
      {children}
      <div ref={setToastRegion} role="region" aria-label="Notification toasts" />
      {toastRegion && (
        <Toaster
          toasterId={toasterId}
          position="top-end"
          pauseOnHover
          pauseOnWindowBlur
          limit={4}
          mountNode={toastRegion}
        />
      )}
    </Ctx.Provider>
  );
}

export function useNotifications(): NotificationsApi {
  const api = useContext(Ctx);
  if (!api) throw new Error('useNotifications needs <NotificationsProvider>.');
  return api;
}

export function useNotificationList(): PortalNotification[] {
  const { store } = useNotifications();
  return useSyncExternalStore(
    (l) => store.subscribe(l),
    () => store.list(),
  );
}
