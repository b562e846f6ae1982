import { lazy, Suspense } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { serverNow } from '../../arm/server-clock';
import { failureReasonText } from '../../domain/history/key-usage';
import type { VersionedKeyUrl } from '../../domain/key-url';
import { dateTimeText, timeAgo } from '../../domain/time-text';
import { useBlade } from '../../portal/blade/blade-context';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { StatusIcon } from '../../portal/status-icon';
import { KeyUsageProblems, KqlView } from './key-usage-problems';
import { useKeyUsage } from './use-key-usage';

// The chart loads once the usage is in, after the blade shows its state: the deep link does not carry chart code.
const KeyUsageOverTime = lazy(() =>
  import('./charts/key-usage-over-time').then((m) => ({ default: m.KeyUsageOverTime })),
);

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '960px' },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const days = 30;

/** On a bot's Encryption blade: is Azure Bot Service actually using this key, and failing? From the vault's audit log. */
export function KeyUsageSummary({ vaultId, keyUrl }: { vaultId: string; keyUrl: VersionedKeyUrl }) {
  const styles = useStyles();
  const blade = useBlade();
  const usage = useKeyUsage(vaultId, `${keyUrl.vaultUrl}/keys/${keyUrl.keyName}`, days);
  const s = usage.summary;
  const now = serverNow();
  return (
    <section className={styles.section} aria-labelledby="key-usage-title">
      <Text as="h2" id="key-usage-title" weight="semibold" size={400}>
        Key usage
      </Text>
      <KeyUsageProblems usage={usage} vaultId={vaultId} />
      {s && (
        <>
          <div className={styles.line}>
            <StatusIcon
              kind={
                s.total.failures > 0 && (s.lastFailure ?? 0) > (s.lastSuccess ?? 0)
                  ? 'error'
                  : s.total.successes
                    ? 'success'
                    : 'unknown'
              }
              label={s.total.failures > 0 ? 'Failures' : 'No failures'}
            />
            <Text>
              In the last {days} days Bot Service CMEK Prod called {keyUrl.keyName} {s.total.successes} times
              successfully and {s.total.failures} times in vain.{' '}
              {s.lastSuccess
                ? `Last success ${timeAgo(s.lastSuccess, now)} (${dateTimeText(s.lastSuccess)}).`
                : 'No successful call.'}{' '}
              {s.lastFailure ? `Last failure ${timeAgo(s.lastFailure, now)}.` : ''}
            </Text>
          </div>
          {s.failures.length > 0 && (
            <ul className={styles.list} aria-label="Why calls failed">
              {s.failures.map((f) => (
                <li key={`${f.reason}|${f.status}|${f.signature}`}>
                  <Text>
                    {failureReasonText[f.reason]}: {f.calls} calls, last {timeAgo(f.last, now)} (HTTP{' '}
                    {f.status}
                    {f.signature ? ` ${f.signature}` : ''}; caller {f.callerIps.join(', ') || 'unknown'})
                  </Text>
                </li>
              ))}
            </ul>
          )}
          {usage.usage.data && (
            <Suspense fallback={null}>
              <KeyUsageOverTime rows={usage.usage.data} days={days} headingLevel={3} />
            </Suspense>
          )}
          {usage.kql && <KqlView kql={usage.kql} portalLogs={usage.portalLogs} />}
        </>
      )}
      <RouterLink href={resourceHash(vaultId, 'keyusage', blade.tenant, { key: keyUrl.keyName })}>
        Open Key usage for {keyUrl.keyName}
      </RouterLink>
    </section>
  );
}
