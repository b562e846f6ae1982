import { makeStyles, mergeClasses, tokens, ToggleButton } from '@fluentui/react-components';
import type { Tile } from '../../domain/cmk/table';

const labels: Record<Tile, string> = {
  all: 'All bots',
  customer: 'On customer-managed keys',
  healthy: 'No risk found',
  'at-risk': 'At risk',
  microsoft: 'Microsoft-managed keys',
  unknown: 'Not fully checked',
  'alerts-missing': 'Nobody told if the key fails',
};

const useStyles = makeStyles({
  tiles: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    minWidth: '150px',
    height: 'auto',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  count: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  risk: { color: tokens.colorPaletteRedForeground1 },
});

/** The summary tiles: each one a filter of the table, pressed while it is the one applied. */
export function CmkTiles({
  counts,
  current,
  loading,
  onChange,
}: {
  counts: Record<Tile, number>;
  current: Tile;
  loading: boolean;
  onChange(tile: Tile): void;
}) {
  const styles = useStyles();
  return (
    <div role="group" aria-label="Show bots" className={styles.tiles}>
      {(Object.keys(labels) as Tile[]).map((t) => (
        <ToggleButton
          key={t}
          className={styles.tile}
          checked={current === t}
          aria-label={`${labels[t]}: ${loading ? 'counting' : counts[t]}`}
          onClick={() => onChange(current === t ? 'all' : t)}
        >
          <span
            className={mergeClasses(
              styles.count,
              (t === 'at-risk' || t === 'alerts-missing') && counts[t] > 0 && styles.risk,
            )}
          >
            {loading ? '…' : counts[t].toLocaleString('en-US')}
          </span>
          <span>{labels[t]}</span>
        </ToggleButton>
      ))}
    </div>
  );
}
