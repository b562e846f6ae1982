import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FaultInput } from '../../../../mocks/shared/faults';
import { contosoBotId, contosoVaultId } from '../../../../mocks/scenarios/contoso';
import { dialogButton, findDialog } from '../../../../testing/dialogs';
import { bladeContext, renderWithProviders } from '../../../../testing/render';
import { control, resetTwin, testTwin } from '../../../../testing/twin';
import { WhoIsTold } from '../who-is-told';

const world = () => testTwin.managed.twin.world;
const made = () => ({
  groups: [...world().actionGroups.values()].map((g) => g.name),
  rules: [...world().scheduledQueryRules.values()].map((r) => r.name),
  alerts: [...world().activityLogAlerts.values()].map((r) => r.name),
  topics: [...world().systemTopics.values()].map((r) => r.name),
  subscriptions: [...world().eventSubscriptions.values()].map((r) => r.name),
});
const title = 'Alert me if Azure Bot Service cannot use this key';

async function openDialog() {
  resetTwin('encrypted');
  renderWithProviders(<WhoIsTold botId={contosoBotId} vaultId={contosoVaultId} />, {
    blade: bladeContext(contosoBotId, 'encryption', 'Encryption'),
  });
  expect(await screen.findByText(/Not covered\. Azure tells nobody/)).toBeInTheDocument();
  const button = screen.getByRole('button', { name: title });
  await waitFor(() => expect(button).toBeEnabled());
  await userEvent.click(button);
  return findDialog(title);
}

// `hidden`: Tabster may mark the open dialog hidden under a loaded happy-dom (testing/dialogs.ts).
async function setShortName(dialog: HTMLElement, value: string) {
  const input = within(dialog).getByRole('textbox', { name: /Short name/, hidden: true });
  await userEvent.clear(input);
  await userEvent.type(input, value);
}

describe('Who is told when this bot’s key fails', () => {
  it('says nobody is, refuses a bad short name without sending anything, then sets up every alert and lists them', async () => {
    const dialog = await openDialog();
    expect(
      within(dialog).getByRole('table', { name: 'What will be created', hidden: true }),
    ).toHaveTextContent(
      /Log search alert rule.*Activity log alert rule \(vault\).*Event Grid system topic.*Event subscription/,
    );
    expect(dialog).toHaveTextContent(/billed per rule/);
    expect(dialog).toHaveTextContent(/in preview/);
    expect(dialog).toHaveTextContent(/only for key versions created after the subscription exists/);
    expect(within(dialog).getByLabelText('The same, as code: Azure CLI')).toHaveTextContent(
      'scheduledQueryRules/keyguard-cmk-kv-contoso-cmk',
    );
    await setShortName(dialog, 'KeyguardAlerts');
    await userEvent.click(dialogButton(dialog, 'Create'));
    expect(within(dialog).getByText('The short name can have at most 12 characters.')).toBeInTheDocument();
    expect(made().groups).toEqual([]);

    await setShortName(dialog, 'BotKeys');
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: /Also alert when the bot itself/, hidden: true }),
    );
    await userEvent.click(dialogButton(dialog, 'Create'));
    expect(await within(dialog).findByText('Alerts set up')).toBeInTheDocument();
    expect(made()).toEqual({
      groups: ['keyguard-bot-keys'],
      rules: ['keyguard-cmk-kv-contoso-cmk-log-contoso-security'],
      alerts: ['keyguard-cmk-vault-kv-contoso-cmk', 'keyguard-cmk-bot-contoso-support-bot'],
      topics: ['kv-contoso-cmk-events'],
      subscriptions: ['keyguard-key-expiry'],
    });
    await userEvent.click(dialogButton(dialog, 'Close'));
    const rules = await screen.findByRole('table', { name: 'Alert rules that cover it' });
    expect(rules).toHaveTextContent(/Log search alert.*Enabled.*keyguard-bot-keys/);
    expect(rules).toHaveTextContent(/The bot itself changes/);
    expect(screen.getByText(/^Covered\./)).toBeInTheDocument();
  });

  const ruleWrite = { method: 'PUT', pathIncludes: 'scheduledQueryRules/' } as const;
  it.each<[string, FaultInput]>([
    ['a 500', { ...ruleWrite, kind: 'error500', count: 1 }],
    ['a dropped connection', { ...ruleWrite, kind: 'drop', count: 1 }],
  ])(
    'with %s the run stops at that step, says so, keeps what was typed and retries from there',
    async (_, fault) => {
      const dialog = await openDialog();
      await setShortName(dialog, 'OnCall');
      control.armFault(fault);
      await userEvent.click(dialogButton(dialog, 'Create'));
      const retry = await within(dialog).findByRole('button', {
        name: 'Retry from log search alert rule',
        hidden: true,
      });
      expect(dialog).toHaveTextContent(/Retry sends the same request again, which is safe/);
      expect(within(dialog).queryByText('Alerts set up')).not.toBeInTheDocument();
      expect(made().groups).toEqual(['keyguard-bot-keys']);
      expect(made().rules).toEqual([]);
      expect(within(dialog).getByRole('textbox', { name: /Short name/, hidden: true })).toHaveValue('OnCall');
      await userEvent.click(retry);
      expect(await within(dialog).findByText('Alerts set up')).toBeInTheDocument();
      expect(made().rules).toHaveLength(1);
      expect(
        world().actionGroups.get([...world().actionGroups.values()][0]!.id)?.properties.groupShortName,
      ).toBe('OnCall');
    },
  );

  it('a throttled write is sent again when Azure says, with no failure shown', async () => {
    const dialog = await openDialog();
    control.armFault({
      kind: 'throttle',
      method: 'PUT',
      pathIncludes: 'activityLogAlerts/',
      retryAfterSeconds: 2,
    });
    await userEvent.click(dialogButton(dialog, 'Create'));
    expect(await within(dialog).findByText('Alerts set up')).toBeInTheDocument();
    expect(made().alerts).toEqual(['keyguard-cmk-vault-kv-contoso-cmk']);
  });

  it('while a write is slow the choices are locked and nothing claims success', async () => {
    const dialog = await openDialog();
    const held = control.armFault({
      kind: 'hold',
      method: 'PUT',
      pathIncludes: 'systemTopics/kv-contoso-cmk-events',
    });
    await userEvent.click(dialogButton(dialog, 'Create'));
    expect(await within(dialog).findByRole('button', { name: 'Creating…', hidden: true })).toBeDisabled();
    expect(within(dialog).getByRole('textbox', { name: /E-mail address/, hidden: true })).toBeDisabled();
    expect(within(dialog).queryByText('Alerts set up')).not.toBeInTheDocument();
    control.releaseFault(held.id);
    expect(await within(dialog).findByText('Alerts set up')).toBeInTheDocument();
  });

  it('Azure’s refusal is said in its words with the fix: a 403 names the role to ask for', async () => {
    const dialog = await openDialog();
    control.armFault({ kind: 'error403', method: 'PUT', pathIncludes: 'systemTopics/' });
    await userEvent.click(dialogButton(dialog, 'Create'));
    expect(
      await within(dialog).findByText(/needs the EventGrid Contributor role on resource group/),
    ).toBeInTheDocument();
    expect(made().topics).toEqual([]);
  });
});
