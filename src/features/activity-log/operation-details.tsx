import {
  Button,
  makeStyles,
  Spinner,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular, DismissRegular, LinkRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActivityOperation } from '../../domain/history/activity';
import { trackedResourceOf } from '../../domain/history/tracked-resource';
import { dateTimeText } from '../../domain/time-text';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { Essentials } from '../../portal/essentials';
import { resourceChangesQueryOptions } from '../../queries/history';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { flex: 1, margin: 0 },
  pre: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalM,
    overflow: 'auto',
    maxHeight: '50vh',
    whiteSpace: 'pre',
    margin: 0,
  },
  value: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
});

function ChangeHistory({ operation }: { operation: ActivityOperation }) {
  const styles = useStyles();
  const tracked = trackedResourceOf(operation.resourceId);
  const changes = useQuery({ ...resourceChangesQueryOptions(tracked ?? ''), enabled: tracked !== undefined });
  if (!tracked)
    return <Text>Azure Resource Graph keeps change records for bots and key vaults; this is neither.</Text>;
  if (changes.isLoading) return <Spinner size="tiny" label="Reading Azure’s change records…" />;
  if (changes.error)
    return (
      <ArmErrorBar
        error={changes.error}
        title="The change records could not be read"
        onRetry={() => void changes.refetch()}
      />
    );
  const mine = (changes.data ?? []).filter(
    (c) => c.correlationId && c.correlationId.toLowerCase() === operation.correlationId.toLowerCase(),
  );
  if (mine.length === 0)
    return (
      <Text>
        No property change is recorded for this operation: it failed, changed nothing, is older than the 14
        days Resource Graph keeps, or is not recorded yet (records usually appear within minutes).
      </Text>
    );
  return (
    <Table aria-label="Properties this operation changed" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Property</TableHeaderCell>
          <TableHeaderCell>Old value</TableHeaderCell>
          <TableHeaderCell>New value</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {mine.flatMap((c) =>
          c.changes.length
            ? c.changes.map((p) => (
                <TableRow key={`${c.id}|${p.path}`}>
                  <TableCell className={styles.value}>{p.path}</TableCell>
                  <TableCell className={styles.value}>{p.before ?? '(none)'}</TableCell>
                  <TableCell className={styles.value}>{p.after ?? '(none)'}</TableCell>
                </TableRow>
              ))
            : [
                <TableRow key={c.id}>
                  <TableCell colSpan={3}>
                    {c.changeType === 'Create'
                      ? 'The resource was created.'
                      : c.changeType === 'Delete'
                        ? 'The resource was deleted.'
                        : 'No property changed.'}
                  </TableCell>
                </TableRow>,
              ],
        )}
      </TableBody>
    </Table>
  );
}

type TabId = 'summary' | 'changes' | 'json';

/** One operation's details: who, when, what failed; the property diffs Resource Graph recorded; the events' JSON. */
export function OperationDetails({
  operation,
  callerName,
  link,
  onClose,
}: {
  operation: ActivityOperation;
  callerName?: string;
  link: string;
  onClose(): void;
}) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('summary');
  const json = JSON.stringify(operation.events, null, 2);
  return (
    <section className={styles.pane} aria-labelledby="operation-title">
      <div className={styles.head}>
        <Text as="h2" id="operation-title" weight="semibold" size={400} className={styles.title}>
          {operation.label}
        </Text>
        <Button icon={<LinkRegular />} onClick={() => void navigator.clipboard?.writeText(link)}>
          Copy link
        </Button>
        <Button
          appearance="subtle"
          icon={<DismissRegular />}
          aria-label="Close the details"
          onClick={onClose}
        />
      </div>
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        aria-label="Event details"
      >
        <Tab value="summary">Summary</Tab>
        <Tab value="changes">Change history</Tab>
        <Tab value="json">JSON</Tab>
      </TabList>
      {tab === 'summary' && (
        <Essentials
          label="Summary"
          facts={[
            { label: 'Operation name', value: operation.operationName },
            { label: 'Status', value: operation.status },
            { label: 'Time stamp', value: dateTimeText(operation.at) },
            {
              label: 'Event initiated by',
              value: callerName ? `${callerName} (${operation.caller})` : operation.caller,
            },
            { label: 'Caller’s address', value: operation.clientIp },
            { label: 'Resource', value: operation.resourceId },
            { label: 'Correlation id', value: operation.correlationId },
            ...(operation.failure
              ? [
                  {
                    label: 'Error',
                    value: `${operation.failure.code ? `${operation.failure.code}: ` : ''}${operation.failure.message}`,
                  },
                ]
              : []),
          ]}
        />
      )}
      {tab === 'changes' && <ChangeHistory operation={operation} />}
      {tab === 'json' && (
        <>
          <Button
            icon={<CopyRegular />}
            onClick={() => void navigator.clipboard?.writeText(json)}
            style={{ alignSelf: 'start' }}
          >
            Copy the JSON
          </Button>
          <pre className={styles.pre} tabIndex={0} role="region" aria-label="The events’ JSON">
            {json}
          </pre>
        </>
      )}
    </section>
  );
}
