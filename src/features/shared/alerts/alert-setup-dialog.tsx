import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionGroupResource } from '../../../arm/types/alerts';
import { planKeyAlerts, type KeyAlertPlan, type KeyAlertTarget } from '../../../domain/alerts/plan';
import { alertPlanAsBicep, alertPlanAsCli } from '../../../domain/as-code/alerts-as-code';
import { LockedWhile } from '../../../portal/form/locked-while';
import { resourceHash } from '../../../portal/navigation/routes';
import { RouterLink } from '../../../portal/navigation/router-link';
import { AsCodeView } from '../as-code-view';
import { roleNeeded } from '../../../domain/alerts/refusal-words';
import { ActionGroupFields, useActionGroupChoice } from './action-group-fields';
import { PlanTable } from './plan-table';
import { useAlertSetup } from './use-alert-setup';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '100%' },
  // Flex items would shrink below their text in the scrolling content: they keep their height.
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    '& > *': { flexShrink: 0 },
  },
});

/**
 * "Alert me if Azure Bot Service cannot use this key": choose who is told, see every resource that will be made with
 * its scope, the cost and preview notes, and the same as code; then create them one by one, retrying from a failure.
 */
export function AlertSetupDialog({
  target,
  actionGroups,
  defaultEmail,
  onClose,
}: {
  target: KeyAlertTarget;
  actionGroups: ActionGroupResource[];
  defaultEmail: string;
  onClose(): void;
}) {
  const s = useStyles();
  const group = useActionGroupChoice(actionGroups, defaultEmail);
  const [watchBot, setWatchBot] = useState(false);
  const [tried, setTried] = useState(false);
  const setup = useAlertSetup(target.bot?.id ?? target.vault.id);
  const invalid = group.invalid;
  const choice = group.choice;
  const [sent, setSent] = useState<KeyAlertPlan>();
  // Once sent, the plan stays as it was: what Azure then holds (a topic just made) must not rewrite its rows.
  const plan = sent ?? planKeyAlerts(target, { actionGroup: choice, watchBot });
  const started = setup.steps !== undefined;
  const create = () => {
    setTried(true);
    if (invalid) return;
    setSent(plan);
    void setup.run(plan);
  };
  const failed = setup.failedAt !== undefined ? plan.resources[setup.failedAt] : undefined;
  const failure = setup.failedAt !== undefined ? setup.steps?.[setup.failedAt] : undefined;
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !setup.running && onClose()}>
      <DialogSurface className={s.surface} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Alert me if Azure Bot Service cannot use this key</DialogTitle>
          <DialogContent className={s.content}>
            <LockedWhile locked={started}>
              <ActionGroupFields state={group} showErrors={tried} />
              {target.bot && (
                <Checkbox
                  checked={watchBot}
                  onChange={(_, d) => setWatchBot(d.checked === true)}
                  label="Also alert when the bot itself is changed (its encryption settings included)"
                />
              )}
            </LockedWhile>
            {plan.missing && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>No failure alert without the audit log</MessageBarTitle>
                  {plan.missing}{' '}
                  <RouterLink href={resourceHash(target.vault.id, 'diagnosticsettings')} onNavigate={onClose}>
                    Send the vault’s audit log to a workspace
                  </RouterLink>
                </MessageBarBody>
              </MessageBar>
            )}
            {plan.unwatched && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Not every role is watched</MessageBarTitle>
                  {plan.unwatched}
                </MessageBarBody>
              </MessageBar>
            )}
            <PlanTable plan={plan} steps={setup.steps} />
            <Text>
              Your account needs{' '}
              {[
                ...new Set(
                  plan.resources
                    .filter((r) => !r.reused)
                    .map((r) => roleNeeded(r))
                    .map((n) => `${n.role} on ${n.scope}`),
                ),
              ].join(' and ')}
              .
            </Text>
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Cost and what Azure does not promise</MessageBarTitle>A log search alert rule
                is billed per rule; this one is shared by every bot whose key is in {target.vault.name}.
                Near-expiry warnings go to Azure Monitor alerts, a destination Event Grid offers for Key Vault
                events in preview. Key Vault raises them only for key versions created after the subscription
                exists, so Keyguard’s own expiry checks stay.
              </MessageBarBody>
            </MessageBar>
            {failure?.state === 'failed' && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{failure.title}</MessageBarTitle>
                  {failure.message}
                </MessageBarBody>
              </MessageBar>
            )}
            {setup.finished && (
              <MessageBar intent="success">
                <MessageBarBody>
                  <MessageBarTitle>Alerts set up</MessageBarTitle>
                  {plan.missing ? 'All but the failure alert, which needs the vault’s audit log first. ' : ''}
                  Azure Monitor now runs them; Keyguard runs nothing in the background.
                </MessageBarBody>
              </MessageBar>
            )}
            <AsCodeView
              title="The same, as code"
              headingLevel={3}
              code={{ cli: alertPlanAsCli(plan), bicep: alertPlanAsBicep(plan) }}
            />
          </DialogContent>
          <DialogActions>
            {!setup.finished && (
              <Button appearance="primary" onClick={create} disabled={setup.running}>
                {failed ? `Retry from ${failed.title.toLowerCase()}` : setup.running ? 'Creating…' : 'Create'}
              </Button>
            )}
            <Button onClick={onClose} disabled={setup.running}>
              {setup.finished ? 'Close' : 'Cancel'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
