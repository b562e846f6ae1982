import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { bulkFixTitles, type BulkFixKind, type BulkItem } from '../../domain/cmk/bulk';
import { ConfirmDialog } from '../../portal/confirm-dialog';
import { parseResourceId } from '../../arm/resource-id';
import type { ActionGroupResource } from '../../arm/types/alerts';
import type { ActionGroupChoice } from '../../domain/alerts/plan';
import { ActionGroupFields, useActionGroupChoice } from '../shared/alerts/action-group-fields';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '40vh', overflowY: 'auto' },
  bots: { color: tokens.colorNeutralForeground3 },
});

const notes: Record<BulkFixKind, string> = {
  'register-provider':
    'Registration takes a few minutes; each subscription is followed until Azure reports it registered.',
  'firewall-bypass':
    'Each vault is read again first: its other network rules are kept exactly as they are, and a vault that already lets trusted services through is left alone.',
  'grant-access':
    'Access goes only to Microsoft’s Bot Service CMEK Prod, looked up by its application id and owner tenant right before each grant; a vault of another tenant is refused.',
  'move-to-newest':
    'Each bot is read again first: one whose key changed meanwhile, that cannot reach its key, or whose new version is no longer usable is left alone. Keep each old version enabled for at least a week.',
  'cover-alerts':
    'Each vault is read again first: its audit settings, workspace and Event Grid topic (reused when it has one). Log search alert rules are billed per rule: one per vault. Near-expiry warnings use Azure Monitor alerts, an Event Grid destination in preview, and Key Vault raises them only for key versions made after the set-up.',
};

/** Every change the run would make, listed before anything is sent. */
export function BulkConfirm({
  kind,
  items,
  actionGroups,
  defaultEmail,
  onConfirm,
  onCancel,
}: {
  kind: BulkFixKind;
  items: BulkItem[];
  /** For 'cover-alerts': the tenant's action groups, offered first. */
  actionGroups: ActionGroupResource[];
  defaultEmail: string;
  onConfirm(alertGroup?: ActionGroupChoice): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const t = bulkFixTitles[kind];
  const group = useActionGroupChoice(actionGroups, defaultEmail);
  const first = items[0]?.target;
  const home = first && 'vaultId' in first ? parseResourceId(first.vaultId) : undefined;
  const homeGroup = home?.resourceGroup
    ? `/subscriptions/${home.subscriptionId}/resourceGroups/${home.resourceGroup}`
    : undefined;
  const alerts = kind === 'cover-alerts';
  return (
    <ConfirmDialog
      open
      title={`${t.verb}: ${t.noun(items.length)}`}
      confirmLabel={`Apply ${items.length} change${items.length === 1 ? '' : 's'}`}
      confirmDisabled={alerts && group.invalid}
      onConfirm={() =>
        onConfirm(
          alerts
            ? group.choice.kind === 'new'
              ? { ...group.choice, resourceGroupId: homeGroup }
              : group.choice
            : undefined,
        )
      }
      onCancel={onCancel}
    >
      {alerts && (
        <>
          <ActionGroupFields state={group} showErrors />
          {!group.chosen && home?.resourceGroup && (
            <Text as="p">
              The new action group is made in resource group {home.resourceGroup}, and every vault’s alerts
              tell it.
            </Text>
          )}
        </>
      )}
      <ul className={styles.list} aria-label="Changes to make">
        {items.map((i) => (
          <li key={i.id}>
            <Text weight="semibold">{i.name}</Text>: {i.change}
            {kind !== 'move-to-newest' && <Text className={styles.bots}> (for {i.bots.join(', ')})</Text>}
          </li>
        ))}
      </ul>
      <Text as="p">{notes[kind]}</Text>
    </ConfirmDialog>
  );
}
