import type { Page } from '@playwright/test';
import { contoso, deepLink, expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';
import { advanceClock, keyVaultCall, keyVersions, readArm } from './support/twin';

const day = 24 * 60 * 60 * 1000;
const keyLink = (name: string) => deepLink(contoso.vaultId, `keys/${name}`);
const bot = async (page: Page) =>
  (
    await readArm<{ properties: { cmekKeyVaultUrl: string } }>(
      page,
      `${contoso.botId}?api-version=2022-09-15`,
    )
  ).body;

test.describe('keys: the lifecycle, with a guard on every key a bot needs', () => {
  test('disabling the version a bot uses is stopped, the bot named', async ({ page }) => {
    await openDemo(page, 'encrypted', keyLink('bot-cmk-key'));
    const [, inUse] = await keyVersions(page, contoso.vaultId, 'bot-cmk-key');
    const versions = page.getByRole('table', { name: 'Versions' });
    await expect(versions.getByRole('row').filter({ hasText: inUse!.name.slice(0, 12) })).toContainText(
      'contoso-support-bot now',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: `Disable version ${inUse!.name}` }).click();
    const guard = page.getByRole('alertdialog', { name: 'Disable this key version: bots will stop' });
    await expect(guard.getByRole('list', { name: 'Bots that would stop' })).toContainText(
      'contoso-support-bot',
    );
    await expect(guard).toContainText(/cannot recover a bot without its key/);
    await expect(guard.getByRole('button', { name: 'Disable anyway' })).toBeDisabled();
    await expectNoAxeViolations(page);
    await guard.getByRole('button', { name: 'Cancel' }).click();
    expect((await keyVersions(page, contoso.vaultId, 'bot-cmk-key'))[1]!.enabled).toBe(true);
  });

  test('a new version, the bot moved to it, the old one disabled once the week has passed', async ({
    page,
  }) => {
    await openDemo(page, 'encrypted', keyLink('bot-cmk-key'));
    const [, old] = await keyVersions(page, contoso.vaultId, 'bot-cmk-key');
    await page.getByRole('button', { name: 'New version' }).click();
    await page
      .getByRole('dialog', { name: 'New version of bot-cmk-key' })
      .getByRole('button', { name: 'Create version' })
      .click();
    await page.getByRole('button', { name: 'Move contoso-support-bot to the newer version' }).click();
    const move = page.getByRole('alertdialog', { name: 'Move the bot to the newer version?' });
    await expect(move).toContainText('at least a week');
    await move.getByRole('button', { name: 'Move' }).click();
    await expect(page.getByRole('region', { name: 'Notification toasts' })).toContainText(
      'Moved contoso-support-bot to the newer version of bot-cmk-key',
    );
    const [, , fresh] = await keyVersions(page, contoso.vaultId, 'bot-cmk-key');
    expect((await bot(page)).properties.cmekKeyVaultUrl).toContain(fresh!.name);

    // The week after the move: the old version is still guarded; once it has passed, it is not.
    const oldRow = page
      .getByRole('table', { name: 'Versions' })
      .getByRole('row')
      .filter({ hasText: old!.name.slice(0, 12) });
    await expect(oldRow).toContainText(/contoso-support-bot until/);
    await advanceClock(page, 8 * day);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(oldRow).not.toContainText('contoso-support-bot');
    await page.getByRole('button', { name: `Disable version ${old!.name}` }).click();
    await expect(page.getByRole('region', { name: 'Notification toasts' })).toContainText(
      'Disabled a version of bot-cmk-key',
    );
    expect((await keyVersions(page, contoso.vaultId, 'bot-cmk-key'))[1]!.enabled).toBe(false);
  });

  test('without a gateway: the command to run, and Check again confirms it', async ({ page }) => {
    await page.goto(`/?scenario=ready&gateway=off${keyLink('expiring-soon')}`);
    await expect(page.getByText('Demo mode: simulated data')).toBeVisible();
    const [only] = await keyVersions(page, contoso.vaultId, 'expiring-soon');
    // Until the bots on the vault's keys are read, the guard (rightly) asks for the key's name first: wait for them.
    const row = page
      .getByRole('table', { name: 'Versions' })
      .getByRole('row')
      .filter({ hasText: only!.name.slice(0, 12) });
    await expect(row).toContainText('—');
    await expect(row).not.toContainText('Checking');
    await page.getByRole('button', { name: `Disable version ${only!.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Run this change yourself' });
    await expect(dialog.getByRole('region', { name: 'Azure CLI' })).toContainText(
      `az keyvault key set-attributes --vault-name kv-contoso-cmk --name expiring-soon --version ${only!.name} --enabled false`,
    );
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Check again' }).click();
    await expect(dialog.getByRole('status')).toHaveText(
      /Not yet: Key Vault still reports the version enabled/,
    );
    // The admin runs the command in a shell.
    expect(
      await keyVaultCall(
        page,
        'PATCH',
        `https://kv-contoso-cmk.vault.azure.net/keys/expiring-soon/${only!.name}?api-version=2025-07-01`,
        {
          attributes: { enabled: false },
        },
      ),
    ).toBe(200);
    await dialog.getByRole('button', { name: 'Check again' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Done: the version is disabled.');
  });

  test('the real gateway refuses a tenant it does not serve: shown as live, nothing changed', async ({
    page,
  }) => {
    await openDemo(page, 'ready', keyLink('expiring-soon'));
    // The deployment's KEYGUARD_ALLOWED_TENANTS names another directory (set in the demo panel).
    await page.getByRole('button', { name: 'Demo panel' }).click();
    const panel = page.getByRole('dialog', { name: 'Demo panel' });
    await panel
      .getByRole('textbox', { name: /Tenants the gateway serves/ })
      .fill('99999999-0000-4000-8000-000000000009');
    await panel.getByRole('button', { name: 'Set tenants' }).click();
    await expect(panel).toContainText(
      'The gateway relays only tokens of 99999999-0000-4000-8000-000000000009.',
    );
    await panel.getByRole('button', { name: 'Close demo panel' }).click();
    const [only] = await keyVersions(page, contoso.vaultId, 'expiring-soon');
    await page.getByRole('button', { name: `Disable version ${only!.name}` }).click();
    const refusal = page.getByRole('group', { name: 'Keyguard’s gateway did not pass this call on' });
    await expect(refusal).toContainText('This gateway does not serve the token’s tenant.');
    await expect(refusal).toContainText('Nothing was sent to Key Vault');
    await expectNoAxeViolations(page);
    await refusal.getByRole('button', { name: 'Run it yourself' }).click();
    await expect(
      page
        .getByRole('dialog', { name: 'Run this change yourself' })
        .getByRole('region', { name: 'Azure CLI' }),
    ).toContainText(`--version ${only!.name} --enabled false`);
    expect((await keyVersions(page, contoso.vaultId, 'expiring-soon'))[0]!.enabled).toBe(true);
  });

  test('the Keys blade: every key, its state, and who uses it', async ({ page }) => {
    await openDemo(page, 'encrypted', deepLink(contoso.vaultId, 'keys'));
    const row = page
      .getByRole('table', { name: 'Keys' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'bot-cmk-key', exact: true }) });
    await expect(row).toContainText('contoso-support-bot now');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByRole('dialog', { name: 'Generate a key' })).toBeVisible();
    await page
      .getByRole('dialog', { name: 'Generate a key' })
      .getByRole('checkbox', { name: 'Rotate it automatically' })
      .check();
    await expectNoAxeViolations(page);
  });
});

for (const theme of ['Dark', 'High contrast']) {
  test(`the key dialogs pass axe in the ${theme} theme`, async ({ page }) => {
    await openDemo(page, 'encrypted', keyLink('bot-cmk-key'));
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('menuitemradio', { name: theme }).click();
    await page.keyboard.press('Escape');
    const [, inUse] = await keyVersions(page, contoso.vaultId, 'bot-cmk-key');
    await page.getByRole('button', { name: `Disable version ${inUse!.name}` }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Rotation policy' }).click();
    await page
      .getByRole('dialog')
      .getByRole('radio', { name: 'A number of days after each version is created' })
      .check();
    await expectNoAxeViolations(page);
  });
}
