import { contoso, deepLink, expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';
import { runPreset } from './support/twin';

test.describe('history and audit from Azure’s records', () => {
  test('a colleague’s rotation with the Azure CLI shows on the Encryption blade and in the Activity log, with its diff', async ({
    page,
  }) => {
    await openDemo(page, 'encrypted', deepLink(contoso.botId, 'encryption'));
    const history = page.getByRole('table', { name: 'Keys this bot used in the last 14 days' });
    await expect(history.getByRole('row')).toHaveCount(3);

    // Not through the console: the twin makes Jordan's change, as the CLI would.
    expect(await runPreset(page, 'rotate-with-cli')).toMatch(/^Jordan rotated contoso-support-bot/);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(
      page.getByText(/^Key rotated .* ago by jordan@contoso\.onmicrosoft\.com \(Azure CLI\)\./),
    ).toBeVisible();
    await expect(history.getByRole('row')).toHaveCount(4);
    await expect(history.getByRole('row').nth(1)).toContainText('jordan@contoso.onmicrosoft.com (Azure CLI)');
    // The one-week watch of the key it replaced, and the time since the change while Azure re-encrypts.
    await expect(page.getByText(/^Keep the replaced key until/)).toBeVisible();
    // Its three lines stay inside its box: the blade's scrolling body once squeezed it to one line's height.
    const bar = page.locator('.fui-MessageBar', { has: page.getByText(/^Keep the replaced key until/) });
    await expect.poll(() => bar.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    await expect(page.getByText(/Changed by jordan@contoso\.onmicrosoft\.com \(Azure CLI\)/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Activity log', exact: true }).click();
    const log = page.getByRole('table', { name: 'Activity log' });
    const row = log.getByRole('row').filter({ hasText: 'jordan@contoso.onmicrosoft.com' }).first();
    await expect(row).toContainText('Create or update bot');
    await expect(row).toContainText('Succeeded');
    await row.getByRole('button', { name: 'Create or update bot' }).click();
    const details = page.getByRole('region', { name: 'Create or update bot' });
    await details.getByRole('tab', { name: 'Change history' }).click();
    const diff = details.getByRole('table', { name: 'Properties this operation changed' });
    await expect(diff).toContainText('properties.cmekKeyVaultUrl');
    await expectNoAxeViolations(page);

    // The event's own link opens just that operation.
    await details.getByRole('tab', { name: 'Summary' }).click();
    const correlation = await details
      .getByRole('definition')
      .filter({ hasText: /^[0-9a-f-]{36}$/ })
      .first()
      .textContent();
    await page.goto(`/?scenario=encrypted${deepLink(contoso.botId, 'activitylog')}?event=${correlation}`);
    await expect(page.getByText(`Showing the operation with correlation id ${correlation}.`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Create or update bot' })).toContainText(
      'jordan@contoso.onmicrosoft.com',
    );
  });

  test('after a revocation, Key usage shows Azure Bot Service’s unwraps failing, and why', async ({
    page,
  }) => {
    await openDemo(page, 'revoked', deepLink(contoso.vaultId, 'keyusage'));
    const failures = page.getByRole('table', { name: 'Why calls failed' });
    await expect(failures).toContainText(
      'no access policy or role gives Bot Service CMEK Prod this permission',
    );
    await expect(failures).toContainText('403 Forbidden');
    await expectNoAxeViolations(page);
    // The same on the bot's Encryption blade, beside the key.
    await page.goto(`/?scenario=revoked${deepLink(contoso.botId, 'encryption')}`);
    await expect(page.getByRole('list', { name: 'Why calls failed' })).toContainText('403 Forbidden');
  });

  test('no audit log kept: one click sends it to a workspace the admin picks, which has no data yet', async ({
    page,
  }) => {
    await openDemo(page, 'ready', deepLink(contoso.vaultId, 'keyusage'));
    await expect(page.getByText('No audit log to read')).toBeVisible();
    await page.getByRole('button', { name: 'Send the audit log to a workspace…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keep the audit log of kv-contoso-cmk' });
    await dialog.getByRole('combobox', { name: /Log Analytics workspace/ }).click();
    await page.getByRole('option', { name: /^log-contoso-security/ }).click();
    await expect(dialog.getByLabel('The same, as code: Azure CLI')).toContainText(
      'az monitor diagnostic-settings create',
    );
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Send the audit log' }).click();
    await expect(page.getByText('No audit data yet')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Diagnostic settings', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Diagnostic settings' })).toContainText('keyguard-audit');
  });
});
