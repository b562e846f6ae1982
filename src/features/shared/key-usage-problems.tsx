import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { describeError } from '../../domain/error-wording';
import { noAuditTablesYet } from '../../domain/history/key-usage-query';
import type { KeyUsage } from './use-key-usage';

// The dialog loads when first opened: it is not part of showing the blade.
const AuditTrailDialog = lazy(() => import('./audit-trail-dialog'));

const useStyles = makeStyles({
  pre: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalM,
    overflowX: 'auto',
    whiteSpace: 'pre',
    margin: 0,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/** The query itself, to read or to run in the portal's Logs blade. */
export function KqlView({ kql, portalLogs }: { kql: string; portalLogs?: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <div className={styles.row}>
        <Button size="small" appearance="subtle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide the query' : 'Show the query (KQL)'}
        </Button>
        {open && (
          <Button
            size="small"
            icon={<CopyRegular />}
            onClick={() => void navigator.clipboard?.writeText(kql)}
          >
            Copy the query
          </Button>
        )}
        {portalLogs && (
          <Link href={portalLogs} target="_blank" rel="noreferrer">
            Open the workspace’s Logs in the Azure portal
          </Link>
        )}
      </div>
      {open && (
        <pre className={styles.pre} role="region" tabIndex={0} aria-label="Key usage query">
          {kql}
        </pre>
      )}
    </div>
  );
}

/** Why key usage cannot be shown (yet), each with what to do about it. */
export function KeyUsageProblems({ usage, vaultId }: { usage: KeyUsage; vaultId: string }) {
  const styles = useStyles();
  const blade = useBlade();
  const [auditOpen, setAuditOpen] = useState(false);
  const { settings, destinations, workspace, usage: query } = usage;
  if (!usage.appKnown)
    return (
      <Text>
        Microsoft’s Bot Service CMEK Prod application is not known in this cloud, so its calls cannot be
        picked out.
      </Text>
    );
  // Nothing is said about the audit log before it has been read (a query not started yet has no data either).
  const waiting =
    (settings.isPending && !settings.error) ||
    (usage.workspaceId !== undefined && workspace.isPending && !workspace.error) ||
    (workspace.data?.properties.customerId !== undefined && query.isPending && !query.error);
  if (waiting) return <Spinner size="tiny" label="Reading the key vault’s audit log…" />;
  if (settings.error)
    return (
      <ArmErrorBar
        error={settings.error}
        title="The vault’s diagnostic settings could not be read, so where its audit log goes is not known"
        onRetry={() => void settings.refetch()}
      />
    );
  if (destinations.length === 0)
    return (
      <>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No audit log to read</MessageBarTitle>
            No diagnostic setting sends this vault’s AuditEvent log to a Log Analytics workspace, so who used
            its keys (and whether Azure Bot Service’s calls fail) is not recorded anywhere Keyguard can read.
          </MessageBarBody>
        </MessageBar>
        <div className={styles.row}>
          <Button onClick={() => setAuditOpen(true)}>Send the audit log to a workspace…</Button>
          <RouterLink href={resourceHash(vaultId, 'diagnosticsettings', blade.tenant)}>
            Open Diagnostic settings
          </RouterLink>
        </div>
        {auditOpen && (
          <Suspense fallback={null}>
            <AuditTrailDialog vaultId={vaultId} open={auditOpen} onClose={() => setAuditOpen(false)} />
          </Suspense>
        )}
      </>
    );
  if (workspace.error)
    return (
      <ArmErrorBar
        error={workspace.error}
        title="The Log Analytics workspace that keeps the audit log could not be read"
        onRetry={() => void workspace.refetch()}
      />
    );
  if (query.error && usage.unreachable)
    return (
      <>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The browser could not reach Log Analytics</MessageBarTitle>
            The query API did not answer this page (a network or browser restriction). Run the query below in
            the workspace’s Logs instead.
          </MessageBarBody>
        </MessageBar>
        {usage.kql && <KqlView kql={usage.kql} portalLogs={usage.portalLogs} />}
      </>
    );
  if (noAuditTablesYet(query.error))
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>No audit data yet</MessageBarTitle>
          The workspace has received no Key Vault audit log yet: logs arrive within about ten minutes of the
          first key call. Refresh later. (Log Analytics: {describeError(query.error).message})
        </MessageBarBody>
      </MessageBar>
    );
  if (query.error)
    return (
      <ArmErrorBar
        error={query.error}
        title="The workspace refused the key usage query (reading its logs needs Log Analytics Reader or similar)"
        onRetry={() => void query.refetch()}
      />
    );
  return null;
}
