import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FleetRow } from '../../domain/fleet/posture';
import { cmkPolicy, type SubscriptionPolicy } from '../../domain/policy/cmk-policy';
import type { Read } from '../../domain/readiness/types';
import { useCmkPolicyActions } from '../../queries/mutations/use-cmk-policy-actions';
import { AssignPolicyDialog } from './assign-policy-dialog';
import type { CmkPolicy } from './use-cmk-policy';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

function assignmentText(r: Read<SubscriptionPolicy>): string {
  if (!r) return 'Reading…';
  if ('error' in r) return `Could not be read: ${r.error}`;
  const p = r.value;
  const groups = p.inResourceGroups.length
    ? `${p.effect === 'none' ? 'Only at' : ', and at'} resource group${p.inResourceGroups.length === 1 ? '' : 's'} ${p.inResourceGroups.map((g) => `${g.resourceGroup} (${g.effect})`).join(', ')}`
    : '';
  if (p.effect === 'none') return groups || 'Not assigned';
  const excluded = p.excluded.length
    ? `, ${p.excluded.length} scope${p.excluded.length === 1 ? '' : 's'} excluded`
    : '';
  return `${p.effect}${p.notEnforced ? ' (not enforced)' : ''}${p.inherited ? ', from a management group' : ''}${excluded}${groups}`;
}

function PolicyRow({
  subscriptionId,
  name,
  policy,
  bots,
  compliance,
}: {
  subscriptionId: string;
  name: string;
  policy: Read<SubscriptionPolicy>;
  bots: FleetRow[];
  compliance: CmkPolicy['compliance'];
}) {
  const styles = useStyles();
  const { assign, scan } = useCmkPolicyActions(subscriptionId, name);
  const [assigning, setAssigning] = useState(false);
  const states = bots.map((b) => compliance.get(b.id.toLowerCase())?.state);
  const non = states.filter((s) => s === 'NonCompliant').length;
  const ok = states.filter((s) => s === 'Compliant').length;
  const assigned = policy && 'value' in policy && policy.value.effect !== 'none';
  const busy = assign.isPending || scan.isPending;
  return (
    <TableRow>
      <TableCell>{name}</TableCell>
      <TableCell>{assignmentText(policy)}</TableCell>
      <TableCell>
        {non + ok === 0
          ? assigned
            ? 'Not evaluated yet'
            : '—'
          : `${non} non-compliant, ${ok} compliant of ${bots.length} bots`}
      </TableCell>
      <TableCell>
        <div className={styles.actions}>
          <Button
            size="small"
            disabled={busy}
            onClick={() => setAssigning(true)}
            aria-label={`Assign the policy to ${name}`}
          >
            Assign…
          </Button>
          <Button
            size="small"
            disabled={busy || !assigned}
            onClick={() => scan.mutate()}
            aria-label={scan.isPending ? `Evaluating ${name}…` : `Evaluate ${name} now`}
          >
            {scan.isPending ? 'Evaluating…' : 'Evaluate now'}
          </Button>
        </div>
        {assigning && (
          <AssignPolicyDialog
            subscriptionId={subscriptionId}
            subscriptionName={name}
            microsoftManagedBots={bots.filter((b) => !b.cmek).length}
            current={policy && 'value' in policy ? policy.value.effect : undefined}
            onClose={() => setAssigning(false)}
            onAssign={(effect) => {
              setAssigning(false);
              assign.mutate(effect);
            }}
          />
        )}
      </TableCell>
    </TableRow>
  );
}

/** Where Azure's built-in CMK policy for bots is assigned, how the bots fare under it, and a one-click assignment. */
export function PolicySection({
  policy,
  rows,
  subscriptionName,
}: {
  policy: CmkPolicy;
  rows: FleetRow[];
  subscriptionName(id: string): string;
}) {
  const styles = useStyles();
  const botsOf = (sub: string) => rows.filter((r) => r.subscriptionId.toLowerCase() === sub);
  return (
    <section className={styles.section} aria-labelledby="cmk-policy-title">
      <h2 id="cmk-policy-title" className={styles.title}>
        Azure Policy
      </h2>
      <Text>
        “{cmkPolicy.displayName}” (built in): where it is assigned over the bots’ subscriptions, and each
        bot’s latest compliance as Azure Policy evaluated it.
        {policy.statesRead && 'error' in policy.statesRead
          ? ` Compliance could not be read: ${policy.statesRead.error}`
          : ''}
      </Text>
      <Table aria-label="Azure Policy by subscription" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Subscription</TableHeaderCell>
            <TableHeaderCell>Assignment</TableHeaderCell>
            <TableHeaderCell>Compliance</TableHeaderCell>
            <TableHeaderCell>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {policy.subscriptions.map((sub) => (
            <PolicyRow
              key={sub}
              subscriptionId={sub}
              name={subscriptionName(sub)}
              policy={policy.bySubscription.get(sub)}
              bots={botsOf(sub)}
              compliance={policy.compliance}
            />
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
