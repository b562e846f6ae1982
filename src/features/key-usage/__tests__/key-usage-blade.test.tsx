import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../../mocks/scenarios';
import { contosoVaultId } from '../../../mocks/scenarios/contoso';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import KeyUsageBlade from '../key-usage-blade';

async function open(scenario: ScenarioName, query: Record<string, string> = {}, before?: () => void) {
  resetTwin(scenario);
  before?.();
  renderWithProviders(<KeyUsageBlade />, {
    blade: bladeContext(contosoVaultId, 'keyusage', 'Key usage', 'Key vault', query),
  });
}

describe('Key vault | Key usage', () => {
  it('revoked: the unwraps fail since the access policy went, per day and per reason', async () => {
    await open('revoked', { key: 'bot-cmk-key' });
    const failures = await screen.findByRole('table', { name: 'Why calls failed' });
    expect(failures).toHaveTextContent(
      /no access policy or role gives Bot Service CMEK Prod this permission.*403 Forbidden.*48.*20\.42\.73\.18/,
    );
    expect(screen.getByRole('status')).toHaveTextContent(/successful and 48 failed calls/);
    const days = screen.getByRole('table', { name: 'Calls per day' });
    // The policy went two days ago; the test clock stands at 09:00 UTC, so today's nine hourly unwraps all failed.
    const today = within(days)
      .getAllByRole('cell')
      .slice(0, 3)
      .map((c) => c.textContent);
    expect(today.slice(1)).toEqual(['0', '9']);
  });

  it('encrypted: both versions were used around the rotation, the old one no longer', async () => {
    await open('encrypted', { key: 'bot-cmk-key' });
    const versions = await screen.findByRole('table', { name: 'Calls per key version' });
    expect(within(versions).getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByRole('table', { name: 'Why calls failed' })).not.toBeInTheDocument();
  });

  it('no audit log kept: says so and offers to send it to a workspace', async () => {
    await open('ready');
    expect(await screen.findByText('No audit log to read')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send the audit log to a workspace…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keep the audit log of kv-contoso-cmk' });
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Log Analytics workspace/ }));
    await userEvent.click(await screen.findByRole('option', { name: /^log-contoso-security/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send the audit log' }));
    await waitFor(() => expect(testTwin.managed.twin.world.diagnosticSettings.size).toBe(1));
    // The workspace has no Key Vault table until the first call's log arrives: Log Analytics refuses the union with a
    // 400, which is no audit data yet, not an error.
    expect(await screen.findByText('No audit data yet')).toBeInTheDocument();
    expect(
      screen.getByText(/logs arrive within about ten minutes of the\s+first key call/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Copy details/ })).not.toBeInTheDocument();
  });

  describe('faults', () => {
    it('a workspace list that fails says so in the dialog, with a retry; nothing is saved', async () => {
      await open('ready', {}, () =>
        control.armFault({
          kind: 'error500',
          method: 'POST',
          pathIncludes: 'Microsoft.ResourceGraph',
          count: 4,
        }),
      );
      expect(await screen.findByText('No audit log to read')).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Send the audit log to a workspace…' }));
      const dialog = await screen.findByRole('dialog', { name: 'Keep the audit log of kv-contoso-cmk' });
      expect(await within(dialog).findByText('The workspaces could not be listed')).toBeInTheDocument();
      expect(within(dialog).getByRole('button', { name: 'Send the audit log' })).toBeDisabled();
      await userEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
      await userEvent.click(within(dialog).getByRole('combobox', { name: /Log Analytics workspace/ }));
      expect(await screen.findByRole('option', { name: /^log-contoso-security/ })).toBeInTheDocument();
      expect(testTwin.managed.twin.world.diagnosticSettings.size).toBe(0);
    });

    it('a 403 on the workspace says so', async () => {
      await open('revoked', {}, () =>
        control.armFault({
          kind: 'error403',
          method: 'GET',
          pathIncludes: 'workspaces/log-contoso-security',
          count: 1,
        }),
      );
      expect(
        await screen.findByText('The Log Analytics workspace that keeps the audit log could not be read'),
      ).toBeInTheDocument();
    });

    it('a workspace that refuses the query (403) says what access is needed', async () => {
      await open('revoked', {}, () =>
        control.armFault({ kind: 'error403', method: 'POST', pathIncludes: '/query', count: 1 }),
      );
      expect(await screen.findByText(/The workspace refused the key usage query/)).toBeInTheDocument();
      expect(screen.getByText(/InsufficientAccessError/)).toBeInTheDocument();
    });

    it('when the browser cannot reach Log Analytics, it offers the query to run in the portal', async () => {
      await open('revoked', {}, () =>
        control.armFault({ kind: 'drop', method: 'POST', pathIncludes: '/query', count: 4 }),
      );
      expect(await screen.findByText('The browser could not reach Log Analytics')).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Show the query (KQL)' }));
      expect(screen.getByRole('region', { name: 'Key usage query' })).toHaveTextContent('union isfuzzy=true');
    });

    it('a 5xx on the diagnostic settings says where the log goes is not known, with a retry', async () => {
      await open('revoked', {}, () =>
        control.armFault({ kind: 'error500', method: 'GET', pathIncludes: 'diagnosticSettings?', count: 4 }),
      );
      expect(
        await screen.findByText(/The vault’s diagnostic settings could not be read/),
      ).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText(/successful and 48 failed calls/)).toBeInTheDocument();
    });
  });

  it('key usage over time: a stacked chart whose table view gives each day’s calls by outcome and why they failed', async () => {
    await open('revoked', { key: 'bot-cmk-key' });
    const chart = await screen.findByRole('region', { name: 'Key usage over time' });
    await userEvent.click(within(chart).getByRole('switch', { name: 'Show as table' }));
    const table = within(chart).getByRole('table', { name: 'Key usage over time, per day' });
    const rows = within(table).getAllByRole('row').slice(1);
    // Oldest first, as the chart reads; today is the last day, its unwraps all refused.
    expect(rows.at(-1)).toHaveTextContent(
      /^\d{4}-\d{2}-\d{2}0090Refused: no access policy or role gives Bot Service CMEK Prod/,
    );
    expect(rows[0]).toHaveTextContent(/—$/);
  });
});
