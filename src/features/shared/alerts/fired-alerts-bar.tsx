import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useQueries } from '@tanstack/react-query';
import { parseResourceId } from '../../../arm/resource-id';
import { serverNow } from '../../../arm/server-clock';
import { useSession } from '../../../auth/session';
import { alertPortalUrl, firedFor } from '../../../domain/alerts/fired';
import { dateTimeText, timeAgo } from '../../../domain/time-text';
import { firedAlertsQuery } from '../../../queries/alerts';

const subOf = (id: string | undefined) => (id ? (parseResourceId(id)?.subscriptionId ?? '') : '');

/** When Azure Monitor fired an alert about this bot or its vault in the last day: what, when, and a link to it. */
export function FiredAlertsBar({ botId, vaultId }: { botId: string; vaultId?: string }) {
  const session = useSession();
  const subs = [...new Set([subOf(botId), subOf(vaultId)].filter(Boolean).map((s) => s.toLowerCase()))];
  const lists = useQueries({ queries: subs.map((s) => firedAlertsQuery(s, '1d')) });
  // Informational: the key's own checks already say when it is out of reach, so an unread list adds no bar.
  if (!lists.every((l) => l.data)) return null;
  const fired = firedFor(
    lists.flatMap((l) => l.data ?? []),
    { botId, vaultId },
  );
  if (!fired) return null;
  const now = serverNow();
  const link = session.portalUrl
    ? alertPortalUrl(session.portalUrl, session.account.tenantId, fired.latest.id)
    : undefined;
  return (
    <MessageBar intent={fired.firing > 0 ? 'error' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Azure Monitor alert fired</MessageBarTitle>
        {fired.ruleNames.join(', ')} fired {fired.count === 1 ? 'once' : `${fired.count} times`} in the last
        24 hours, last {timeAgo(fired.latestMs, now)} ({dateTimeText(fired.latestMs)}).{' '}
        {fired.firing > 0
          ? `${fired.firing} log search alert${fired.firing === 1 ? ' is' : 's are'} still firing.`
          : 'No log search alert is still firing.'}{' '}
        {link && (
          <Link href={link} target="_blank" rel="noopener noreferrer" inline>
            Open the latest in the Azure portal
          </Link>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
