import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { bulkFixTitles, type BulkFixKind, type BulkItem } from '../../domain/cmk/bulk';

const kinds: BulkFixKind[] = [
  'register-provider',
  'firewall-bypass',
  'grant-access',
  'move-to-newest',
  'cover-alerts',
];

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * The fixes that apply to the selected bots, each a button saying how many subscriptions, vaults or bots it would
 * change (a fix none of them needs is shown, disabled, so the choice is always in view).
 */
export function BulkMenu({
  selected,
  plans,
  disabled,
  onChoose,
}: {
  selected: number;
  plans: Record<BulkFixKind, BulkItem[]>;
  disabled: boolean;
  onChoose(kind: BulkFixKind): void;
}) {
  const styles = useStyles();
  return (
    <div role="group" aria-label="Fixes for the selected bots" className={styles.bar}>
      <Text weight="semibold">
        {selected === 0 ? 'Select bots to fix them together.' : `Fix the ${selected} selected:`}
      </Text>
      {selected > 0 &&
        kinds.map((k) => (
          <Button
            key={k}
            size="small"
            disabled={disabled || plans[k].length === 0}
            onClick={() => onChoose(k)}
          >
            {bulkFixTitles[k].verb}
            {plans[k].length ? ` (${bulkFixTitles[k].noun(plans[k].length)})` : ': none needed'}
          </Button>
        ))}
    </div>
  );
}
