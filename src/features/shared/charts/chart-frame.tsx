import { makeStyles, Spinner, Switch, Text, tokens } from '@fluentui/react-components';
import { Suspense, useId, useState, type ReactNode } from 'react';
import { ChartFallback } from './chart-fallback';

const useStyles = makeStyles({
  frame: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '960px',
    minWidth: 0,
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  chart: { minHeight: '260px' },
});

/**
 * A chart with what every chart here needs: a heading that names it, a table view behind a switch (the same numbers,
 * for a screen reader or a copy), and words instead of an empty drawing when there is nothing to show. The chart
 * itself is lazy: its code loads only when it is drawn.
 */
export function ChartFrame({
  title,
  empty,
  table,
  children,
  headingLevel = 2,
}: {
  title: string;
  /** Said instead of the chart when set (there is no data to draw). */
  empty?: string;
  table: ReactNode;
  children: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const s = useStyles();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className={s.frame} aria-labelledby={id}>
      <div className={s.head}>
        <Text as={`h${headingLevel}`} id={id} weight="semibold" size={headingLevel === 2 ? 400 : 300}>
          {title}
        </Text>
        {!empty && (
          <Switch checked={asTable} onChange={(_, d) => setAsTable(d.checked)} label="Show as table" />
        )}
      </div>
      {empty ? (
        <Text>{empty}</Text>
      ) : asTable ? (
        table
      ) : (
        <div className={s.chart}>
          <ChartFallback table={table}>
            <Suspense fallback={<Spinner size="small" label="Drawing the chart…" />}>{children}</Suspense>
          </ChartFallback>
        </div>
      )}
    </section>
  );
}
