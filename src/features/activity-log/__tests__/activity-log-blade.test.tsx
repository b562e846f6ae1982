import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../../mocks/scenarios';
import { contoso, contosoBotId, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { control, resetTwin } from '../../../testing/twin';
import ActivityLogBlade from '../activity-log-blade';
import { vaultsUpdate } from '../../../arm/operations/vaults';
import { assumptions } from '../../../mocks/store/assumptions';

const logDelay = assumptions.history.activityLogDelayMs;

async function open(
  scenario: ScenarioName,
  resourceId: string,
  query: Record<string, string> = {},
  before?: () => void,
) {
  resetTwin(scenario);
  before?.();
  const type = resourceId.includes('KeyVault')
    ? 'Key vault'
    : resourceId.includes('BotService')
      ? 'Azure Bot'
      : 'Subscription';
  renderWithProviders(<ActivityLogBlade />, {
    blade: bladeContext(resourceId, 'activitylog', 'Activity log', type, query),
  });
}

const table = () => screen.findByRole('table', { name: 'Activity log' });
const chooseSpan = async (label: string) => {
  await userEvent.click(screen.getByRole('combobox', { name: 'Timespan' }));
  await userEvent.click(await screen.findByRole('option', { name: label }));
};

describe('Activity log', () => {
  it('lists a bot’s operations over 30 days, one row per operation, with who made it', async () => {
    await open('encrypted', contosoBotId);
    await chooseSpan('Last 30 days');
    const t = await table();
    await waitFor(() => expect(within(t).getAllByRole('row')).toHaveLength(3));
    const [, jordan, avery] = within(t).getAllByRole('row');
    expect(jordan).toHaveTextContent(
      /Create or update bot.*Succeeded.*6 days ago.*jordan@contoso\.onmicrosoft\.com/,
    );
    expect(avery).toHaveTextContent(
      /Create or update bot.*Succeeded.*11 days ago.*avery@contoso\.onmicrosoft\.com/,
    );
    expect(screen.getByRole('status')).toHaveTextContent(/2 of 2 operations \(4 events\)/);
  });

  it('shows an operation’s details, its property diff and its JSON', async () => {
    await open('encrypted', contosoBotId);
    await chooseSpan('Last 30 days');
    const t = await table();
    await userEvent.click(
      await within(t)
        .findByRole('button', { name: 'Create or update bot', pressed: false }, { timeout: 5000 })
        .catch(() => within(t).getAllByRole('button')[0]!),
    );
    const details = await screen.findByRole('region', { name: 'Create or update bot' });
    expect(within(details).getByText('jordan@contoso.onmicrosoft.com')).toBeInTheDocument();
    await userEvent.click(within(details).getByRole('tab', { name: 'Change history' }));
    const diff = await within(details).findByRole('table', { name: 'Properties this operation changed' });
    expect(diff).toHaveTextContent('properties.cmekKeyVaultUrl');
    expect(diff).toHaveTextContent(/bot-cmk-key\/[0-9a-f]{32}.*bot-cmk-key\/[0-9a-f]{32}/);
    await userEvent.click(within(details).getByRole('tab', { name: 'JSON' }));
    expect(within(details).getByRole('region', { name: 'The events’ JSON' })).toHaveTextContent(
      '"caller": "jordan@contoso.onmicrosoft.com"',
    );
  });

  it('filters by status and operation, and keeps a vault’s access-policy and diagnostic-setting changes', async () => {
    await open('revoked', contosoVaultId);
    await chooseSpan('Last 30 days');
    const t = await table();
    await waitFor(() => expect(within(t).getAllByRole('row').length).toBeGreaterThan(2));
    expect(t).toHaveTextContent('Update key vault access policies');
    expect(t).toHaveTextContent('Create or update diagnostic setting');
    await userEvent.click(screen.getByRole('combobox', { name: 'Operation' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Update key vault access policies' }));
    expect(within(t).getAllByRole('row')).toHaveLength(2);
    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Failed' }));
    expect(within(t).getAllByRole('row')).toHaveLength(1);
  });

  it('opens one operation from its deep link, found by its correlation id', async () => {
    resetTwin('encrypted');
    const corr = control.otherAdmin('PATCH', `${contosoVaultId}?api-version=2025-05-01`, {
      tags: { reviewed: 'yes' },
    });
    expect(corr.status).toBe(200);
    control.advance(logDelay);
    const { world } = await import('../../../mocks/__tests__/helpers');
    const event = [...world().activityEvents.values()].find(
      (e) =>
        e.event.operationName?.value === 'Microsoft.KeyVault/vaults/write' &&
        e.event.caller?.startsWith('jordan'),
    )!;
    renderWithProviders(<ActivityLogBlade />, {
      blade: bladeContext(contosoVaultId, 'activitylog', 'Activity log', 'Key vault', {
        event: event.event.correlationId!,
      }),
    });
    expect(await screen.findByText(/Showing the operation with correlation id/)).toBeInTheDocument();
    const details = await screen.findByRole('region', { name: 'Update key vault' });
    expect(details).toHaveTextContent('jordan@contoso.onmicrosoft.com');
  });

  it('a change the admin just made says it is not there yet, until Azure has recorded it', async () => {
    await open('encrypted', contosoVaultId);
    const t = await table();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/operations/));
    await vaultsUpdate(contosoVaultId, { tags: { reviewed: 'yes' } });
    const notYet = await screen.findByRole('group', { name: 'Your change is not here yet' });
    expect(notYet).toHaveTextContent(/a few minutes after it runs/);
    expect(t).not.toHaveTextContent('Update key vault');
    // Minutes later on Azure's clock, the log has it, and the note goes.
    control.advance(logDelay);
    await userEvent.click(within(notYet).getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(t).toHaveTextContent('Update key vault'));
    expect(screen.queryByRole('group', { name: 'Your change is not here yet' })).not.toBeInTheDocument();
  });

  it('a custom range that is wrong says why and asks nothing of Azure', async () => {
    await open('encrypted', contosoBotId);
    await table();
    await chooseSpan('Custom');
    const start = screen.getByLabelText('Start');
    await userEvent.clear(start);
    await userEvent.type(start, '2020-01-01T00:00');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText(/The Activity log keeps 90 days/)).toBeInTheDocument();
    expect(start).toHaveValue('2020-01-01T00:00');
  });

  describe('faults', () => {
    it('retries a 429 by itself', async () => {
      await open('encrypted', contosoBotId, {}, () =>
        control.armFault({
          kind: 'throttle',
          method: 'GET',
          pathIncludes: 'eventtypes',
          retryAfterSeconds: 1,
        }),
      );
      await chooseSpan('Last 30 days');
      const t = await table();
      await waitFor(() => expect(within(t).getAllByRole('row')).toHaveLength(3));
    });

    it('a 500 says so, offers a retry, and the rest of the blade works', async () => {
      await open('encrypted', contosoBotId, {}, () =>
        // Four attempts: a read is tried again three times before the error is shown.
        control.armFault({ kind: 'error500', method: 'GET', pathIncludes: 'eventtypes', count: 4 }),
      );
      expect(await screen.findByText('The Activity log could not be read')).toBeInTheDocument();
      await chooseSpan('Last 30 days');
      const t = await table();
      await waitFor(() => expect(within(t).getAllByRole('row')).toHaveLength(3));
    });

    it('a page that fails keeps the events already read and offers to try again', async () => {
      resetTwin('encrypted');
      for (let i = 0; i < 30; i++)
        control.otherAdmin('PATCH', `${contosoVaultId}?api-version=2025-05-01`, { tags: { n: String(i) } });
      control.advance(logDelay);
      control.armFault({ kind: 'error503', method: 'GET', pathIncludes: 'skiptoken', count: 4 });
      renderWithProviders(<ActivityLogBlade />, {
        blade: bladeContext(
          `/subscriptions/${contoso.keysSub}`,
          'activitylog',
          'Activity log',
          'Subscription',
        ),
      });
      const t = await table();
      await waitFor(() => expect(within(t).getAllByRole('row').length).toBeGreaterThan(20));
      await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
      expect(
        await screen.findByText('More events could not be read; the ones shown are kept'),
      ).toBeInTheDocument();
      expect(within(t).getAllByRole('row').length).toBeGreaterThan(20);
      await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/\(60 events\)/));
    });

    it('a 403 on the Activity log says what is missing', async () => {
      await open('encrypted', contosoBotId, {}, () =>
        control.armFault({ kind: 'error403', method: 'GET', pathIncludes: 'eventtypes', count: 1 }),
      );
      expect(await screen.findByText('The Activity log could not be read')).toBeInTheDocument();
      expect(screen.getByText(/AuthorizationFailed/)).toBeInTheDocument();
    });
  });

  it('an empty range says which range it looked at and offers the next wider one, up to the 90 days Azure keeps', async () => {
    await open('encrypted', contosoBotId);
    const empty = await screen.findByText(/^No operation was recorded from /);
    expect(empty).toHaveTextContent(/to now\.$/);
    await userEvent.click(screen.getByRole('button', { name: 'Look at the last 7 days' }));
    await waitFor(() =>
      expect(screen.queryByText(/^No operation was recorded from /)).not.toBeInTheDocument(),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(/^[1-9]\d* of [1-9]\d* operations/);
  });
});
