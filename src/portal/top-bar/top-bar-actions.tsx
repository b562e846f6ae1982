import {
  Button,
  CounterBadge,
  makeStyles,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Persona,
  Text,
  tokens,
  Tooltip,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { AlertRegular, FilterRegular, SettingsRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState, type ComponentType } from 'react';
import { useSession } from '../../auth/session';
import { useNotificationList } from '../notifications/notifications-context';
import { setTheme, themeNames, useThemeName, type ThemeName } from '../theme/theme';

// The hub loads when first opened: it is not needed to show a blade.
const NotificationsHub = lazy(() =>
  import('../notifications/notifications-hub').then((m) => ({ default: m.NotificationsHub })),
);

const useStyles = makeStyles({
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  // In a narrow window (or at 200 % zoom) the account shows as its initials; its name stays the button's label.
  username: {
    maxWidth: '240px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    '@media (max-width: 699px)': { display: 'none' },
  },
  account: { minWidth: 0 },
  bell: { position: 'relative' },
  badge: { position: 'absolute', top: 0, right: 0, pointerEvents: 'none' },
});

/** The top bar's buttons: directory, notifications, settings and account, with the panes they open. */
export default function TopBarActions({
  DirectoryPane,
}: {
  DirectoryPane: ComponentType<{ open: boolean; onClose(): void }>;
}) {
  const styles = useStyles();
  const session = useSession();
  const theme = useThemeName();
  const [pane, setPane] = useState<'none' | 'directory' | 'notifications'>('none');
  // The panes unmount when closed: focus goes back to the button that opened them (tabster's restorer).
  const restoreFocusHere = useRestoreFocusTarget();
  const unread = useNotificationList().filter((n) => !n.read).length;
  return (
    <>
      <div className={styles.actions}>
        <Tooltip content="Directories + subscriptions" relationship="label">
          <Button
            appearance="subtle"
            icon={<FilterRegular />}
            onClick={() => setPane('directory')}
            {...restoreFocusHere}
          />
        </Tooltip>
        <span className={styles.bell}>
          <Tooltip content={unread ? `Notifications, ${unread} new` : 'Notifications'} relationship="label">
            <Button
              appearance="subtle"
              icon={<AlertRegular />}
              onClick={() => setPane('notifications')}
              {...restoreFocusHere}
            />
          </Tooltip>
          {unread > 0 && <CounterBadge className={styles.badge} count={unread} size="small" aria-hidden />}
        </span>
        <Menu
          checkedValues={{ theme: [theme] }}
          onCheckedValueChange={(_, d) =>
            d.name === 'theme' && d.checkedItems[0] && setTheme(d.checkedItems[0] as ThemeName)
          }
        >
          <MenuTrigger disableButtonEnhancement>
            <Tooltip content="Settings" relationship="label">
              <Button appearance="subtle" icon={<SettingsRegular />} />
            </Tooltip>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuGroup>
                <MenuGroupHeader>Theme</MenuGroupHeader>
                {themeNames.map((t) => (
                  <MenuItemRadio key={t.name} name="theme" value={t.name}>
                    {t.label}
                  </MenuItemRadio>
                ))}
              </MenuGroup>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button
              appearance="subtle"
              className={styles.account}
              aria-label={`Account: ${session.account.name}`}
              {...restoreFocusHere}
            >
              <Persona
                size="extra-small"
                name={session.account.name}
                textAlignment="center"
                primaryText={{
                  className: styles.username,
                  children: <Text size={200}>{session.account.username}</Text>,
                }}
              />
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuGroup>
                <MenuGroupHeader>
                  {session.mode === 'demo' ? 'Demo identity (no sign-in)' : 'Signed in'}
                </MenuGroupHeader>
                <MenuItem disabled>{session.account.name}</MenuItem>
                <MenuItem disabled>{session.account.username}</MenuItem>
                <MenuItem disabled>Directory: {session.account.tenantId}</MenuItem>
              </MenuGroup>
              <MenuDivider />
              <MenuItem onClick={() => setPane('directory')}>Switch directory</MenuItem>
              {session.mode === 'live' && (
                <MenuItem onClick={() => void session.signOut()}>Sign out</MenuItem>
              )}
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      <Suspense fallback={null}>
        {pane === 'directory' && <DirectoryPane open onClose={() => setPane('none')} />}
        {pane === 'notifications' && <NotificationsHub open onClose={() => setPane('none')} />}
      </Suspense>
    </>
  );
}
