import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { serverNow } from '../../arm/server-clock';
import { expiryState } from '../../domain/keys/key-versions';
import { dateTimeText } from '../../domain/time-text';
import { StatusIcon } from '../../portal/status-icon';

/** An expiry with its state: a warning within 30 days, an error once passed. */
const useStyles = makeStyles({
  cell: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

export function ExpiryCell({ exp }: { exp: number | undefined }) {
  const styles = useStyles();
  const state = expiryState(exp, serverNow());
  if (exp === undefined) return <Text>Never</Text>;
  return (
    <span className={styles.cell}>
      {state === 'expired' && <StatusIcon kind="error" label="Expired" />}
      {state === 'soon' && <StatusIcon kind="warning" label="Expires within 30 days" />}
      {state === 'expired' ? 'Expired ' : ''}
      {dateTimeText(exp * 1000)}
    </span>
  );
}
