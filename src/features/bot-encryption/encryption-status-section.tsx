import {
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Bot } from '../../arm/types/bot';
import { serverNow } from '../../arm/server-clock';
import type { KeyChange } from '../../domain/history/key-history';
import { documentedMaxMs, formatDuration, phaseOf } from '../../domain/encryption-status';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '760px' },
});

/**
 * Progress told honestly: Azure's status string (verbatim), the time since the change (from Azure's change records,
 * whoever made it) against the documented "up to 24 hours", and no invented percentage.
 */
export function EncryptionStatusSection({ bot, change }: { bot: Bot; change?: KeyChange }) {
  const styles = useStyles();
  const status = bot.properties.cmekEncryptionStatus ?? '';
  const phase = phaseOf(status, bot.properties.isCmekEnabled === true);
  // The change record's time and the estimate of Azure's clock can be a moment apart: never "-1 s ago".
  const elapsed = change ? Math.max(0, serverNow() - change.at) : undefined;
  const by = change?.changedBy
    ? ` by ${change.changedBy}${change.clientType ? ` (${change.clientType})` : ''}`
    : '';
  const recent = elapsed !== undefined && elapsed < documentedMaxMs * 2;
  const label = phase === 'off' ? 'Microsoft managed encryption' : status || 'No status reported';
  return (
    <section className={styles.section} aria-labelledby="status-title">
      <Text as="h2" id="status-title" weight="semibold" size={400}>
        Encryption Status
      </Text>
      <Field
        label="Encryption Status"
        hint={status && status !== label ? `Azure reports: ${status}` : undefined}
      >
        <Input readOnly value={label} />
      </Field>
      {phase === 'working' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Azure Bot Service is working on it</MessageBarTitle>
            Azure reports “{status}”. This can take up to 24 hours. Your bot keeps working normally meanwhile.
            {recent
              ? ` Changed${by} ${formatDuration(elapsed)} ago.`
              : ' When the change was made is not in Azure’s records that Keyguard could read.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {phase === 'working' && recent && elapsed !== undefined && (
        <ProgressBar
          value={Math.min(1, elapsed / documentedMaxMs)}
          thickness="large"
          aria-label={`Time since the change: ${formatDuration(elapsed)} of the documented 24 hours (not a measure of Azure's progress)`}
        />
      )}
      {phase === 'working' && recent && elapsed !== undefined && (
        <Text size={200}>
          {formatDuration(elapsed)} of the documented 24 hours have passed. The bar shows time, not Azure’s
          progress, which Azure does not report.
          {elapsed > documentedMaxMs &&
            ' This is longer than documented: check the readiness below, or contact Azure support with the bot’s resource id.'}
        </Text>
      )}
      {phase === 'unknown' && (
        <MessageBar intent="info">
          <MessageBarBody>
            Azure reports “{status}”, a status Keyguard does not recognise. It is shown as Azure sent it; the
            blade keeps checking for up to a day after a change.
          </MessageBarBody>
        </MessageBar>
      )}
      {phase === 'done' && (
        <Text>Data at rest is encrypted with your key and a Microsoft-managed key (two layers).</Text>
      )}
    </section>
  );
}
