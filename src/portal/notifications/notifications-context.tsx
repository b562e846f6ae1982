import {
  createContext,
  lazy,
  Suspense,
  useContext,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useContentShown } from '../content-shown';
import { resourceHash } from '../navigation/routes';
import {
  NotificationStore,
  type NotificationInput,
  type NotificationStatus,
  type PortalNotification,
} from './notification-store';

const ToastHost = lazy(() => import('./toast-host'));

interface NotificationHandle {
  id: string;
  succeed(title: string, message?: string): void;
  fail(title: string, message?: string): void;
  warn(title: string, message?: string): void;
  progress(message: string): void;
}

/** A notification about a resource links to it ("never create dead ends"), to one of its blades when named. */
interface NotificationRequest extends Omit<NotificationInput, 'linkHash'> {
  blade?: string;
  tenant?: string;
}

interface NotificationsApi {
  store: NotificationStore;
  start(input: NotificationRequest): NotificationHandle;
  post(input: NotificationRequest): void;
}

function withLink({ blade, tenant, ...input }: NotificationRequest): NotificationInput {
  return input.resourceId ? { ...input, linkHash: resourceHash(input.resourceId, blade, tenant) } : input;
}

const Ctx = createContext<NotificationsApi | undefined>(undefined);

/** Notifications hub state; toasts mirror it once the page's content is on screen (see ToastHost). */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new NotificationStore());
  const shown = useContentShown();
  const api = useMemo<NotificationsApi>(() => {
    const finish = (id: string, status: NotificationStatus) => (title: string, message?: string) =>
      void store.update(id, { status, title, message });
    return {
      store,
      start(input) {
        const n = store.add({ ...withLink(input), status: 'inProgress' });
        return {
          id: n.id,
          succeed: finish(n.id, 'success'),
          fail: finish(n.id, 'error'),
          warn: finish(n.id, 'warning'),
          progress: (message) => void store.update(n.id, { message }),
        };
      },
      post(input) {
        store.add(withLink(input));
      },
    };
  }, [store]);

  return (
    <Ctx.Provider value={api}>
      {children}
      {shown && (
        <Suspense fallback={null}>
          <ToastHost store={store} />
        </Suspense>
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
