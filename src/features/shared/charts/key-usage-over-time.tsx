import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { lazy, useMemo } from 'react';
import type { UsageRow } from '../../../domain/history/key-usage';
import { usageByDay } from '../../../domain/history/key-usage-series';
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
        <Table aria-label={`${title}, per day`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Day (UTC)</TableHeaderCell>
              <TableHeaderCell>Successful unwraps</TableHeaderCell>
              <TableHeaderCell>Successful wraps</TableHeaderCell>
              <TableHeaderCell>Failed unwraps</TableHeaderCell>
              <TableHeaderCell>Failed wraps</TableHeaderCell>
              <TableHeaderCell>Why calls failed</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {perDay.map((d) => (
              <TableRow key={d.day}>
                <TableCell>{dayText(d.day)}</TableCell>
                <TableCell>{d.okUnwrap}</TableCell>
                <TableCell>{d.okWrap}</TableCell>
                <TableCell>{d.failedUnwrap}</TableCell>
                <TableCell>{d.failedWrap}</TableCell>
                <TableCell>{d.reasons.join('; ') || '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    >
      <KeyUsageChart days={perDay} name={`${title}: calls per day by outcome`} />
    </ChartFrame>
  );
}
