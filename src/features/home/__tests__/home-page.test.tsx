import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contoso } from '../../../mocks/scenarios/contoso';
import { setHiddenSubscriptions } from '../../../auth/subscription-filter';
import { recordRequests } from '../../../testing/requests';
import { renderWithProviders } from '../../../testing/render';
import { control, resetTwin } from '../../../testing/twin';
import { HomePage } from '../home-page';

const graphPath = '/providers/Microsoft.ResourceGraph/resources';
const isList = (url: URL) => /^\/subscriptions\/[^/]+\/resources$/i.test(url.pathname);

describe('Home | All resources', () => {
  it('reads every bot and vault of the selected subscriptions in one Resource Graph query', async () => {
    resetTwin('fresh');
    const seen = recordRequests();
    renderWithProviders(<HomePage />);
    expect(await screen.findByText('Showing 10 of 10 records.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'All resources' });
    expect(within(table).getByRole('link', { name: 'contoso-support-bot' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'kv-contoso-cmk' })).toBeInTheDocument();
    const queries = seen.filter((r) => r.url.pathname === graphPath);
    expect(queries).toHaveLength(1);
    // Nothing unticked: the query covers the tenant, without waiting for the subscription list.
    expect(queries[0]!.body).not.toHaveProperty('subscriptions');
    expect(seen.filter((r) => isList(r.url))).toHaveLength(0);
  });

  it('asks only for the subscriptions left ticked, and shows nothing of the others', async () => {
    resetTwin('fresh');
    setHiddenSubscriptions([contoso.botsSub]);
    try {
      const seen = recordRequests();
      renderWithProviders(<HomePage />);
      const table = screen.getByRole('table', { name: 'All resources' });
      expect(await within(table).findByRole('link', { name: 'kv-contoso-cmk' })).toBeInTheDocument();
      expect(within(table).queryByRole('link', { name: 'contoso-support-bot' })).not.toBeInTheDocument();
      const query = seen.find((r) => r.url.pathname === graphPath)!.body as { subscriptions: string[] };
      expect(query.subscriptions).not.toContain(contoso.botsSub);
      expect(query.subscriptions).toContain(contoso.keysSub);
    } finally {
      setHiddenSubscriptions([]);
    }
  });

  it('lists each subscription instead when Resource Graph fails, and names the one whose list fails', async () => {
    resetTwin('fresh');
    // Every attempt (the ARM layer retries reads 3 times) at the query, then at one subscription's list.
    control.armFault({ kind: 'error500', method: 'POST', pathIncludes: graphPath, count: 4 });
    control.armFault({
      kind: 'error500',
      method: 'GET',
      pathIncludes: `${contoso.botsSub}/resources`,
      count: 4,
    });
    const seen = recordRequests();
    renderWithProviders(<HomePage />);
    const bar = await screen.findByRole('group', {
      name: /Resources of Contoso Bots \(Production\) could not be listed/,
    });
    const table = screen.getByRole('table', { name: 'All resources' });
    expect(await within(table).findByRole('link', { name: 'kv-contoso-cmk' })).toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: 'contoso-support-bot' })).not.toBeInTheDocument();
    expect(seen.filter((r) => isList(r.url)).length).toBeGreaterThanOrEqual(3);

    await userEvent.click(within(bar).getByRole('button', { name: 'Try again' }));
    expect(await within(table).findByRole('link', { name: 'contoso-support-bot' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /could not be listed/ })).not.toBeInTheDocument();
    expect(screen.getByText('Showing 10 of 10 records.')).toBeInTheDocument();
  });

  it('says Azure cannot be reached, once, without listing every subscription in vain; Try again recovers', async () => {
    resetTwin('fresh');
    // Every attempt at the query loses its connection.
    control.armFault({ kind: 'drop', method: 'POST', pathIncludes: graphPath, count: 4 });
    const seen = recordRequests();
    renderWithProviders(<HomePage />);
    const bar = await screen.findByRole('group', { name: 'Resources could not be listed' });
    expect(bar).toHaveTextContent('The connection to Azure dropped');
    expect(seen.filter((r) => isList(r.url))).toHaveLength(0);
    await userEvent.click(within(bar).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Showing 10 of 10 records.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /could not be listed/ })).not.toBeInTheDocument();
  });

  it('offers to read the subscriptions again when they could not be listed', async () => {
    resetTwin('fresh');
    control.armFault({ kind: 'error500', method: 'GET', pathPattern: '^/subscriptions\\?', count: 4 });
    renderWithProviders(<HomePage />);
    const bar = await screen.findByRole('group', { name: 'Subscriptions could not be listed' });
    await userEvent.click(within(bar).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Showing 10 of 10 records.')).toBeInTheDocument();
  });
});
