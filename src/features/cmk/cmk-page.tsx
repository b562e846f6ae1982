import {
  Button,
  makeStyles,
  SearchBox,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular, CodeRegular } from '@fluentui/react-icons';
import { useSession } from '../../auth/session';
import { useCallback, useDeferredValue, useEffect, useEffectEvent, useMemo, useState } from 'react';
import { cmkCsv } from '../../domain/cmk/csv';
import { fixScript } from '../../domain/cmk/script';
import {
  queryFromView,
  tileCounts,
  viewFromQuery,
  viewRows,
  withAlerts,
  withPolicy,
  type SortColumn,
  type TableView,
  type Tile,
} from '../../domain/cmk/table';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { markContentShown } from '../../portal/content-shown';
import { navigate } from '../../portal/navigation/router';
import { cmkHash } from '../../portal/navigation/routes';
import { useLatest } from '../../portal/use-latest';
import { VirtualTable } from '../../portal/virtual-table';
import { cmkColumns } from './cmk-columns';
import { CmkTiles } from './cmk-tiles';
import { RiskDialog } from './risk-cell';
import { useCmk } from './use-cmk';
import { usePreparedSearch } from './use-prepared-search';
import { useCmkPolicy } from './use-cmk-policy';
import { PolicySection } from './policy-section';
import { KeyDependentsSection } from './key-dependents-section';
import { policyWord } from '../../domain/policy/cmk-policy';
import { valueOf } from '../../domain/readiness/types';
import { useCmkBulk } from './use-cmk-bulk';
import { CmkBulkBar, CmkBulkConfirm } from './cmk-bulk';
import type { CmkRow } from '../../domain/cmk/posture';
import { coverageOfBot } from '../../domain/alerts/tenant-coverage';
import { useCmkAlerts } from './use-cmk-alerts';
import { CmkFiredAlerts } from './cmk-fired-alerts';
import { CmkCharts } from './cmk-charts';

const useStyles = makeStyles({
  page: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    flex: 1,
    minHeight: 0,
    overflow: 'auto',
    // The page scrolls as a whole: no section (the table's own scroller least of all) is squeezed to fit.
    '& > *': { flexShrink: 0 },
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  // Wide enough for its placeholder, which says what the filter matches.
  search: { width: '320px', maxWidth: '100%' },
});

type CmkTab = 'bots' | 'policy' | 'dependents';

const rowId = (r: CmkRow) => r.id;

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Customer-managed keys across the tenant: every bot in the selected subscriptions, its key, what Azure reports, and
 * every risk found by the rules of the bot's own readiness blade. The view (tile, text, sort) lives in the address.
 */
export default function CmkPage({ tenant, query }: { tenant?: string; query: Record<string, string> }) {
  const styles = useStyles();
  const cmk = useCmk();
  const session = useSession();
  // The text is the field's own: a background refetch or the address catching up never takes a keystroke away.
  const [text, setText] = useState(() => viewFromQuery(query).text);
  const deferredText = useDeferredValue(text);
  const setView = useCallback(
    (next: TableView, replace = false) => void navigate(cmkHash(tenant, queryFromView(next)), { replace }),
    [tenant],
  );
  useEffect(() => {
    document.title = 'Customer-managed keys - Keyguard';
  }, []);
  useEffect(() => {
    if (cmk.listed) markContentShown();
  }, [cmk.listed]);
  const { tile, sort, direction } = viewFromQuery(query);
  const shown: TableView = { tile, sort, direction, text: deferredText };
  const policy = useCmkPolicy(cmk.botSubscriptions, cmk.listed && cmk.checking === 0);
  const alerting = useCmkAlerts(cmk.rows, cmk.listed && cmk.checking === 0);
  const rows = useMemo(
    () =>
      withAlerts(
        withPolicy(cmk.rows, (r) =>
          policyWord(
            r.id,
            policy.compliance.get(r.id.toLowerCase()),
            valueOf(policy.bySubscription.get(r.subscriptionId.toLowerCase())),
          ),
        ),
        (r) => coverageOfBot(alerting.byVault, r.vaultId),
      ),
    [cmk.rows, policy.compliance, policy.bySubscription, alerting.byVault],
  );
  // On the view's values, not the address object: each keystroke replaces the address, and the rows should be
  // filtered once, for the deferred text, not again for the text they already show.
  const { view: tileParam, sort: sortParam, dir: dirParam } = query;
  const visible = useMemo(
    () =>
      viewRows(
        rows,
        viewFromQuery({ view: tileParam ?? '', sort: sortParam ?? '', dir: dirParam ?? '', q: deferredText }),
      ),
    [rows, tileParam, sortParam, dirParam, deferredText],
  );
  const counts = useMemo(() => tileCounts(rows), [rows]);
  usePreparedSearch(rows);
  // The address follows the text once the table has: a keystroke re-renders the table first, not the whole shell.
  const addressText = query.q ?? '';
  // Only the text moves the address here; the rest of the view is set where it changes.
  const followText = useEffectEvent((text: string) => {
    if (text !== addressText) setView({ ...shown, text }, true);
  });
  useEffect(() => followText(deferredText), [deferredText]);
  // The sections below the table follow the rows at a lower priority than the table and its status.
  const sectionRows = useDeferredValue(rows);
  const onSort = useCallback(
    (c: SortColumn) =>
      setView({
        tile,
        text: deferredText,
        sort: c,
        direction: sort === c ? (direction === 'asc' ? 'desc' : 'asc') : c === 'risk' ? 'desc' : 'asc',
      }),
    [setView, tile, deferredText, sort, direction],
  );
  // Stable, so the charts (whose layout measures text) skip the re-render every keystroke in the filter brings.
  const viewNow = useLatest({ shown, setView });
  const [pickTile] = useState(
    () => (t: Tile) => viewNow.current.setView({ ...viewNow.current.shown, tile: t }),
  );
  const checking = cmk.checking > 0;
  // The charts come once the first check is done and then stay (a refresh redraws them, never takes them away).
  const [chartsShown, setChartsShown] = useState(false);
  if (!chartsShown && cmk.listed && !checking) setChartsShown(true);
  const [risksOf, setRisksOf] = useState<string>();
  // Only the view shown is rendered: at tenant scale the page re-renders with every answer while it checks.
  const [tab, setTab] = useState<CmkTab>('bots');
  const opened = risksOf === undefined ? undefined : rows.find((r) => r.id === risksOf);
  const bulk = useCmkBulk(visible, cmk.subscriptionName, cmk.refresh);
  // The same columns while only the count of reads running moves: the table then skips those re-renders, which at
  // tenant scale come with every answer and took the main thread the demo's Azure answers on.
  const columns = useMemo(
    () => [
      bulk.column,
      ...cmkColumns({ sort, direction, onSort, checking, onOpenRisks: (r) => setRisksOf(r.id), tenant }),
    ],
    [bulk.column, sort, direction, onSort, checking, tenant],
  );
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Customer-managed keys</h1>
      <Text>
        Every bot in the selected subscriptions: whether it is encrypted with your own key, and what could
        stop it. Each bot is checked by the same rules as its CMK readiness blade.
      </Text>
      {cmk.error ? (
        <ArmErrorBar error={cmk.error} title="The bots could not be listed" onRetry={cmk.retry} />
      ) : null}
      <TabList
        aria-label="Views of the tenant’s keys"
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as CmkTab)}
      >
        <Tab value="bots">Bots</Tab>
        <Tab value="policy">Azure Policy</Tab>
        <Tab value="dependents">Key dependents</Tab>
      </TabList>
      {tab === 'bots' && (
        <>
          <CmkFiredAlerts rows={sectionRows} enabled={cmk.listed && cmk.checking === 0} tenant={tenant} />
          {alerting.error ? (
            <ArmErrorBar
              error={alerting.error}
              title="Not everything about who is told could be read: some bots’ Alerts may say Not known"
              onRetry={alerting.retry}
            />
          ) : null}
          <CmkTiles
            counts={counts}
            current={tile}
            loading={!cmk.listed}
            onChange={(tile) => setView({ ...shown, tile })}
          />
          <div className={styles.toolbar}>
            <SearchBox
              className={styles.search}
              aria-label="Filter bots by name, key, status or risk"
              placeholder="Filter by name, key, status or risk…"
              value={text}
              onChange={(_, d) => setText(d.value)}
            />
            <Text role="status" aria-live="polite">
              {cmk.preview
                ? `Listing bots: the first ${cmk.preview.shown.toLocaleString('en-US')} of ${cmk.preview.total.toLocaleString('en-US')}…`
                : !cmk.listed
                  ? 'Loading bots…'
                  : `Showing ${visible.length} of ${cmk.rows.length} bots.${checking ? ' Checking keys and vaults…' : ''}`}
            </Text>
            {(checking || !cmk.listed) && <Spinner size="tiny" aria-label="Checking" />}
            <Button
              icon={<ArrowDownloadRegular />}
              disabled={!cmk.listed}
              onClick={() => download('bot-cmk-posture.csv', cmkCsv(visible), 'text/csv')}
            >
              Export CSV
            </Button>
            <Button
              icon={<CodeRegular />}
              disabled={!cmk.listed}
              onClick={() =>
                download(
                  'bot-cmk-fixes.sh',
                  fixScript(visible, {
                    cloud: session.cloud.name,
                    principalObjectId: cmk.principalObjectId,
                  }),
                  'text/x-shellscript',
                )
              }
            >
              Export fixes (az)
            </Button>
            <Button icon={<ArrowClockwiseRegular />} onClick={cmk.refresh}>
              Refresh
            </Button>
          </div>
          <CmkBulkBar bulk={bulk} />
          <VirtualTable label="Bots and their keys" columns={columns} rows={visible} rowKey={rowId} />
          {chartsShown && (
            <CmkCharts
              rows={sectionRows}
              counts={counts}
              keyLists={cmk.keyLists}
              nowMs={cmk.nowMs}
              onPick={pickTile}
            />
          )}
        </>
      )}
      {tab === 'policy' && (
        <PolicySection policy={policy} rows={sectionRows} subscriptionName={cmk.subscriptionName} />
      )}
      {tab === 'dependents' && <KeyDependentsSection map={cmk.keyDependents} tenant={tenant} />}
      <CmkBulkConfirm
        bulk={bulk}
        actionGroups={alerting.resources?.actionGroups ?? []}
        defaultEmail={session.account.username}
      />
      {opened && <RiskDialog row={opened} tenant={tenant} onClose={() => setRisksOf(undefined)} />}
    </div>
  );
}
