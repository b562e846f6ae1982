import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { bulkFixTitles, type BulkFixKind, type BulkItem } from '../../domain/cmk/bulk';
import { ConfirmDialog } from '../../portal/confirm-dialog';

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
};

/** Every change the run would make, listed before anything is sent. */
export function BulkConfirm({
  kind,
  items,
  onConfirm,
  onCancel,
}: {
  kind: BulkFixKind;
  items: BulkItem[];
  onConfirm(): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const t = bulkFixTitles[kind];
  return (
    <ConfirmDialog
      open
      title={`${t.verb}: ${t.noun(items.length)}`}
      confirmLabel={`Apply ${items.length} change${items.length === 1 ? '' : 's'}`}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
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
