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
import { fleetCsv } from '../../domain/fleet/csv';
import { fixScript } from '../../domain/fleet/script';
import {
  queryFromView,
  tileCounts,
  viewFromQuery,
  viewRows,
  withPolicy,
  type SortColumn,
  type TableView,
} from '../../domain/fleet/table';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { markContentShown } from '../../portal/content-shown';
import { navigate } from '../../portal/navigation/router';
import { fleetHash } from '../../portal/navigation/routes';
import { VirtualTable } from '../../portal/virtual-table';
import { fleetColumns } from './fleet-columns';
import { FleetTiles } from './fleet-tiles';
import { RiskDialog } from './risk-cell';
import { useFleet } from './use-fleet';
import { usePreparedSearch } from './use-prepared-search';
import { useCmkPolicy } from './use-cmk-policy';
import { PolicySection } from './policy-section';
import { KeyMapSection } from './key-map-section';
import { policyWord } from '../../domain/policy/cmk-policy';
import { valueOf } from '../../domain/readiness/types';
import { useFleetBulk } from './use-fleet-bulk';
import { FleetBulkBar, FleetBulkConfirm } from './fleet-bulk';
import type { FleetRow } from '../../domain/fleet/posture';

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

type FleetTab = 'bots' | 'policy' | 'keymap';

const rowId = (r: FleetRow) => r.id;

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
export default function FleetPage({ tenant, query }: { tenant?: string; query: Record<string, string> }) {
  const styles = useStyles();
  const fleet = useFleet();
  const session = useSession();
  // The text is the field's own: a background refetch or the address catching up never takes a keystroke away.
  const [text, setText] = useState(() => viewFromQuery(query).text);
  const deferredText = useDeferredValue(text);
  const setView = useCallback(
    (next: TableView, replace = false) => void navigate(fleetHash(tenant, queryFromView(next)), { replace }),
    [tenant],
  );
  useEffect(() => {
    document.title = 'Customer-managed keys - Keyguard';
  }, []);
  useEffect(() => {
    if (fleet.listed) markContentShown();
  }, [fleet.listed]);
  const { tile, sort, direction } = viewFromQuery(query);
  const shown: TableView = { tile, sort, direction, text: deferredText };
  const policy = useCmkPolicy(fleet.botSubscriptions, fleet.listed && fleet.checking === 0);
  const rows = useMemo(
    () =>
      withPolicy(fleet.rows, (r) =>
        policyWord(
          r.id,
          policy.compliance.get(r.id.toLowerCase()),
          valueOf(policy.bySubscription.get(r.subscriptionId.toLowerCase())),
        ),
      ),
    [fleet.rows, policy.compliance, policy.bySubscription],
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
  const checking = fleet.checking > 0;
  const [risksOf, setRisksOf] = useState<string>();
  // Only the view shown is rendered: at tenant scale the page re-renders with every answer while it checks.
  const [tab, setTab] = useState<FleetTab>('bots');
  const opened = risksOf === undefined ? undefined : rows.find((r) => r.id === risksOf);
  const bulk = useFleetBulk(visible, fleet.subscriptionName, fleet.refresh);
  // The same columns while only the count of reads running moves: the table then skips those re-renders, which at
  // tenant scale come with every answer and took the main thread the demo's Azure answers on.
  const columns = useMemo(
    () => [
      bulk.column,
      ...fleetColumns({ sort, direction, onSort, checking, onOpenRisks: (r) => setRisksOf(r.id), tenant }),
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
      {fleet.error ? (
        <ArmErrorBar error={fleet.error} title="The bots could not be listed" onRetry={fleet.retry} />
      ) : null}
      <TabList
        aria-label="Views of the tenant’s keys"
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as FleetTab)}
      >
        <Tab value="bots">Bots</Tab>
        <Tab value="policy">Azure Policy</Tab>
        <Tab value="keymap">Key map</Tab>
      </TabList>
      {tab === 'bots' && (
        <>
          <FleetTiles
            counts={counts}
            current={tile}
            loading={!fleet.listed}
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
              {fleet.preview
                ? `Listing bots: the first ${fleet.preview.shown.toLocaleString('en-US')} of ${fleet.preview.total.toLocaleString('en-US')}…`
                : !fleet.listed
                  ? 'Loading bots…'
                  : `Showing ${visible.length} of ${fleet.rows.length} bots.${checking ? ' Checking keys and vaults…' : ''}`}
            </Text>
            {(checking || !fleet.listed) && <Spinner size="tiny" aria-label="Checking" />}
            <Button
              icon={<ArrowDownloadRegular />}
              disabled={!fleet.listed}
              onClick={() => download('bot-cmk-posture.csv', fleetCsv(visible), 'text/csv')}
            >
              Export CSV
            </Button>
            <Button
              icon={<CodeRegular />}
              disabled={!fleet.listed}
              onClick={() =>
                download(
                  'bot-cmk-fixes.sh',
                  fixScript(visible, {
                    cloud: session.cloud.name,
                    principalObjectId: fleet.principalObjectId,
                  }),
                  'text/x-shellscript',
                )
              }
            >
              Export fixes (az)
            </Button>
            <Button icon={<ArrowClockwiseRegular />} onClick={fleet.refresh}>
              Refresh
            </Button>
          </div>
          <FleetBulkBar bulk={bulk} />
          <VirtualTable label="Bots and their keys" columns={columns} rows={visible} rowKey={rowId} />
        </>
      )}
      {tab === 'policy' && (
        <PolicySection policy={policy} rows={sectionRows} subscriptionName={fleet.subscriptionName} />
      )}
      {tab === 'keymap' && <KeyMapSection map={fleet.keyMap} tenant={tenant} />}
      <FleetBulkConfirm bulk={bulk} />
      {opened && <RiskDialog row={opened} tenant={tenant} onClose={() => setRisksOf(undefined)} />}
    </div>
  );
}
