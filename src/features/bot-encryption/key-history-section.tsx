import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { KeyChange, KeyHistory } from '../../domain/history/key-history';
import { dateTimeText, timeAgo } from '../../domain/time-text';
import { useBlade } from '../../portal/blade/blade-context';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '960px' },
  url: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

const kindText: Record<KeyChange['kind'], string> = {
  enable: 'Customer-managed key turned on',
  rotate: 'Key rotated',
  disable: 'Customer-managed key turned off',
};

function who(c: KeyChange | undefined): string {
  if (!c) return '—';
  return `${c.changedBy ?? 'Unknown'}${c.clientType ? ` (${c.clientType})` : ''}`;
}

/** "Key history": every key the bot used in Resource Graph's 14 days, since when, set by whom and from which client. */
export function KeyHistorySection({
  history,
  loading,
  nowMs,
}: {
  history: KeyHistory | undefined;
  loading: boolean;
  nowMs: number;
}) {
  const styles = useStyles();
  const blade = useBlade();
  const activityLink = (
    <RouterLink href={resourceHash(blade.resourceId, 'activitylog', blade.tenant)}>
      Open the Activity log
    </RouterLink>
  );
  return (
    <section className={styles.section} aria-labelledby="key-history-title">
      <Text as="h2" id="key-history-title" weight="semibold" size={400}>
        Key history
      </Text>
      {loading && <Spinner size="tiny" label="Reading Azure’s change records…" />}
      {history?.source === 'changes' && (
        <>
          <Text>
            {history.lastChange
              ? `${kindText[history.lastChange.kind]} ${timeAgo(history.lastChange.at, nowMs)} by ${who(history.lastChange)}.`
              : 'No key change in the last 14 days.'}{' '}
            From Azure Resource Graph’s change records, which go back 14 days, whoever made the change and
            from wherever. {activityLink}
          </Text>
          <Table aria-label="Keys this bot used in the last 14 days" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Key</TableHeaderCell>
                <TableHeaderCell>In use</TableHeaderCell>
                <TableHeaderCell>Set by</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.periods.map((p) => (
                <TableRow key={`${p.key.href}|${p.since?.at ?? 0}`}>
                  <TableCell>
                    <span className={styles.url}>{p.key.href}</span>
                  </TableCell>
                  <TableCell>
                    {p.since ? `From ${dateTimeText(p.since.at)}` : 'From before the 14 days Azure keeps'}
                    {p.until ? ` to ${dateTimeText(p.until.at)}` : ' until now'}
                  </TableCell>
                  <TableCell>{p.since ? who(p.since) : 'Not in the records'}</TableCell>
                </TableRow>
              ))}
              {history.periods.length === 0 && (
                <TableRow>
                  <TableCell colSpan={3}>No customer-managed key in the last 14 days.</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </>
      )}
      {history?.source === 'activity-log' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Azure Resource Graph’s change records could not be read ({history.why}), so which keys the bot
            used and when they changed is not known.{' '}
            {history.lastWrite
              ? `The Activity log says the bot was last changed ${timeAgo(history.lastWrite.at, nowMs)}${history.lastWrite.by ? ` by ${history.lastWrite.by}` : ''}; whether that changed its key is not recorded there.`
              : 'The Activity log shows no change to the bot in the last 30 days.'}{' '}
            {activityLink}
          </MessageBarBody>
        </MessageBar>
      )}
      {history?.source === 'none' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            The key’s history is not known: {history.why} Keep every key version this bot used in the last
            week until you can check.
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
