import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  /** CSS grid track, e.g. `2fr` or `160px`. */
  width: string;
  render(row: T): ReactNode;
  /** What the header cell holds instead of the header text (a "select all" checkbox). */
  headerCell?: ReactNode;
  /** A sortable column: its order now (announced as aria-sort) and what a click on its header does. */
  sort?: { order: 'ascending' | 'descending' | 'none'; onSort(): void };
}

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  row: {
    display: 'grid',
    alignItems: 'center',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    minWidth: '720px',
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  sortButton: { fontWeight: tokens.fontWeightSemibold, minWidth: 0, padding: 0 },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

/** The scroller's height before layout: its max-height in vh or px, else the window's. */
function expectedHeight(height: string): number {
  const vh = /^(\d+(?:\.\d+)?)vh$/.exec(height);
  if (vh) return (window.innerHeight * Number(vh[1])) / 100;
  const px = /^(\d+(?:\.\d+)?)px$/.exec(height);
  return px ? Number(px[1]) : window.innerHeight;
}

/**
 * A table that renders only the rows in view (tenant scale: thousands of rows), with table semantics for assistive
 * technology: aria-rowcount and aria-rowindex tell the real size and position.
 */
function VirtualTableOf<T>({
  columns,
  rows,
  rowKey,
  label,
  height = '60vh',
  rowHeight = 36,
}: {
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  label: string;
  height?: string;
  rowHeight?: number;
}) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used as documented; its returned functions are not memoized
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // The first render already holds the rows in view; measuring first would render the table twice.
    initialRect: { width: 0, height: expectedHeight(height) },
  });
  const template = columns.map((c) => c.width).join(' ');
  return (
    // A scrollable region must be reachable by keyboard (WCAG 2.1.1), hence the tab stop on the region.
    <div
      ref={scrollRef}
      className={styles.scroller}
      style={{ maxHeight: height }}
      tabIndex={0}
      role="region"
      aria-label={`${label}, scrollable`}
    >
      <div role="table" aria-label={label} aria-rowcount={rows.length + 1}>
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            className={mergeClasses(styles.row, styles.header)}
            style={{ gridTemplateColumns: template }}
          >
            {columns.map((c) => (
              <div
                role="columnheader"
                key={c.key}
                className={styles.cell}
                aria-sort={c.sort && c.sort.order !== 'none' ? c.sort.order : undefined}
              >
                {c.headerCell ??
                  (c.sort ? (
                    <Button
                      appearance="transparent"
                      size="small"
                      className={styles.sortButton}
                      icon={
                        c.sort.order === 'ascending' ? (
                          <ArrowSortUpRegular />
                        ) : c.sort.order === 'descending' ? (
                          <ArrowSortDownRegular />
                        ) : undefined
                      }
                      iconPosition="after"
                      onClick={c.sort.onSort}
                    >
                      {c.header}
                    </Button>
                  ) : (
                    c.header
                  ))}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index] as T;
            return (
              <VirtualRow
                key={rowKey(row)}
                row={row}
                columns={columns}
                template={template}
                index={v.index}
                start={v.start}
                size={v.size}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * One row, skipped on re-render while it holds the same row, columns and place: while a long list scrolls, only the
 * rows coming into view render (each holds Fluent controls), not every row in the window with them.
 */
interface VirtualRowProps<T> {
  row: T;
  columns: Column<T>[];
  template: string;
  index: number;
  start: number;
  size: number;
}

const VirtualRow = memo(function VirtualRow<T>({
  row,
  columns,
  template,
  index,
  start,
  size,
}: VirtualRowProps<T>) {
  const styles = useStyles();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={styles.row}
      style={{
        gridTemplateColumns: template,
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: size,
        transform: `translateY(${start}px)`,
      }}
    >
      {columns.map((c) => (
        <div role="cell" key={c.key} className={styles.cell}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
}) as <T>(props: VirtualRowProps<T>) => ReactNode;

/**
 * Skips re-rendering when its columns, rows and row key are the same objects: a page that re-renders with every
 * answer while it checks thousands of rows keeps its table still by passing stable ones.
 */
export const VirtualTable = memo(VirtualTableOf) as typeof VirtualTableOf;
