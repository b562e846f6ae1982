import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { resetTwin } from '../../../testing/twin';
import CmkPage from '../cmk-page';

describe('the Customer-managed keys page’s charts, as tables', () => {
  it('bots by posture: each posture a row whose button filters the table; the keys expiring within 90 days with their bots', async () => {
    resetTwin('fleet');
    window.location.hash = '#cmk';
    renderWithProviders(<CmkPage query={{}} />);
    await screen.findByText('Showing 12 of 12 bots.', undefined, { timeout: 8000 });
    const posture = await screen.findByRole('region', { name: 'Bots by posture' });
    await userEvent.click(within(posture).getByRole('switch', { name: 'Show as table' }));
    const table = within(posture).getByRole('table', { name: 'Bots by posture' });
    expect(table).toHaveTextContent(/At risk9/);
    expect(table).toHaveTextContent(/Microsoft-managed keys3/);
    await userEvent.click(
      within(within(table).getByRole('row', { name: /Microsoft-managed keys/ })).getByRole('button', {
        name: 'Show these bots',
      }),
    );
    await waitFor(() => expect(window.location.hash).toContain('view=microsoft'));

    const expiry = screen.getByRole('region', { name: 'Keys in use expiring in the next 90 days' });
    await userEvent.click(within(expiry).getByRole('switch', { name: 'Show as table' }));
    const keys = within(expiry).getByRole('table', { name: 'Keys in use expiring in the next 90 days' });
    expect(within(keys).getAllByRole('row')).toHaveLength(2);
    expect(keys).toHaveTextContent(/kv-finance-cmk\/finance-bots-key.*finance-expenses-bot/);
  });

  it('a period without calls says so in words, not with an empty drawing', async () => {
    resetTwin('encrypted');
    window.location.hash = '#cmk';
    renderWithProviders(<CmkPage query={{}} />);
    await screen.findByText(/^Showing \d+ of \d+ bots\.$/, undefined, { timeout: 8000 });
    const expiry = await screen.findByRole('region', { name: 'Keys in use expiring in the next 90 days' });
    expect(expiry).toHaveTextContent('No key version a bot uses expires in the next 90 days');
    expect(within(expiry).queryByRole('switch')).not.toBeInTheDocument();
  });
});
