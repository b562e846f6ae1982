import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** A small, read-only table: one header row, then a row of cells per item (a chart's table view, for one). */
export function PlainTable<T>({
  label,
  headers,
  items,
  itemKey,
  cells,
}: {
  label: string;
  headers: string[];
  items: T[];
  itemKey(item: T): string;
  /** The item's cells, in the order of the headers. */
  cells(item: T): ReactNode[];
}) {
  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          {headers.map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={itemKey(item)}>
            {cells(item).map((cell, i) => (
              <TableCell key={headers[i] ?? i}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
