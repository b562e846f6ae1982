import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import type { KeyAlertPlan } from '../../../domain/alerts/plan';
import type { StepState } from '../../../queries/alerts';
import { StatusIcon } from '../../../portal/status-icon';

const useStyles = makeStyles({ id: { wordBreak: 'break-all' } });

const stateText: Record<StepState['state'], string> = {
  waiting: 'Waiting',
  running: 'Creating…',
  done: 'Created',
  kept: 'Kept as it is',
  failed: 'Failed',
};

/** Every resource the set-up makes or reuses, where it goes, what it does, and (once running) how far it got. */
export function PlanTable({ plan, steps }: { plan: KeyAlertPlan; steps: StepState[] | undefined }) {
  const s = useStyles();
  return (
    <Table aria-label="What will be created" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Resource</TableHeaderCell>
          <TableHeaderCell>Scope</TableHeaderCell>
          <TableHeaderCell>What it does</TableHeaderCell>
          <TableHeaderCell>{steps ? 'Progress' : 'Action'}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {plan.resources.map((r, i) => {
          const step = steps?.[i];
          return (
            <TableRow key={r.id}>
              <TableCell>
                <Text weight="semibold">{r.title}</Text>
                <br />
                <Text size={200}>{r.id.split('/').pop()}</Text>
              </TableCell>
              <TableCell>
                <Text size={200} className={s.id}>
                  {r.scope}
                </Text>
              </TableCell>
              <TableCell>{r.purpose}</TableCell>
              <TableCell>
                {step ? (
                  <>
                    <StatusIcon
                      kind={
                        step.state === 'done' || step.state === 'kept'
                          ? 'success'
                          : step.state === 'failed'
                            ? 'error'
                            : step.state === 'running'
                              ? 'inProgress'
                              : 'unknown'
                      }
                      label={stateText[step.state]}
                    />{' '}
                    {stateText[step.state]}
                  </>
                ) : r.reused ? (
                  'Used as it is'
                ) : r.keeps ? (
                  `Update: it exists; its ${r.keeps.length} other action group${r.keeps.length === 1 ? '' : 's'} kept`
                ) : (
                  'Create'
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
