import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../../mocks/scenarios';
import { contosoBotId, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { World } from '../../../mocks/store/world';
import { dialogButton, findDialog, findInDialog, pickInDialog } from '../../../testing/dialogs';
import { errorBar } from '../../../testing/toasts';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import { botQuery } from '../../../queries/resources';
import EncryptionBlade from '../encryption-blade';

const world = () => testTwin.managed.twin.world;
const bot = () => world().bots.get(contosoBotId)!;
function keyUrl(name: string): string {
  const key = world().keys.get(World.keyKey(contosoVaultId, name))!;
  return `https://kv-contoso-cmk.vault.azure.net/keys/${name}/${key.versions[key.versions.length - 1]!.version}`;
}

async function open(scenario: ScenarioName) {
  resetTwin(scenario);
  const view = renderWithProviders(<EncryptionBlade />, {
    blade: bladeContext(contosoBotId, 'encryption', 'Encryption'),
  });
  await screen.findByRole('radio', { name: 'Customer-Managed Keys' });
  return view;
}

async function chooseKey(url: string) {
  await userEvent.click(screen.getByRole('radio', { name: 'Customer-Managed Keys' }));
  const input = screen.getByRole('textbox', { name: /Key URL/ });
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(url);
}

/**
 * Save and confirm, with the answers to the requests `slow` matches held by Azure (the change made, its answer not
 * sent) until the returned `release` is called: the test acts while the save runs, with no time window to race.
 */
async function saveWhile(slow: { method: string; pathIncludes: string; count?: number }) {
  const held = control.armFault({ kind: 'hold', ...slow });
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  await userEvent.click(dialogButton(await findDialog('Save encryption settings?'), 'Save'));
  return () => control.releaseFault(held.id);
}

describe('Bot | Encryption', () => {
  it('shows Microsoft-managed keys and never shows Azure’s leftover cmekKeyVaultUrl as a key', async () => {
    await open('fresh');
    expect(screen.getByRole('radio', { name: 'Microsoft-Managed Keys' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Encryption Status' })).toHaveValue(
      'Microsoft managed encryption',
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Customer-Managed Keys' }));
    expect(screen.getByRole('textbox', { name: /Key URL/ })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByText('What data is encrypted')).toBeInTheDocument();
  });

  it('a bot already on a key URL without a version: a warning at the field, not an error', async () => {
    resetTwin('encrypted');
    const unversioned = 'https://kv-contoso-cmk.vault.azure.net/keys/bot-cmk-key';
    world().bots.set(contosoBotId, { ...bot(), cmek: { ...bot().cmek, keyUrl: unversioned } });
    renderWithProviders(<EncryptionBlade />, {
      blade: bladeContext(contosoBotId, 'encryption', 'Encryption'),
    });
    const input = await screen.findByRole('textbox', { name: /Key URL/ });
    expect(input).toHaveValue(unversioned);
    expect(
      screen.getByText(/This Key URL has no version\. The docs ask for the full versioned key URI/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Add the version \(32 hexadecimal characters\)/)).not.toBeInTheDocument();
    // Typed by the admin, the same text is an error: Keyguard always writes a version.
    await userEvent.type(input, '2');
    expect(
      (await screen.findAllByText(/Add the version \(32 hexadecimal characters\)/)).length,
    ).toBeGreaterThan(0);
  });

  it('validates as the user types and keeps Save off while the URL is invalid', async () => {
    await open('ready');
    await chooseKey('https://kv-contoso-cmk.vault.azure.net/keys/bot-cmk-key');
    expect(screen.getByRole('textbox', { name: /Key URL/ })).toHaveAccessibleDescription(/has no version/);
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await chooseKey(keyUrl('bot-cmk-key'));
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('turns CMK on after a confirmation listing exactly what changes, then reports Azure’s progress until finished', async () => {
    const { queryClient } = await open('ready');
    await chooseKey(keyUrl('bot-cmk-key'));
    expect(await screen.findByText('A full versioned key URI.')).toBeInTheDocument();
    // Ten prerequisites pass; the vault keeps no audit log yet, which is a recommendation, not a failure.
    expect(await screen.findByText(/All 11 checks passed, 1 warning/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await findDialog('Save encryption settings?');
    expect(dialog).toHaveTextContent('Encryption type: Microsoft-Managed Keys → Customer-Managed Keys');
    expect(dialog).toHaveTextContent(keyUrl('bot-cmk-key'));
    await userEvent.click(dialogButton(dialog, 'Save'));
    await waitFor(() => expect(bot().cmek).toMatchObject({ enabled: true, phase: 'encrypting' }));
    expect(await screen.findByDisplayValue('Encrypting')).toBeInTheDocument();
    expect(screen.getByText(/Your bot keeps working normally meanwhile/)).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: /not a measure of Azure's progress/ }),
    ).toBeInTheDocument();
    expect(await screen.findByLabelText('This change as code: Azure CLI')).toHaveTextContent(
      `az bot update --resource-group rg-bots-prod --name contoso-support-bot --cmk-key-vault-key-url ${keyUrl('bot-cmk-key')}`,
    );
    expect(screen.getByLabelText('This change as code: Bicep')).toHaveTextContent('isCmekEnabled: true');
    // The time since the change comes from Azure's change records, which name who made it.
    expect(await screen.findByText(/Changed by avery@contoso\.onmicrosoft\.com/)).toBeInTheDocument();
    const history = screen.getByRole('table', { name: 'Keys this bot used in the last 14 days' });
    expect(within(history).getByText(keyUrl('bot-cmk-key'))).toBeInTheDocument();

    control.advance(21 * 60 * 60 * 1000);
    await queryClient.invalidateQueries();
    expect(await screen.findByDisplayValue('Encrypted')).toBeInTheDocument();
    expect(await screen.findAllByText('Encryption finished for contoso-support-bot')).toHaveLength(1);
  });

  it('shows Azure’s refusal next to the Key URL and keeps what the user entered', async () => {
    await open('fresh');
    const url = keyUrl('bot-cmk-key');
    await chooseKey(url);
    expect(await screen.findByText(/4 failed/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await findDialog('Save encryption settings?');
    expect(dialog).toHaveTextContent('The readiness check found problems');
    expect(dialog).toHaveTextContent('Purge protection enabled');
    await userEvent.click(dialogButton(dialog, 'Save anyway'));
    const field = screen.getByRole('textbox', { name: /Key URL/ });
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        /Purge protection is not enabled on the key vault 'kv-contoso-cmk'/,
      ),
    );
    expect(field).toHaveValue(url);
    expect(screen.getByRole('radio', { name: 'Customer-Managed Keys' })).toBeChecked();
    expect(bot().cmek.enabled).toBe(false);
  });

  it('does not take the user’s own save, while it finishes, for another admin’s change', async () => {
    await open('ready');
    await chooseKey(keyUrl('bot-cmk-key'));
    // The bot is read back at once; the other views refreshed after the save answer later.
    const release = await saveWhile({ method: 'POST', pathIncludes: 'Microsoft.ResourceGraph', count: 3 });
    expect(await screen.findByDisplayValue('Encrypting')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    expect(screen.queryByText('This resource changed since you started editing')).not.toBeInTheDocument();
    release();
    expect(await screen.findByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('keeps a change made while a save runs, instead of resetting the form to what was saved', async () => {
    await open('ready');
    await chooseKey(keyUrl('bot-cmk-key'));
    const release = await saveWhile({ method: 'PATCH', pathIncludes: 'contoso-support-bot' });
    expect(await screen.findByRole('button', { name: 'Saving…' })).toBeDisabled();
    await userEvent.click(screen.getByRole('radio', { name: 'Microsoft-Managed Keys' }));
    expect(bot().cmek.enabled).toBe(true);
    release();
    expect(await screen.findByRole('button', { name: 'Save' })).toBeEnabled();
    expect(screen.getByRole('radio', { name: 'Microsoft-Managed Keys' })).toBeChecked();
    expect(screen.getByText('Turning customer-managed keys off')).toBeInTheDocument();
  });

  it('an edit undone while the save runs stays undone: the key before the save is offered again', async () => {
    const { queryClient } = await open('encrypted');
    const current = keyUrl('bot-cmk-key');
    const input = screen.getByRole('textbox', { name: /Key URL/ });
    await chooseKey(keyUrl('bot-cmk-key-2026'));
    const release = await saveWhile({ method: 'PATCH', pathIncludes: 'contoso-support-bot' });
    expect(await screen.findByRole('button', { name: 'Saving…' })).toBeDisabled();
    await userEvent.clear(input);
    await userEvent.click(input);
    await userEvent.paste(current);
    // Azure has made the change before its answer arrives: a read meanwhile (a poll) already sees it.
    expect(bot().cmek.keyUrl).toBe(keyUrl('bot-cmk-key-2026'));
    await queryClient.refetchQueries({ queryKey: botQuery(contosoBotId).queryKey });
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    release();
    expect(await screen.findByRole('button', { name: 'Save' })).toBeEnabled();
    expect(input).toHaveValue(current);
    expect(screen.getByText('Rotating the key')).toBeInTheDocument();
  });

  it('rotation shows the current key beside the new one and the one-week reminder', async () => {
    await open('encrypted');
    expect(screen.getByRole('radio', { name: 'Customer-Managed Keys' })).toBeChecked();
    const current = keyUrl('bot-cmk-key');
    expect(screen.getByRole('textbox', { name: /Key URL/ })).toHaveValue(current);
    await chooseKey(keyUrl('bot-cmk-key-2026'));
    const hint = screen.getByRole('group', { name: 'Rotating the key' });
    expect(within(hint).getByText(current)).toBeInTheDocument();
    expect(within(hint).getByText(/at least a week/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.click(dialogButton(await findDialog('Save encryption settings?'), 'Save'));
    await waitFor(() => expect(bot().cmek).toMatchObject({ phase: 'rotating', previousKeyUrl: current }));

    // Within the week, disabling the replaced key is flagged.
    const old = world().keys.get(World.keyKey(contosoVaultId, 'bot-cmk-key'))!;
    world().keys.set(World.keyKey(contosoVaultId, 'bot-cmk-key'), {
      ...old,
      versions: old.versions.map((v) => ({ ...v, enabled: false })),
    });
    // Refresh is off while the save still runs.
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    await waitFor(() => expect(refresh).toBeEnabled());
    await userEvent.click(refresh);
    expect(await screen.findByText('The replaced key became unusable too early')).toBeInTheDocument();
  });

  it('turning CMK off asks first and then goes back to Microsoft-managed keys', async () => {
    await open('encrypted');
    await userEvent.click(screen.getByRole('radio', { name: 'Microsoft-Managed Keys' }));
    expect(screen.getByText('Turning customer-managed keys off')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await findDialog('Save encryption settings?');
    expect(dialog).toHaveTextContent('Customer-Managed Keys → Microsoft-Managed Keys');
    await userEvent.click(dialogButton(dialog, 'Save'));
    await waitFor(() => expect(bot().cmek).toMatchObject({ enabled: false, phase: 'decrypting' }));
    // The saved change as code shows once the save has ended (after the views it touched were read again).
    expect(await screen.findByLabelText('This change as code: Azure CLI')).toHaveTextContent('--cmk-off');
  });

  it('the key picker keeps a name typed while a new key is being made', async () => {
    await open('ready');
    await userEvent.click(screen.getByRole('radio', { name: 'Customer-Managed Keys' }));
    await userEvent.click(screen.getByRole('button', { name: 'Select a key vault and a key' }));
    const picker = await findDialog('Select a key vault and a key');
    await pickInDialog(picker, 'Subscription', /Contoso Security/);
    await userEvent.type(await findInDialog(picker, 'searchbox', 'Search key vaults'), 'kv-contoso-cmk');
    // The list shows only what is in view, so the vault is chosen from the keyboard.
    (await findInDialog(picker, 'listbox', 'Key vaults')).focus();
    await userEvent.keyboard('{Enter}');
    const name = await findInDialog(picker, 'textbox', 'Create new key (RSA, wrap and unwrap)');
    const held = control.armFault({ kind: 'hold', method: 'PUT', pathIncludes: '/keys/bot-cmk-key-2027' });
    await userEvent.type(name, 'bot-cmk-key-2027');
    await userEvent.click(await findInDialog(picker, 'button', 'Create new key'));
    await waitFor(() =>
      expect(world().keys.get(World.keyKey(contosoVaultId, 'bot-cmk-key-2027'))).toBeDefined(),
    );
    await userEvent.clear(name);
    await userEvent.type(name, 'bot-cmk-key-2028');
    control.releaseFault(held.id);
    expect(await findInDialog(picker, 'button', 'Create new key')).toBeEnabled();
    expect(name).toHaveValue('bot-cmk-key-2028');
  });

  it('the key picker says when a subscription has no vaults, or when the filter leaves none', async () => {
    await open('fresh');
    await userEvent.click(screen.getByRole('radio', { name: 'Customer-Managed Keys' }));
    await userEvent.click(screen.getByRole('button', { name: 'Select a key vault and a key' }));
    const picker = await findDialog('Select a key vault and a key');
    // The first subscription holds the bots and no vaults.
    expect(await screen.findByText(/This subscription has no key vaults you can see/)).toBeInTheDocument();
    await pickInDialog(picker, 'Subscription', /Contoso Security/);
    expect(await screen.findByText(/of \d+ key vaults/)).toBeInTheDocument();
    await userEvent.type(await findInDialog(picker, 'searchbox', 'Search key vaults'), 'zzz');
    expect(await screen.findByText(/No key vault name contains “zzz” \(of \d+\)/)).toBeInTheDocument();
  });

  it('says plainly when the bot’s key is out of reach, and offers the fix', async () => {
    await open('revoked');
    expect(await screen.findByText('The bot cannot use its key')).toBeInTheDocument();
    expect(errorBar('The bot cannot use its key')).toHaveTextContent(
      /The vault has no access policy for Bot Service CMEK Prod/,
    );
    expect(screen.getByRole('button', { name: 'Add the access policy' })).toBeInTheDocument();
  });
});
