import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contosoBotId, contosoVaultId } from '../../mocks/scenarios/contoso';
import { renderWithProviders, testQueryClient, testSession } from '../../testing/render';
import { Providers } from '../app';
import { ResourcePage } from '../resource-page';
import { resourceTypes } from '../resource-types';

describe('resource menus lead somewhere real', () => {
  it('every entry is a built blade, or a link to the Azure portal', () => {
    for (const [kind, def] of Object.entries(resourceTypes)) {
      for (const item of def.menu.flatMap((g) => g.items)) {
        const built = def.blades[item.id] !== undefined;
        expect(built || item.external === true, `${kind} → ${item.label}`).toBe(true);
        expect(built && item.external === true, `${kind} → ${item.label} is both`).toBe(false);
      }
      const { children: childBlades } = def;
      for (const child of Object.keys(childBlades))
        expect(def.blades[child], `${kind} → ${child}`).toBeDefined();
    }
  });

  it('demo mode leaves the portal links out: there is no real resource behind them', async () => {
    renderWithProviders(<ResourcePage resourceId={contosoBotId} blade="overview" query={{}} />);
    const menu = await screen.findByRole('navigation', { name: 'Resource menu' });
    expect(menu).toHaveTextContent('Encryption');
    expect(menu).not.toHaveTextContent('Tags');
    expect(menu).not.toHaveTextContent('Channels');
  });

  it('live mode links the rest to the same blade in the Azure portal of the cloud', async () => {
    render(
      <Providers
        session={{ ...testSession, mode: 'live', portalUrl: 'https://portal.azure.us' }}
        queryClient={testQueryClient()}
      >
        <ResourcePage
          resourceId={contosoVaultId}
          blade="overview"
          tenant="contoso.onmicrosoft.com"
          query={{}}
        />
      </Providers>,
    );
    const locks = await screen.findByRole('link', { name: 'Locks (opens in the Azure portal)' });
    expect(locks).toHaveAttribute(
      'href',
      `https://portal.azure.us/#@contoso.onmicrosoft.com/resource${contosoVaultId}/locks`,
    );
    expect(locks).toHaveAttribute('target', '_blank');
  });

  it('a link to a blade Keyguard does not build says so and offers the overview', async () => {
    renderWithProviders(<ResourcePage resourceId={contosoVaultId} blade="locks" query={{}} />);
    expect(await screen.findByText('This link does not open a blade')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open its overview' })).toBeInTheDocument();
  });
});
