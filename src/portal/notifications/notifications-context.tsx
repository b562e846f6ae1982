import {
  Link,
  Toast,
  ToastBody,
  Toaster,
  ToastTitle,
  Spinner,
  useId,
  useThemeClassName,
  useToastController,
  type ToastIntent,
} from '@fluentui/react-components';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
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
  const toastRegion = useToastRegion();
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
      {createPortal(
        <Toaster
          toasterId={toasterId}
          position="top-end"
          pauseOnHover
          pauseOnWindowBlur
          limit={4}
          mountNode={toastRegion}
        />,
        toastRegion,
      )}
    </Ctx.Provider>
  );
}

/**
 * The toasts and their live region sit in a labelled region at the top of <body>, marked never-hidden: a modal pane or
 * dialog hides everything else from screen readers (aria-hidden), and a change finishing while it is open must still
 * be announced. The region carries the theme's class, as Fluent's own portals do.
 */
function useToastRegion(): HTMLElement {
  const themeClassName = useThemeClassName();
  const region = toastHost();
  useEffect(() => {
    document.body.appendChild(region);
    return () => region.remove();
  }, [region]);
  useEffect(() => region.setAttribute('class', themeClassName), [region, themeClassName]);
  return region;
}

let host: HTMLElement | undefined;
function toastHost(): HTMLElement {
  if (!host) {
    host = document.createElement('div');
    host.setAttribute('role', 'region');
    host.setAttribute('aria-label', 'Notification toasts');
    host.setAttribute('data-tabster-never-hide', '');
  }
  return host;
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
