import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../../mocks/scenarios';
import { contosoVaultId, contosoWorkspaceId } from '../../../mocks/scenarios/contoso';
import { dialogButton, findDialog } from '../../../testing/dialogs';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import DiagnosticSettingsBlade from '../diagnostic-settings-blade';

const settings = () => [...testTwin.managed.twin.world.diagnosticSettings.values()];

async function open(scenario: ScenarioName, before?: () => void) {
  resetTwin(scenario);
  before?.();
  renderWithProviders(<DiagnosticSettingsBlade />, {
    blade: bladeContext(contosoVaultId, 'diagnosticsettings', 'Diagnostic settings', 'Key vault'),
  });
}

/** Opens Add diagnostic setting and fills it in: the name, AuditEvent, and the Contoso Security workspace. */
async function addSetting(name: string) {
  await userEvent.click(await screen.findByRole('button', { name: 'Add diagnostic setting' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add diagnostic setting' });
  await userEvent.type(within(dialog).getByRole('textbox', { name: /Diagnostic setting name/ }), name);
  await userEvent.click(within(dialog).getByRole('checkbox', { name: 'AuditEvent' }));
  await userEvent.click(within(dialog).getByRole('combobox', { name: /Log Analytics workspace/ }));
  await userEvent.click(await screen.findByRole('option', { name: /^log-contoso-security/ }));
  return dialog;
}

describe('Key vault | Diagnostic settings', () => {
  it('lists where the logs go and warns when nothing keeps the audit log', async () => {
    await open('encrypted');
    const table = await screen.findByRole('table', { name: 'Diagnostic settings' });
    expect(table).toHaveTextContent(
      /audit-to-log-analytics.*AuditEvent, AllMetrics.*Log Analytics workspace log-contoso-security/,
    );
    await open('fresh');
    expect(await screen.findByText(/No setting keeps the AuditEvent log/)).toBeInTheDocument();
  });

  it('adds a setting: says what is missing, shows the code, then saves', async () => {
    await open('fresh');
    await userEvent.click(await screen.findByRole('button', { name: 'Add diagnostic setting' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add diagnostic setting' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Enter a name for the setting.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose at least one log category or metrics.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose the Log Analytics workspace to send to.')).toBeInTheDocument();
    expect(settings()).toEqual([]);
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Diagnostic setting name/ }), 'audit');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'AuditEvent' }));
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Log Analytics workspace/ }));
    await userEvent.click(await screen.findByRole('option', { name: /^log-contoso-security/ }));
    expect(within(dialog).getByLabelText('This setting, as code: Azure CLI')).toHaveTextContent(
      '--name audit',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(settings().map((s) => s.name)).toEqual(['audit']));
    expect(settings()[0]!.properties).toMatchObject({
      workspaceId: contosoWorkspaceId,
      logAnalyticsDestinationType: 'Dedicated',
      logs: [{ category: 'AuditEvent', enabled: true }],
    });
  });

  it('the fields are locked while the setting is being saved: nothing chosen then is dropped unsaid', async () => {
    await open('fresh');
    const dialog = await addSetting('audit');
    const held = control.armFault({ kind: 'hold', method: 'PUT', pathIncludes: 'diagnosticSettings/audit' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('button', { name: 'Saving…' })).toBeDisabled();
    expect(within(dialog).getByRole('checkbox', { name: 'AllMetrics' })).toBeDisabled();
    expect(within(dialog).getByRole('combobox', { name: /Log Analytics workspace/ })).toBeDisabled();
    expect(settings().map((s) => s.name)).toEqual(['audit']);
    control.releaseFault(held.id);
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it('keeps what the admin chose when Azure refuses, and changes nothing', async () => {
    await open('encrypted');
    const dialog = await addSetting('second');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(/already used in diagnostic setting 'audit-to-log-analytics'/),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /Diagnostic setting name/ })).toHaveValue('second');
    expect(settings().map((s) => s.name)).toEqual(['audit-to-log-analytics']);
  });

  it('editing keeps destinations the editor does not show', async () => {
    await open('encrypted', () => {
      const s = settings()[0]!;
      testTwin.managed.twin.world.diagnosticSettings.set(
        `${s.resourceId}/providers/microsoft.insights/diagnosticSettings/${s.name}`,
        {
          ...s,
          properties: {
            ...s.properties,
            storageAccountId:
              '/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/archive',
          },
        },
      );
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit audit-to-log-analytics' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit diagnostic setting audit-to-log-analytics',
    });
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'AllMetrics' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(settings()[0]!.properties.metrics).toEqual([]));
    expect(settings()[0]!.properties.storageAccountId).toMatch(/archive$/);
  });

  it('deletes after a confirmation', async () => {
    await open('encrypted');
    await userEvent.click(await screen.findByRole('button', { name: 'Delete audit-to-log-analytics' }));
    await userEvent.click(
      dialogButton(await findDialog(/Delete diagnostic setting audit-to-log-analytics/), 'Delete'),
    );
    await waitFor(() => expect(settings()).toEqual([]));
  });

  it('a 403 on the settings says so', async () => {
    await open('encrypted', () =>
      control.armFault({ kind: 'error403', method: 'GET', pathIncludes: 'diagnosticSettings?', count: 1 }),
    );
    expect(await screen.findByText('The diagnostic settings could not be read')).toBeInTheDocument();
  });
});
