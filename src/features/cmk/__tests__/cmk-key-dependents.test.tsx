import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { resetTwin } from '../../../testing/twin';
import CmkPage from '../cmk-page';

describe('the key dependents of the Customer-managed keys page', () => {
  it('encrypted: the key with its bot now, and the same bot on the old version until its week ends', async () => {
    resetTwin('encrypted');
    window.location.hash = '#cmk';
    renderWithProviders(<CmkPage query={{}} />);
    await screen.findByText('Showing 3 of 3 bots.', undefined, { timeout: 8000 });
    await userEvent.click(screen.getByRole('tab', { name: 'Key dependents' }));
    const table = await screen.findByRole('table', { name: 'Keys and the bots that depend on them' });
    const row = await within(table).findByRole('row', { name: /\bbot-cmk-key\b/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('kv-contoso-cmk');
    // Jordan rotated the key six days ago: two versions in use, the bot on the new one and, for a day more, the old.
    expect(cells[2]!.textContent.split(', ')).toHaveLength(2);
    expect(cells[3]).toHaveTextContent('1: contoso-support-bot');
    expect(cells[4]).toHaveTextContent(/^1: contoso-support-bot \(until /);
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Filter keys by vault, key or bot' }),
      'nothing-here',
    );
    await waitFor(() =>
      expect(within(table).queryByRole('link', { name: 'bot-cmk-key' })).not.toBeInTheDocument(),
    );
  });
});
