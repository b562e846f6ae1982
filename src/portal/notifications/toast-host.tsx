import {
  Link,
  Spinner,
  Toast,
  ToastBody,
  Toaster,
  ToastTitle,
  useId,
  useThemeClassName,
  useToastController,
  type ToastIntent,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { navigate } from '../navigation/router';
import type { NotificationStatus, NotificationStore, PortalNotification } from './notification-store';

const intentOf: Record<NotificationStatus, ToastIntent> = {
  inProgress: 'info',
  success: 'success',
  error: 'error',
  warning: 'warning',
  info: 'info',
};

function ToastContent({ n }: { n: PortalNotification }) {
  return (
    <Toast>
      <ToastTitle
        media={n.status === 'inProgress' ? <Spinner size="tiny" aria-label="In progress" /> : undefined}
      >
        {n.title}
      </ToastTitle>
      <ToastBody
        subtitle={
          n.linkHash ? (
            <Link onClick={() => n.linkHash && void navigate(n.linkHash)}>Go to resource</Link>
          ) : undefined
        }
      >
        {n.message}
      </ToastBody>
    </Toast>
  );
}

const shownAs = (n: PortalNotification) => `${n.status}\n${n.title}\n${n.message ?? ''}`;

/**
 * Toasts mirror the notification store: a toast when a notification starts, updated in place as it changes. It loads
 * once the page's content is on screen and then catches up on what came before.
 */
export default function ToastHost({ store }: { store: NotificationStore }) {
  const toasterId = useId('toaster');
  const { dispatchToast, updateToast } = useToastController(toasterId);
  const region = useToastRegion();
  useEffect(() => {
    // The store holds only this page's notifications, so any that came before the toasts loaded (a quick change
    // right after start-up) are shown now.
    const seen = new Map<string, string>();
    const dispatched = new Set<string>();
    const sync = () => {
      for (const n of store.list()) {
        const now = shownAs(n);
        if (seen.get(n.id) === now) continue;
        seen.set(n.id, now);
        const options = {
          toastId: n.id,
          intent: intentOf[n.status],
          timeout: n.status === 'inProgress' ? -1 : n.status === 'error' ? 12000 : 6000,
        };
        const content = <ToastContent n={n} />;
        if (dispatched.has(n.id)) {
          updateToast({ ...options, content });
        } else {
          dispatched.add(n.id);
          dispatchToast(content, options);
        }
      }
    };
    sync();
    return store.subscribe(sync);
  }, [store, dispatchToast, updateToast]);
  return createPortal(
    <Toaster
      toasterId={toasterId}
      position="top-end"
      pauseOnHover
      pauseOnWindowBlur
      limit={4}
      mountNode={region}
    />,
    region,
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
