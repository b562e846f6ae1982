import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contosoBotId } from '../../../mocks/scenarios/contoso';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { resetTwin } from '../../../testing/twin';
import BotOverviewBlade from '../bot-overview-blade';

function open() {
  return renderWithProviders(<BotOverviewBlade />, {
    blade: bladeContext(contosoBotId, 'overview', 'Overview'),
  });
}

describe('Bot | Overview message test', () => {
  it('the bot answers while its key is reachable', async () => {
    resetTwin('encrypted');
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Contoso Support Bot received: Hello')).toBeInTheDocument();
  });

  it('the bot fails, and the overview says why, when its key is out of reach', async () => {
    resetTwin('revoked');
    open();
    // The banner rests on the key's readiness (the access policy is gone), not on a provisioning state.
    const banner = await screen.findByRole('group', { name: 'The bot cannot use its encryption key' });
    expect(banner).toHaveTextContent('The vault has no access policy for Bot Service CMEK Prod');
    expect(screen.getAllByText('Not readable', { selector: 'dd' })).toHaveLength(2);
    await userEvent.click(await screen.findByRole('button', { name: 'Send' }));
    const failure = await screen.findByRole('group', { name: 'The bot did not answer' });
    expect(failure).toHaveTextContent(/customer-managed key that Azure Bot Service cannot use/);
    expect(screen.getByRole('link', { name: 'Check the bot’s encryption key' })).toBeInTheDocument();
  });
});
