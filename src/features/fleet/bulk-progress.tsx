import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { bulkFixTitles } from '../../domain/fleet/bulk';
import { StatusIcon, type StatusKind } from '../../portal/status-icon';
import type { BulkRun, ItemStatus } from './use-bulk-run';

const useStyles = makeStyles({
  panel: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyle: 'none', maxHeight: '30vh', overflowY: 'auto' },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const words: Record<ItemStatus['state'], string> = {
  waiting: 'Waiting',
  running: 'Working…',
  'not-started': 'Not started',
  done: 'Done',
  already: 'Already fine',
  pending: 'Started, finishing in Azure',
  failed: 'Failed',
};

const icon = (s: ItemStatus['state']): StatusKind =>
  s === 'done' || s === 'already'
    ? 'success'
    : s === 'failed'
      ? 'error'
      : s === 'pending' || s === 'not-started'
        ? 'warning'
        : s === 'running'
          ? 'inProgress'
          : 'unknown';

/** n of N, each item's result, and what can be done next: stop, retry the failed ones, run the rest. */
export function BulkProgress({
  run,
  onStop,
  onRetryFailed,
  onRunRest,
  onClose,
}: {
  run: BulkRun;
  onStop(): void;
  onRetryFailed(): void;
  onRunRest(): void;
  onClose(): void;
}) {
  const styles = useStyles();
  const states = run.items.map((i) => run.status[i.id]?.state ?? 'waiting');
  const finished = states.filter(
    (s) => s === 'done' || s === 'already' || s === 'pending' || s === 'failed',
  ).length;
  const failed = states.filter((s) => s === 'failed').length;
  const notStarted = states.filter((s) => s === 'not-started').length;
  const t = bulkFixTitles[run.kind];
  const summary = `${finished} of ${run.items.length} finished${failed ? `, ${failed} failed` : ''}${notStarted ? `, ${notStarted} not started` : ''}.`;
  return (
    <section className={styles.panel} aria-labelledby="bulk-run-title">
      <h2 id="bulk-run-title" className={styles.title}>
        {t.verb}: {t.noun(run.items.length)}
      </h2>
      <ProgressBar
        aria-label="Progress of the fix"
        value={run.items.length ? finished / run.items.length : 1}
        color={failed ? 'error' : 'brand'}
      />
      <Text role="status" aria-live="polite">
        {run.running ? (run.stopping ? 'Stopping after the changes under way… ' : 'Working… ') : ''}
        {summary}
        {run.pause ? ` ${run.pause}` : ''}
      </Text>
      <ul className={styles.list} aria-label="Result of each change">
        {run.items.map((i) => {
          const s = run.status[i.id] ?? { state: 'waiting' };
          return (
            <li key={i.id} className={styles.item} aria-label={`${i.name}: ${words[s.state]}`}>
              <StatusIcon kind={icon(s.state)} label={words[s.state]} />
              <Text>
                <Text weight="semibold">{i.name}</Text> — {words[s.state]}
                {s.message ? `: ${s.message}` : ''}
              </Text>
            </li>
          );
        })}
      </ul>
      <div className={styles.actions}>
        {run.running ? (
          <Button onClick={onStop} disabled={run.stopping}>
            Stop
          </Button>
        ) : (
          <>
            {failed > 0 && (
              <Button appearance="primary" onClick={onRetryFailed}>
                Retry failed ({failed})
              </Button>
            )}
            {notStarted > 0 && <Button onClick={onRunRest}>Run the rest ({notStarted})</Button>}
            <Button onClick={onClose}>Close</Button>
          </>
        )}
      </div>
    </section>
  );
}
