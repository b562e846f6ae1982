import { lazy, useMemo } from 'react';
import type { UsageRow } from '../../../domain/history/key-usage';
import { usageByDay } from '../../../domain/history/key-usage-series';
import { PlainTable } from '../../../portal/plain-table';
import { ChartFrame } from './chart-frame';

const KeyUsageChart = lazy(() => import('./key-usage-chart'));

const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Key usage over time: a stacked chart of the calls per day, or the same numbers as a table. */
export function KeyUsageOverTime({
  rows,
  days,
  headingLevel,
}: {
  rows: UsageRow[];
  /** The period looked at, for the empty state. */
  days: number;
  headingLevel?: 2 | 3;
}) {
  const perDay = useMemo(() => usageByDay(rows), [rows]);
  const title = 'Key usage over time';
  return (
    <ChartFrame
      title={title}
      headingLevel={headingLevel}
      empty={
        perDay.length
          ? undefined
          : `No wrap or unwrap call by Bot Service CMEK Prod in the last ${days} days.`
      }
      table={
        <PlainTable
          label={`${title}, per day`}
          headers={[
            'Day (UTC)',
            'Successful unwraps',
            'Successful wraps',
            'Failed unwraps',
            'Failed wraps',
            'Why calls failed',
          ]}
          items={perDay}
          itemKey={(d) => String(d.day)}
          cells={(d) => [
            dayText(d.day),
            d.okUnwrap,
            d.okWrap,
            d.failedUnwrap,
            d.failedWrap,
            d.reasons.join('; ') || '—',
          ]}
        />
      }
    >
      <KeyUsageChart days={perDay} name={`${title}: calls per day by outcome`} />
    </ChartFrame>
  );
}
