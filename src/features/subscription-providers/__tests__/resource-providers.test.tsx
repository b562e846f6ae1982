import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contoso } from '../../../mocks/scenarios/contoso';
import { findToast } from '../../../testing/toasts';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { settleProvider } from '../../../mocks/rules/providers';
import { control, testTwin } from '../../../testing/twin';
import ResourceProvidersBlade from '../resource-providers-blade';

const subId = `/subscriptions/${contoso.keysSub}`;
const state = (ns: string) =>
  settleProvider(testTwin.managed.twin.world.provider(contoso.keysSub, ns), control.now()).state;

function open() {
  return renderWithProviders(<ResourceProvidersBlade />, {
    blade: bladeContext(subId, 'resourceproviders', 'Resource providers', 'Subscription'),
  });
}

describe('Subscription | Resource providers', () => {
  it('lists providers with status, filters, and explains the Bot Service need', async () => {
    open();
    expect(
      await screen.findByText(
        /Microsoft.BotService must be registered on the subscription that holds the key vault/,
      ),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Resource providers' });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(10);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'botservice');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('NotRegistered')).toBeInTheDocument();
  });

  it('registers Microsoft.BotService: Registering, then Registered by itself, with a notification', async () => {
    open();
    await userEvent.click(await screen.findByRole('radio', { name: 'Select Microsoft.BotService' }));
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    const table = screen.getByRole('table', { name: 'Resource providers' });
    await waitFor(() =>
      expect(
        within(within(table).getByRole('row', { name: /\bMicrosoft\.BotService\b/ })).getByText('Registered'),
      ).toBeInTheDocument(),
    );
    expect(await findToast('Registered Microsoft.BotService')).toBeInTheDocument();
    expect(state('Microsoft.BotService')).toBe('Registered');
    expect(screen.getByRole('button', { name: 'Register' })).toBeDisabled();
  });

  it('shows Azure’s refusal to unregister a provider that still has resources', async () => {
    open();
    await userEvent.click(await screen.findByRole('radio', { name: 'Select Microsoft.KeyVault' }));
    await userEvent.click(screen.getByRole('button', { name: 'Unregister' }));
    expect(await findToast('Could not unregister Microsoft.KeyVault')).toBeInTheDocument();
    expect(await findToast(/still has resources of this provider/)).toBeInTheDocument();
    expect(state('Microsoft.KeyVault')).toBe('Registered');
  });
});
