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
import { memo, useMemo, useState } from 'react';
import type { CmkRow } from '../../domain/cmk/posture';
import { assignOffer, cmkPolicy, type SubscriptionPolicy } from '../../domain/policy/cmk-policy';
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
  const through = p.through ? `, through the initiative “${p.through}”` : '';
  return `${p.effect}${p.notEnforced ? ' (not enforced)' : ''}${through}${p.inherited ? ', from a management group' : ''}${excluded}${groups}`;
}

/** A subscription's bots under the policy, counted. */
interface Tally {
  bots: number;
  microsoft: number;
  non: number;
  ok: number;
}

function tallies(rows: CmkRow[], compliance: CmkPolicy['compliance']): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const r of rows) {
    const sub = r.subscriptionId.toLowerCase();
    let t = out.get(sub);
    if (!t) out.set(sub, (t = { bots: 0, microsoft: 0, non: 0, ok: 0 }));
    t.bots++;
    if (!r.cmek) t.microsoft++;
    const state = compliance.get(r.id.toLowerCase())?.state;
    if (state === 'NonCompliant') t.non++;
    else if (state === 'Compliant') t.ok++;
  }
  return out;
}

const none: Tally = { bots: 0, microsoft: 0, non: 0, ok: 0 };

// Rendered again only when its own figures change: the page re-renders with every answer while it checks.
const PolicyRow = memo(function PolicyRow({
  subscriptionId,
  name,
  policy,
  bots,
  microsoft,
  non,
  ok,
}: {
  subscriptionId: string;
  name: string;
  policy: Read<SubscriptionPolicy>;
} & Tally) {
  const styles = useStyles();
  const { assign, scan, running: busy, scanning } = useCmkPolicyActions(subscriptionId, name);
  const [assigning, setAssigning] = useState(false);
  const assigned = policy && 'value' in policy && policy.value.effect !== 'none';
  // Until the assignments are read, Keyguard cannot tell whether one would be a duplicate.
  const offer = policy && 'value' in policy ? assignOffer(policy.value) : undefined;
  return (
    <TableRow>
      <TableCell>{name}</TableCell>
      <TableCell>{assignmentText(policy)}</TableCell>
      <TableCell>
        {non + ok === 0
          ? assigned
            ? 'Not evaluated yet'
            : '—'
          : `${non} non-compliant, ${ok} compliant of ${bots} bots`}
      </TableCell>
      <TableCell>
        <div className={styles.actions}>
          <Button
            size="small"
            disabled={busy || !offer?.offered}
            onClick={() => setAssigning(true)}
            aria-label={`Assign the policy to ${name}`}
          >
            Assign…
          </Button>
          <Button
            size="small"
            disabled={busy || !assigned}
            onClick={() => scan.mutate()}
            aria-label={scanning ? `Evaluating ${name}…` : `Evaluate ${name} now`}
          >
            {scanning ? 'Evaluating…' : 'Evaluate now'}
          </Button>
        </div>
        {offer && !offer.offered && <Text size={200}>{offer.why}</Text>}
        {assigning && (
          <AssignPolicyDialog
            subscriptionId={subscriptionId}
            subscriptionName={name}
            microsoftManagedBots={microsoft}
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
});

/** Where Azure's built-in CMK policy for bots is assigned, how the bots fare under it, and a one-click assignment. */
export const PolicySection = memo(function PolicySection({
  policy,
  rows,
  subscriptionName,
}: {
  policy: CmkPolicy;
  rows: CmkRow[];
  subscriptionName(id: string): string;
}) {
  const styles = useStyles();
  const counted = useMemo(() => tallies(rows, policy.compliance), [rows, policy.compliance]);
  return (
    <section className={styles.section} aria-labelledby="cmk-policy-title">
      <h2 id="cmk-policy-title" className={styles.title}>
        Azure Policy
      </h2>
      <Text>
        “{cmkPolicy.displayName}” (built in): where it is assigned over the bots’ subscriptions, and each
        bot’s latest compliance as Azure Policy evaluated it. The policy checks only that customer-managed
        keys are on: a compliant bot can still be at risk (the Risk column says why).
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
          {[...policy.subscriptions]
            .sort((a, b) => subscriptionName(a).localeCompare(subscriptionName(b)))
            .map((sub) => (
              <PolicyRow
                key={sub}
                subscriptionId={sub}
                name={subscriptionName(sub)}
                policy={policy.bySubscription.get(sub)}
                {...(counted.get(sub) ?? none)}
              />
            ))}
        </TableBody>
      </Table>
    </section>
  );
});
