import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { weekEndsAt, type KeyDependent } from '../../domain/keys/key-dependents';
import { dateTimeText } from '../../domain/time-text';
import { useBlade } from '../../portal/blade/blade-context';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
});

/**
 * The bots that use a key (or version) now, and those that left it within the week, each a link. While the bots are
 * still being listed an empty list means "not known yet", never "none".
 */
export function UsedBy({
  uses,
  checking,
  showVersion = false,
}: {
  uses: KeyDependent[];
  checking: boolean;
  showVersion?: boolean;
}) {
  const styles = useStyles();
  const blade = useBlade();
  if (uses.length === 0) return <Text>{checking ? 'Checking…' : '—'}</Text>;
  return (
    <span className={styles.list}>
      {uses.map((u) => (
        <span key={`${u.botId}|${u.key.href}`}>
          <RouterLink href={resourceHash(u.botId, 'encryption', blade.tenant)}>{u.botName}</RouterLink>
          <Text size={200}>
            {u.current ? ' now' : ` until ${dateTimeText(weekEndsAt(u)!)}`}
            {showVersion ? ` (version ${u.key.version.slice(0, 8)}…)` : ''}
          </Text>
        </span>
      ))}
      {checking && <Text size={200}>Checking for more…</Text>}
    </span>
  );
}
