import { Dropdown, Field, makeStyles, Option, Text, tokens, ToolbarButton } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { parseResourceId } from '../../arm/resource-id';
import { serverNow } from '../../arm/server-clock';
import { dateTimeText, timeAgo } from '../../domain/time-text';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { keysQuery, vaultQuery } from '../../queries/resources';
import { KeyUsageProblems, KqlView } from '../shared/key-usage-problems';
import { useKeyUsage } from '../shared/use-key-usage';
import { KeyUsageOverTime } from '../shared/charts/key-usage-over-time';
import { DaysTable, FailuresTable, VersionsTable } from './usage-tables';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'end' },
  h2: { margin: 0 },
});

const periods = [
  { days: 1, label: 'Last 24 hours' },
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
];

/**
 * Key vault → Key usage: Azure Bot Service's wrap and unwrap calls on the vault's keys (by Bot Service CMEK Prod's
 * application id), from the vault's own audit log in Log Analytics: successes and failures per day, per version, and
 * why calls failed. What tells an admin a revoked or firewalled key is already failing, or that an old version is
 * still in use before they disable it.
 */
const WhoIsTold = lazy(() => import('../shared/alerts/who-is-told').then((m) => ({ default: m.WhoIsTold })));

export default function KeyUsageBlade() {
  const styles = useStyles();
  const blade = useBlade();
  const vaultId = blade.resourceId;
  const vault = useQuery(vaultQuery(vaultId));
  const keys = useQuery(keysQuery(vaultId));
  const [keyName, setKeyName] = useState<string>(blade.query.key ?? '');
  const [days, setDays] = useState(30);
  const vaultUrl = (
    vault.data?.properties.vaultUri ?? `https://${parseResourceId(vaultId)?.name}.vault.azure.net/`
  ).replace(/\/+$/, '');
  const usage = useKeyUsage(
    vaultId,
    keyName ? `${vaultUrl}/keys/${keyName}` : undefined,
    days,
    vault.data !== undefined,
  );
  const s = usage.summary;
  const now = serverNow();
  return (
    <BladeFrame
      commands={
        <ToolbarButton
          icon={<ArrowClockwiseRegular />}
          disabled={usage.usage.isFetching}
          onClick={() => (void usage.settings.refetch(), void usage.usage.refetch())}
        >
          Refresh
        </ToolbarButton>
      }
    >
      <Text>
        Azure Bot Service’s calls (as Bot Service CMEK Prod) that wrap and unwrap bots’ data with this vault’s
        keys, from the vault’s audit log in Log Analytics. Logs arrive there within about ten minutes.
      </Text>
      <div className={styles.filters}>
        <Field label="Key">
          <Dropdown
            value={keyName || 'All keys'}
            selectedOptions={[keyName]}
            onOptionSelect={(_, d) => setKeyName(d.optionValue ?? '')}
          >
            <Option value="">All keys</Option>
            {(keys.data ?? []).map((k) => (
              <Option key={k.name} value={k.name}>
                {k.name}
              </Option>
            ))}
            {keyName && !(keys.data ?? []).some((k) => k.name === keyName) ? (
              <Option value={keyName}>{keyName}</Option>
            ) : null}
          </Dropdown>
        </Field>
        <Field label="Period">
          <Dropdown
            value={periods.find((p) => p.days === days)?.label ?? ''}
            selectedOptions={[String(days)]}
            onOptionSelect={(_, d) => setDays(Number(d.optionValue ?? 30))}
          >
            {periods.map((p) => (
              <Option key={p.days} value={String(p.days)}>
                {p.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {usage.destinations.length > 1 && (
          <Field label="Workspace">
            <Dropdown
              value={parseResourceId(usage.workspaceId ?? '')?.name ?? ''}
              selectedOptions={usage.workspaceId ? [usage.workspaceId] : []}
              onOptionSelect={(_, d) => d.optionValue && usage.chooseWorkspace(d.optionValue)}
            >
              {usage.destinations.map((d) => (
                <Option key={d.workspaceId} value={d.workspaceId}>
                  {parseResourceId(d.workspaceId!)?.name ?? d.workspaceId!}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
      </div>
      <KeyUsageProblems usage={usage} vaultId={vaultId} />
      {s && (
        <>
          <Text role="status">
            {s.total.successes} successful and {s.total.failures} failed calls.{' '}
            {s.lastSuccess
              ? `Last success ${timeAgo(s.lastSuccess, now)} (${dateTimeText(s.lastSuccess)}).`
              : 'No successful call in this period.'}{' '}
            {s.lastFailure
              ? `Last failure ${timeAgo(s.lastFailure, now)} (${dateTimeText(s.lastFailure)}).`
              : 'No failed call.'}
          </Text>
          {s.failures.length > 0 && (
            <>
              <Text as="h2" weight="semibold" size={400} className={styles.h2}>
                Failures
              </Text>
              <FailuresTable summary={s} />
            </>
          )}
          <Text as="h2" weight="semibold" size={400} className={styles.h2}>
            Key versions in use
          </Text>
          {s.versions.length ? <VersionsTable summary={s} /> : <Text>No calls in this period.</Text>}
          {usage.usage.data && <KeyUsageOverTime rows={usage.usage.data} days={days} />}
          <Text as="h2" weight="semibold" size={400} className={styles.h2}>
            Per day
          </Text>
          {s.days.length ? <DaysTable summary={s} /> : <Text>No calls in this period.</Text>}
          {usage.kql && <KqlView kql={usage.kql} portalLogs={usage.portalLogs} />}
        </>
      )}
      {/* Once the blade knows where the audit log goes: its own bar says when that cannot be read. */}
      {usage.settings.data && (
        <Suspense fallback={null}>
          <WhoIsTold vaultId={vaultId} />
        </Suspense>
      )}
    </BladeFrame>
  );
}
