import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../../mocks/scenarios';
import { contosoBotId, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { World } from '../../../mocks/store/world';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import EncryptionBlade from '../encryption-blade';

const world = () => testTwin.managed.twin.world;
const versions = (name: string) =>
  world()
    .keys.get(World.keyKey(contosoVaultId, name))!
    .versions.map((v) => `https://kv-contoso-cmk.vault.azure.net/keys/${name}/${v.version}`);

async function open(scenario: ScenarioName, before?: () => void) {
  resetTwin(scenario);
  before?.();
  renderWithProviders(<EncryptionBlade />, { blade: bladeContext(contosoBotId, 'encryption', 'Encryption') });
  await screen.findByRole('radio', { name: 'Customer-Managed Keys' });
}

const historyTable = () => screen.findByRole('table', { name: 'Keys this bot used in the last 14 days' });

describe('Key history, from Azure’s records', () => {
  it('shows the scenario’s past: turned on from Keyguard, rotated by Jordan with the Azure CLI six days ago', async () => {
    await open('encrypted');
    const [v1, v2] = versions('bot-cmk-key');
    const table = await historyTable();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(v2!);
    expect(rows[0]).toHaveTextContent('jordan@contoso.onmicrosoft.com (Azure CLI)');
    expect(rows[1]).toHaveTextContent(v1!);
    expect(rows[1]).toHaveTextContent('avery@contoso.onmicrosoft.com (Unknown)');
    expect(
      screen.getByText(/Key rotated 6 days ago by jordan@contoso\.onmicrosoft\.com \(Azure CLI\)/),
    ).toBeInTheDocument();
    // The one-week watch of the replaced version runs one more day.
    const watch = screen.getByRole('group', { name: /^Keep the replaced key until/ });
    expect(watch).toHaveTextContent(v1!);
    expect(watch).toHaveTextContent('by jordan@contoso.onmicrosoft.com (Azure CLI)');
  });

  it('shows another admin’s rotation, made outside the console, with its author, and starts the week watch', async () => {
    await open('encrypted');
    await historyTable();
    const [, v2] = versions('bot-cmk-key');
    control.advance(8 * 24 * 60 * 60 * 1000); // past the first rotation's week
    control.runPreset('rotate-with-cli');
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(
      await screen.findByText(
        /Key rotated less than a minute ago by jordan@contoso\.onmicrosoft\.com \(Azure CLI\)/,
      ),
    ).toBeInTheDocument();
    const watch = screen.getByRole('group', { name: /^Keep the replaced key until/ });
    expect(watch).toHaveTextContent(v2!);
    expect(
      await screen.findByText(/Changed by jordan@contoso\.onmicrosoft\.com \(Azure CLI\)/),
    ).toBeInTheDocument();
  });

  it('falls back to the Activity log when the change records cannot be read, and says what is unknown', async () => {
    await open('encrypted', () =>
      control.armFault({
        kind: 'error403',
        method: 'POST',
        pathIncludes: 'Microsoft.ResourceGraph',
        count: 5,
      }),
    );
    expect(await screen.findByText(/change records could not be read/)).toHaveTextContent(
      /last changed 6 days ago by jordan@contoso\.onmicrosoft\.com; whether that changed its key is not recorded there/,
    );
    expect(screen.queryByText(/^Keep the replaced key until/)).not.toBeInTheDocument();
  });

  it('says the history is not known when neither record can be read', async () => {
    await open('encrypted', () => {
      control.armFault({
        kind: 'error403',
        method: 'POST',
        pathIncludes: 'Microsoft.ResourceGraph',
        count: 5,
      });
      control.armFault({
        kind: 'error500',
        method: 'GET',
        pathIncludes: 'eventtypes/management/values',
        count: 5,
      });
    });
    expect(await screen.findByText(/The key’s history is not known/)).toHaveTextContent(
      /Keep every key version this bot used in the last week/,
    );
  });
});

describe('Key usage on the Encryption blade', () => {
  it('encrypted: Bot Service’s calls succeed', async () => {
    await open('encrypted');
    const section = await screen.findByRole('region', { name: 'Key usage' });
    expect(await within(section).findByText(/times successfully and 0 times in vain/)).toBeInTheDocument();
  });

  it('revoked: the unwraps fail since the access policy went, and the log says why', async () => {
    await open('revoked');
    const section = await screen.findByRole('region', { name: 'Key usage' });
    const reasons = await within(section).findByRole('list', { name: 'Why calls failed' });
    expect(reasons).toHaveTextContent(
      /no access policy or role gives Bot Service CMEK Prod this permission: 48 calls/,
    );
    expect(reasons).toHaveTextContent('HTTP 403 Forbidden');
  });

  it('ready: no audit log is kept, and one click sets it up', async () => {
    await open('ready');
    await userEvent.click(screen.getByRole('radio', { name: 'Customer-Managed Keys' }));
    expect(screen.queryByRole('region', { name: 'Key usage' })).not.toBeInTheDocument();
  });
});
