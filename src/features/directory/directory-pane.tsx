import {
  Button,
  Checkbox,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  makeStyles,
  OverlayDrawer,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../auth/session';
import { subscriptionsQuery, tenantsQuery } from '../../queries/resources';
import { setHiddenSubscriptions, useHiddenSubscriptions } from '../../auth/subscription-filter';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXL,
  },
});

/** "Directories + subscriptions": the directory to work in, and which subscriptions Home and search show. */
export function DirectoryPane({ open, onClose }: { open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const session = useSession();
  const tenants = useQuery({ ...tenantsQuery(), enabled: open });
  const subs = useQuery(subscriptionsQuery());
  const hidden = useHiddenSubscriptions();
  const all = subs.data ?? [];
  const inTenant = all.filter(
    (s) => !s.tenantId || s.tenantId === session.account.tenantId || session.mode === 'demo',
  );
  const allShown = inTenant.every((s) => !hidden.includes(s.subscriptionId));
  return (
    <OverlayDrawer open={open} position="end" size="medium" onOpenChange={(_, d) => !d.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />
          }
        >
          Directories + subscriptions
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <div className={styles.section}>
          <Field label="Current directory">
            <RadioGroup
              value={session.account.tenantId}
              onChange={(_, d) => void session.switchTenant(d.value)}
              aria-label="Current directory"
            >
              {(
                tenants.data ?? [
                  { tenantId: session.account.tenantId, displayName: session.account.tenantId, id: '' },
                ]
              ).map((t) => (
                <Radio
                  key={t.tenantId}
                  value={t.tenantId}
                  label={`${t.displayName ?? t.tenantId} (${t.tenantId})`}
                />
              ))}
            </RadioGroup>
          </Field>
          {session.mode === 'demo' && (
            <Text size={200}>In demo mode the directory is part of the simulated identity.</Text>
          )}
        </div>
        <div className={styles.section}>
          <Text weight="semibold" as="h2">
            Default subscription filter
          </Text>
          <Checkbox
            label="Select all"
            checked={
              allShown ? true : inTenant.some((s) => !hidden.includes(s.subscriptionId)) ? 'mixed' : false
            }
            onChange={(_, d) =>
              setHiddenSubscriptions(d.checked ? [] : inTenant.map((s) => s.subscriptionId))
            }
          />
          {inTenant.map((s) => (
            <Checkbox
              key={s.subscriptionId}
              label={`${s.displayName} (${s.subscriptionId})`}
              checked={!hidden.includes(s.subscriptionId)}
              onChange={(_, d) =>
                setHiddenSubscriptions(
                  d.checked ? hidden.filter((h) => h !== s.subscriptionId) : [...hidden, s.subscriptionId],
                )
              }
            />
          ))}
        </div>
      </DrawerBody>
    </OverlayDrawer>
  );
}
