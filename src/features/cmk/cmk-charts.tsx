import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, memo, useMemo } from 'react';
import { dateTimeText } from '../../domain/time-text';
import { expiringKeys } from '../../domain/cmk/expiry';
import type { CmkRow } from '../../domain/cmk/posture';
import type { Tile } from '../../domain/cmk/table';
import { PlainTable } from '../../portal/plain-table';
import { ChartFrame } from '../shared/charts/chart-frame';
import type { Cmk } from './use-cmk';

const PostureChart = lazy(() => import('./posture-chart'));
const ExpiryChart = lazy(() => import('./expiry-chart'));

const useStyles = makeStyles({
  charts: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap', alignItems: 'flex-start' },
  chart: { flex: '1 1 380px', minWidth: 0 },
});

const postureLegends: [Tile, string][] = [
  ['healthy', 'On their own key, no risk found'],
  ['at-risk', 'At risk'],
  ['unknown', 'Not fully checked'],
  ['microsoft', 'Microsoft-managed keys'],
];

/** The tenant at a glance: bots by posture (a segment filters the table) and the keys in use that expire soon. */
export const CmkCharts = memo(function CmkCharts({
  rows,
  counts,
  keyLists,
  nowMs,
  onPick,
}: {
  rows: CmkRow[];
  counts: Record<Tile, number>;
  keyLists: Cmk['keyLists'];
  /** When the keys were judged (expiry is not judged anew on every render). */
  nowMs: number;
  onPick(tile: Tile): void;
}) {
  const s = useStyles();
  const slices = useMemo(
    () => postureLegends.map(([tile, legend]) => ({ tile, legend, count: counts[tile] })),
    [counts],
  );
  const expiring = useMemo(
    () =>
      expiringKeys(
        rows,
        (k) => {
          const r = keyLists.get(`${k.vaultName}/${k.keyName}`.toLowerCase());
          return r && 'value' in r ? r.value : undefined;
        },
        nowMs,
      ),
    [rows, keyLists, nowMs],
  );
  return (
    <div className={s.charts}>
      <div className={s.chart}>
        <ChartFrame
          title="Bots by posture"
          empty={counts.all ? undefined : 'No bots in the selected subscriptions.'}
          table={
            <PlainTable
              label="Bots by posture"
              headers={['Posture', 'Bots', 'Filter']}
              items={slices}
              itemKey={(x) => x.tile}
              cells={(x) => [
                x.legend,
                x.count,
                <Button key="pick" size="small" onClick={() => onPick(x.tile)} disabled={x.count === 0}>
                  Show these bots
                </Button>,
              ]}
            />
          }
        >
          <PostureChart slices={slices} total={counts.all} onPick={onPick} />
        </ChartFrame>
      </div>
      <div className={s.chart}>
        <ChartFrame
          title="Keys in use expiring in the next 90 days"
          empty={
            expiring.length
              ? undefined
              : 'No key version a bot uses expires in the next 90 days (among the keys Keyguard could read).'
          }
          table={
            <PlainTable
              label="Keys in use expiring in the next 90 days"
              headers={['Expires', 'Key', 'Version', 'Bots on it']}
              items={expiring}
              itemKey={(k) => k.keyId}
              cells={(k) => [
                dateTimeText(k.expMs),
                `${k.vaultName}/${k.keyName}`,
                `${k.version.slice(0, 8)}…`,
                k.bots.join(', '),
              ]}
            />
          }
        >
          <ExpiryChart keys={expiring} nowMs={nowMs} />
        </ChartFrame>
      </div>
    </div>
  );
});
