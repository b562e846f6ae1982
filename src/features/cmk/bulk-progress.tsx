import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { bulkFixTitles } from '../../domain/cmk/bulk';
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
  unknown: 'Not known whether made',
  failed: 'Failed',
};

const icon = (s: ItemStatus['state']): StatusKind =>
  s === 'done' || s === 'already'
    ? 'success'
    : s === 'failed' || s === 'unknown'
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
  const count = (state: ItemStatus['state']) => states.filter((s) => s === state).length;
  const finished = states.filter((s) => s !== 'waiting' && s !== 'running' && s !== 'not-started').length;
  const [failed, unknown, notStarted] = [count('failed'), count('unknown'), count('not-started')];
  const t = bulkFixTitles[run.kind];
  const summary = `${finished} of ${run.items.length} finished${failed ? `, ${failed} failed` : ''}${unknown ? `, ${unknown} not known` : ''}${notStarted ? `, ${notStarted} not started` : ''}.`;
  const heading = useRef<HTMLHeadingElement>(null);
  // Stop goes away when the run ends: focus moves to the panel's heading rather than falling to the page.
  useEffect(() => {
    if (!run.running && (document.activeElement === document.body || document.activeElement === null))
      heading.current?.focus();
  }, [run.running]);
  return (
    <section className={styles.panel} aria-labelledby="bulk-run-title">
      <h2 id="bulk-run-title" className={styles.title} ref={heading} tabIndex={-1}>
        {t.verb}: {t.noun(run.items.length)}
      </h2>
      <ProgressBar
        aria-label="Progress of the fix"
        value={run.items.length ? finished / run.items.length : 1}
        color={failed + unknown ? 'error' : 'brand'}
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
            {failed + unknown > 0 && (
              <Button appearance="primary" onClick={onRetryFailed}>
                Retry failed ({failed + unknown})
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
