import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Link,
  makeStyles,
  OverlayDrawer,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { navigate } from '../navigation/router';
import { StatusIcon } from '../status-icon';
import type { NotificationStatus } from './notification-store';
import { useNotificationList, useNotifications } from './notifications-context';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  text: {
    flex: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
});

const statusLabel: Record<NotificationStatus, string> = {
  inProgress: 'In progress',
  success: 'Succeeded',
  error: 'Failed',
  warning: 'Warning',
  info: 'Information',
};

/** The hub behind the bell: every notification of this session, newest first, each linking to its resource. */
export function NotificationsHub({ open, onClose }: { open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const list = useNotificationList();
  const { store } = useNotifications();
  useEffect(() => {
    if (open) store.markAllRead();
  }, [open, store, list]);
  return (
    <OverlayDrawer open={open} position="end" onOpenChange={(_, d) => !d.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label="Close notifications"
              icon={<DismissRegular />}
              onClick={onClose}
            />
          }
        >
          Notifications
        </DrawerHeaderTitle>
        {list.some((n) => n.status !== 'inProgress') && (
          <Link as="button" onClick={() => store.dismissFinished()}>
            Dismiss all finished
          </Link>
        )}
      </DrawerHeader>
      <DrawerBody>
        {list.length === 0 ? (
          <Text>No notifications in this session.</Text>
        ) : (
          <ul className={styles.list} aria-label="Notifications">
            {list.map((n) => (
              <li key={n.id} className={styles.item}>
                <StatusIcon kind={n.status} label={statusLabel[n.status]} />
                <div className={styles.text}>
                  <Text weight="semibold">{n.title}</Text>
                  {n.message && <Text size={200}>{n.message}</Text>}
                  <Text size={100}>
                    {statusLabel[n.status]} · {new Date(n.updatedAt).toLocaleTimeString()}
                  </Text>
                  {n.linkHash && (
                    <Link
                      href={n.linkHash}
                      onClick={(e) => {
                        e.preventDefault();
                        onClose();
                        void navigate(n.linkHash as string);
                      }}
                    >
                      Go to resource
                    </Link>
                  )}
                </div>
                <Button
                  appearance="subtle"
                  size="small"
                  icon={<DismissRegular />}
                  aria-label={`Dismiss ${n.title}`}
                  onClick={() => store.dismiss(n.id)}
                />
              </li>
            ))}
          </ul>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
