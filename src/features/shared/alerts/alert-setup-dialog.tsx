import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionGroupResource } from '../../../arm/types/alerts';
import {
  emailProblem,
  planKeyAlerts,
  shortNameProblem,
  type ActionGroupChoice,
  type KeyAlertPlan,
  type KeyAlertTarget,
} from '../../../domain/alerts/plan';
import { alertPlanAsBicep, alertPlanAsCli } from '../../../domain/as-code/alerts-as-code';
import { LockedWhile } from '../../../portal/form/locked-while';
import { resourceHash } from '../../../portal/navigation/routes';
import { RouterLink } from '../../../portal/navigation/router-link';
import { AsCodeView } from '../as-code-view';
import { roleNeeded } from '../../../domain/alerts/refusal-words';
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
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const newGroup = 'new';
const namePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/;

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
  const enabledGroups = actionGroups.filter((g) => g.properties.enabled);
  const [groupId, setGroupId] = useState(enabledGroups[0]?.id ?? newGroup);
  const [name, setName] = useState('keyguard-bot-keys');
  const [shortName, setShortName] = useState('BotKeys');
  const [email, setEmail] = useState(/@/.test(defaultEmail) ? defaultEmail : '');
  const [watchBot, setWatchBot] = useState(false);
  const [tried, setTried] = useState(false);
  const setup = useAlertSetup(target.bot.id);
  const creatingGroup = groupId === newGroup;
  const errors = creatingGroup
    ? {
        name: namePattern.test(name)
          ? undefined
          : 'Use 1 to 60 letters, digits, dots, hyphens and underscores.',
        shortName: shortNameProblem(shortName),
        email: emailProblem(email),
      }
    : {};
  const invalid = Object.values(errors).some(Boolean);
  const chosen = actionGroups.find((g) => g.id === groupId);
  const choice: ActionGroupChoice = chosen
    ? { kind: 'existing', id: chosen.id, name: chosen.name }
    : { kind: 'new', name, shortName, email };
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
              <Field label="Who is told (action group)">
                <Dropdown
                  value={chosen ? chosen.name : 'A new action group that e-mails one address'}
                  selectedOptions={[groupId]}
                  onOptionSelect={(_, d) => d.optionValue && setGroupId(d.optionValue)}
                >
                  {enabledGroups.map((g) => (
                    <Option key={g.id} value={g.id} text={g.name}>
                      {`${g.name} (${g.properties.groupShortName})`}
                    </Option>
                  ))}
                  <Option value={newGroup}>A new action group that e-mails one address</Option>
                </Dropdown>
              </Field>
              {creatingGroup && (
                <div className={s.row}>
                  <Field
                    label="Action group name"
                    required
                    validationMessage={tried ? errors.name : undefined}
                  >
                    <Input value={name} onChange={(_, d) => setName(d.value)} />
                  </Field>
                  <Field
                    label="Short name"
                    required
                    hint="At most 12 characters: SMS and e-mail subjects show it."
                    validationMessage={tried ? errors.shortName : undefined}
                  >
                    <Input value={shortName} onChange={(_, d) => setShortName(d.value)} />
                  </Field>
                  <Field label="E-mail address" required validationMessage={tried ? errors.email : undefined}>
                    <Input type="email" value={email} onChange={(_, d) => setEmail(d.value)} />
                  </Field>
                </div>
              )}
              <Checkbox
                checked={watchBot}
                onChange={(_, d) => setWatchBot(d.checked === true)}
                label="Also alert when the bot itself is changed (its encryption settings included)"
              />
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
