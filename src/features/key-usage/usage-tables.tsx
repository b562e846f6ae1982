import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { failureReasonText, type UsageSummary } from '../../domain/history/key-usage';
import { dateTimeText, dayText } from '../../domain/time-text';

/** Which key versions Bot Service used: an old version still called is one not to disable yet. */
export function VersionsTable({ summary }: { summary: UsageSummary }) {
  return (
    <Table aria-label="Calls per key version" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Key version</TableHeaderCell>
          <TableHeaderCell>Successful calls</TableHeaderCell>
          <TableHeaderCell>Failed calls</TableHeaderCell>
          <TableHeaderCell>Last call</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {summary.versions.map((v) => (
          <TableRow key={v.keyId}>
            <TableCell>{v.keyId}</TableCell>
            <TableCell>{v.successes}</TableCell>
            <TableCell>{v.failures}</TableCell>
            <TableCell>{dateTimeText(v.last)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function FailuresTable({ summary }: { summary: UsageSummary }) {
  return (
    <Table aria-label="Why calls failed" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Reason</TableHeaderCell>
          <TableHeaderCell>HTTP status</TableHeaderCell>
          <TableHeaderCell>Calls</TableHeaderCell>
          <TableHeaderCell>Last</TableHeaderCell>
          <TableHeaderCell>Caller address</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {summary.failures.map((f) => (
          <TableRow key={`${f.reason}|${f.status}|${f.signature}`}>
            <TableCell>{failureReasonText[f.reason]}</TableCell>
            <TableCell>
              {f.status}
              {f.signature ? ` ${f.signature}` : ''}
            </TableCell>
            <TableCell>{f.calls}</TableCell>
            <TableCell>{dateTimeText(f.last)}</TableCell>
            <TableCell>{f.callerIps.join(', ') || 'Not recorded'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function DaysTable({ summary }: { summary: UsageSummary }) {
  return (
    <Table aria-label="Calls per day" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Day (UTC)</TableHeaderCell>
          <TableHeaderCell>Successful calls</TableHeaderCell>
          <TableHeaderCell>Failed calls</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {summary.days.map((d) => (
          <TableRow key={d.day}>
            <TableCell>{dayText(d.day)}</TableCell>
            <TableCell>{d.successes}</TableCell>
            <TableCell>{d.failures}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
