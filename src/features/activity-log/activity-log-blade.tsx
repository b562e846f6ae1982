import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  SearchBox,
  Spinner,
  Text,
  tokens,
  ToolbarButton,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { parseResourceId } from '../../arm/resource-id';
import { serverNow } from '../../arm/server-clock';
import type { ActivityOperation, OperationOutcome } from '../../domain/history/activity';
import { dateTimeText, timeAgo } from '../../domain/time-text';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { StatusIcon, type StatusKind } from '../../portal/status-icon';
import { VirtualTable, type Column } from '../../portal/virtual-table';
import type { ActivitySpan } from '../../queries/history';
import { NotYetLogged } from './not-yet-logged';
import { EmptyRange } from './empty-range';
import { OperationDetails } from './operation-details';
import { TimeSpanPicker, type SpanChoice } from './time-span-picker';
import { useActivityLog } from './use-activity-log';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'end' },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  cell: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

const outcomeKind: Record<OperationOutcome, StatusKind> = {
  succeeded: 'success',
  failed: 'error',
  running: 'inProgress',
  other: 'info',
};
const statuses = ['Succeeded', 'Failed', 'Started', 'Accepted'];

/**
 * Activity log of a bot, key vault or subscription: Azure's own record of every control-plane change, whoever made
 * it and from wherever, grouped into operations, filtered like the portal's, with each operation's details and diffs.
 */
export default function ActivityLogBlade() {
  const styles = useStyles();
  const blade = useBlade();
  const correlationId = blade.query.event;
  const [choice, setChoice] = useState<SpanChoice>(correlationId ? '90d' : '24h');
  const [span, setSpan] = useState<ActivitySpan>({ preset: correlationId ? '90d' : '24h', asked: 0 });
  const { log, operations, nameOf } = useActivityLog(blade.resourceId, span, correlationId);
  const range = log.data?.pages[0]?.range;
  const [operationName, setOperationName] = useState('');
  const [status, setStatus] = useState('');
  const [text, setText] = useState('');
  // undefined: the deep-linked operation, if any; null: none (the details were closed).
  const [selectedKey, setSelectedKey] = useState<string | null>();
  const isSubscription = parseResourceId(blade.resourceId)?.type === 'Microsoft.Resources/subscriptions';
  const kinds = useMemo(
    () => [...new Map(operations.map((o) => [o.operationName.toLowerCase(), o])).values()],
    [operations],
  );
  const needle = text.trim().toLowerCase();
  const visible = operations.filter(
    (o) =>
      (!operationName || o.operationName.toLowerCase() === operationName) &&
      (!status || o.status.toLowerCase() === status.toLowerCase()) &&
      (!needle ||
        `${o.label} ${o.operationName} ${o.caller ?? ''} ${nameOf(o) ?? ''} ${o.resourceId ?? ''}`
          .toLowerCase()
          .includes(needle)),
  );
  const selected =
    selectedKey === undefined
      ? correlationId
        ? operations[0]
        : undefined
      : operations.find((o) => o.key === selectedKey);
  const now = serverNow();
  const link = (o: ActivityOperation) =>
    `${location.origin}${location.pathname}${resourceHash(blade.resourceId, 'activitylog', blade.tenant, { event: o.correlationId })}`;
  const columns: Column<ActivityOperation>[] = [
    {
      key: 'operation',
      header: 'Operation name',
      width: 'minmax(220px, 2fr)',
      render: (o) => (
        <Button
          appearance="transparent"
          size="small"
          onClick={() => setSelectedKey(o.key)}
          aria-pressed={selected?.key === o.key}
        >
          {o.label}
        </Button>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      width: 'minmax(110px, 0.8fr)',
      render: (o) => (
        <span className={styles.cell}>
          <StatusIcon kind={outcomeKind[o.outcome]} label={o.status} />
          {o.status}
        </span>
      ),
    },
    { key: 'time', header: 'Time', width: 'minmax(120px, 0.9fr)', render: (o) => timeAgo(o.at, now) },
    { key: 'stamp', header: 'Time stamp', width: 'minmax(170px, 1fr)', render: (o) => dateTimeText(o.at) },
    {
      key: 'caller',
      header: 'Event initiated by',
      width: 'minmax(180px, 1.4fr)',
      render: (o) => nameOf(o) ?? o.caller ?? '—',
    },
    ...(isSubscription
      ? [
          {
            key: 'resource',
            header: 'Resource',
            width: 'minmax(140px, 1fr)',
            render: (o: ActivityOperation) =>
              parseResourceId(o.resourceId ?? '')?.name ?? o.resourceId ?? '—',
          },
        ]
      : []),
  ];
  const eventCount = (log.data?.pages ?? []).reduce((n, p) => n + p.events.length, 0);
  // A preset span is counted from Azure's now again; a typed range is read again as it is.
  const refresh = () =>
    'preset' in span ? setSpan({ preset: span.preset, asked: Date.now() }) : void log.refetch();
  return (
    <BladeFrame
      commands={
        <ToolbarButton icon={<ArrowClockwiseRegular />} disabled={log.isFetching} onClick={refresh}>
          Refresh
        </ToolbarButton>
      }
    >
      <Text>
        Azure’s record of control-plane changes to this {blade.typeLabel.toLowerCase()}
        {isSubscription
          ? ' and its resources'
          : ' and what belongs to it (access policies, role assignments, diagnostic settings)'}
        , whoever made them and from wherever. It keeps 90 days. Uses of a key on Key Vault’s data plane are
        not here: see the vault’s Key usage.
      </Text>
      {correlationId && (
        <MessageBar intent="info">
          <MessageBarBody>
            Showing the operation with correlation id {correlationId}.{' '}
            <RouterLink href={resourceHash(blade.resourceId, 'activitylog', blade.tenant)}>
              Show every operation
            </RouterLink>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.filters}>
        {!correlationId && (
          <TimeSpanPicker
            choice={choice}
            onChoose={(c, next) => (setChoice(c), setSpan(next), setSelectedKey(undefined))}
          />
        )}
        <Field label="Operation">
          <Dropdown
            value={
              operationName
                ? (kinds.find((k) => k.operationName.toLowerCase() === operationName)?.label ?? '')
                : 'All operations'
            }
            selectedOptions={[operationName]}
            onOptionSelect={(_, d) => setOperationName(d.optionValue ?? '')}
          >
            <Option value="">All operations</Option>
            {kinds.map((k) => (
              <Option key={k.operationName} value={k.operationName.toLowerCase()}>
                {k.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Status">
          <Dropdown
            value={status || 'All'}
            selectedOptions={[status]}
            onOptionSelect={(_, d) => setStatus(d.optionValue ?? '')}
          >
            <Option value="">All</Option>
            {statuses.map((s) => (
              <Option key={s} value={s}>
                {s}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <SearchBox
          aria-label="Filter the operations"
          placeholder="Search"
          value={text}
          onChange={(_, d) => setText(d.value)}
        />
      </div>
      {!correlationId && !log.isLoading && (
        <NotYetLogged
          scopeId={blade.resourceId}
          operations={operations}
          range={range}
          refreshing={log.isFetching}
          onRefresh={refresh}
        />
      )}
      {log.error && !log.isFetchNextPageError ? (
        <ArmErrorBar
          error={log.error}
          title="The Activity log could not be read"
          onRetry={() => void log.refetch()}
        />
      ) : null}
      {log.isFetchNextPageError ? (
        <ArmErrorBar
          error={log.error}
          title="More events could not be read; the ones shown are kept"
          onRetry={() => void log.fetchNextPage()}
        />
      ) : null}
      <div className={styles.line}>
        <Text role="status" aria-live="polite">
          {log.isLoading
            ? 'Reading the Activity log…'
            : `${visible.length} of ${operations.length} operations (${eventCount} events) from ${range ? dateTimeText(range.from.getTime()) : '…'} to ${range?.to ? dateTimeText(range.to.getTime()) : 'now'}.`}
        </Text>
        {(log.isLoading || log.isFetchingNextPage) && <Spinner size="tiny" aria-label="Loading" />}
        {log.hasNextPage && !log.isFetchingNextPage && (
          <Button size="small" onClick={() => void log.fetchNextPage()}>
            Load more
          </Button>
        )}
      </div>
      {!correlationId && range && !log.isLoading && !log.error && operations.length === 0 && (
        <EmptyRange
          range={range}
          choice={choice}
          onWiden={(preset) => (
            setChoice(preset),
            setSpan({ preset, asked: Date.now() }),
            setSelectedKey(undefined)
          )}
        />
      )}
      <VirtualTable
        label="Activity log"
        columns={columns}
        rows={visible}
        rowKey={(o) => o.key}
        height="45vh"
      />
      {selected && (
        <OperationDetails
          key={selected.key}
          operation={selected}
          callerName={nameOf(selected)}
          link={link(selected)}
          onClose={() => setSelectedKey(null)}
        />
      )}
    </BladeFrame>
  );
}
