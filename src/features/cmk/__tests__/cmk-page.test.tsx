import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contoso, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { useRoute } from '../../../portal/navigation/router';
import { findDialog } from '../../../testing/dialogs';
import { renderWithProviders } from '../../../testing/render';
import { recordRequests } from '../../../testing/requests';
import { resetTwin, testTwin } from '../../../testing/twin';
import CmkPage from '../cmk-page';

const world = () => testTwin.managed.twin.world;
const graphPath = '/providers/Microsoft.ResourceGraph/resources';

/** The page as the shell shows it: its view comes from the address. */
function Routed() {
  const route = useRoute();
  return <CmkPage query={route.kind === 'cmk' ? route.query : {}} />;
}

async function open() {
  window.location.hash = '#cmk';
  renderWithProviders(<Routed />);
  // Listed, and every read behind the risk column answered.
  await screen.findByText(/^Showing \d+ of \d+ bots\.$/, undefined, { timeout: 8000 });
  return screen.getByRole('table', { name: 'Bots and their keys' });
}

const tile = (name: RegExp) => screen.getByRole('button', { name });

async function risksOf(botName: string) {
  await userEvent.click(screen.getByRole('button', { name: new RegExp(`^Risks of ${botName}`) }));
  const dialog = await findDialog(`Risks of ${botName}`);
  return within(dialog)
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));
}

describe('Customer-managed keys across the tenant', () => {
  it('encrypted: one bot on its own key and nothing wrong, read with two Resource Graph queries and a read per vault', async () => {
    resetTwin('encrypted');
    const seen = recordRequests();
    const table = await open();
    expect(tile(/^All bots: 3$/)).toBeInTheDocument();
    expect(tile(/^On customer-managed keys: 1$/)).toBeInTheDocument();
    expect(tile(/^At risk: 0$/)).toBeInTheDocument();
    expect(tile(/^Microsoft-managed keys: 2$/)).toBeInTheDocument();
    expect(tile(/^Not fully checked: 0$/)).toBeInTheDocument();
    const row = () => within(table).getByRole('row', { name: /\bcontoso-support-bot\b/ });
    expect(row()).toHaveTextContent('kv-contoso-cmk');
    // The status line can run a render ahead of the virtualized rows under load: the row catches up.
    await waitFor(() => expect(row()).toHaveTextContent('None found'));
    const queries = seen
      .filter((r) => r.url.pathname === graphPath)
      .map((r) => (r.body as { query: string }).query);
    expect(queries.some((q) => q.includes("'microsoft.botservice/botservices'"))).toBe(true);
    expect(queries.some((q) => q.includes("'microsoft.keyvault/vaults'"))).toBe(true);
    // The key's versions once (each version's attributes are in that list), never a read per bot.
    expect(seen.filter((r) => /\/keys\/bot-cmk-key\/versions$/i.test(r.url.pathname))).toHaveLength(1);
    expect(seen.filter((r) => /\/botServices\//i.test(r.url.pathname))).toHaveLength(0);
  });

  it('every problem of the vault shows, worst first, each with where to fix it', async () => {
    resetTwin('encrypted');
    const vault = world().vaults.get(contosoVaultId)!;
    world().vaults.set(contosoVaultId, { ...vault, enablePurgeProtection: false, accessPolicies: [] });
    for (const d of [...world().diagnosticSettings.values()])
      world().diagnosticSettings.delete(
        `${d.resourceId}/providers/microsoft.insights/diagnosticSettings/${d.name}`,
      );
    await open();
    expect(tile(/^At risk: 1$/)).toBeInTheDocument();
    const risks = await risksOf('contoso-support-bot');
    // Without its access, Azure Bot Service can no longer reach the key, and says so.
    expect(risks).toEqual([
      'Problem: Azure reports a problem',
      'Problem: Purge protection enabled',
      'Problem: Bot Service CMEK Prod may get, wrap and unwrap keys',
      'Warning: Key Vault audit log kept (recommended)',
    ]);
    const dialog = await findDialog('Risks of contoso-support-bot');
    expect(
      within(dialog).getAllByRole('link', {
        name: /^Fix on |^Fix it in CMK readiness$|^Open CMK readiness$/,
      }),
    ).toHaveLength(4);
  });

  it('a vault the admin cannot see is “not fully checked”, never fine', async () => {
    resetTwin('encrypted');
    // The admin loses every role on the key vault's subscription; Azure Bot Service keeps its access.
    for (const a of [...world().roleAssignments.values()])
      if (
        a.principalId === contoso.user.objectId &&
        a.scope.toLowerCase().includes(contoso.keysSub.toLowerCase())
      )
        world().roleAssignments.delete(a.id);
    await open();
    expect(tile(/^Not fully checked: 1$/)).toBeInTheDocument();
    expect(tile(/^At risk: 0$/)).toBeInTheDocument();
    const risks = await risksOf('contoso-support-bot');
    expect(risks.every((r) => r!.startsWith('Not checked: '))).toBe(true);
    expect(await findDialog('Risks of contoso-support-bot')).toHaveTextContent(
      'No key vault named “kv-contoso-cmk” is visible to you',
    );
  });

  it('a tile and the text filter the table, and the address keeps both', async () => {
    resetTwin('encrypted');
    const table = await open();
    await userEvent.click(tile(/^Microsoft-managed keys: 2$/));
    await waitFor(() =>
      expect(within(table).queryByRole('link', { name: 'contoso-support-bot' })).not.toBeInTheDocument(),
    );
    expect(window.location.hash).toBe('#cmk?view=microsoft');
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Filter bots by name, key, status or risk' }),
      'orders',
    );
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getByRole('link', { name: 'contoso-orders-bot' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#cmk?view=microsoft&q=orders');
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1 of 3 bots.');
  });
});
