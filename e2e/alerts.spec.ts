import type { Page } from '@playwright/test';
import { contoso, deepLink, expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';
import { armFault } from './support/twin';

const setUp = 'Alert me if Azure Bot Service cannot use this key';
const section = (page: Page) => page.getByRole('region', { name: 'Who is told when this bot’s key fails' });

async function chooseTheme(page: Page, theme: string) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('menuitemradio', { name: theme }).click();
  await page.keyboard.press('Escape');
}

test.describe('Azure Monitor alerts for a bot’s key', () => {
  test('encrypted: set up from the Encryption blade, every resource shown first, then listed as telling someone', async ({
    page,
  }) => {
    await openDemo(page, 'encrypted', deepLink(contoso.botId, 'encryption'));
    await expect(section(page)).toContainText('Not covered. Azure tells nobody when the key fails.');
    await section(page).getByRole('button', { name: setUp }).click();
    const dialog = page.getByRole('dialog', { name: setUp });
    const plan = dialog.getByRole('table', { name: 'What will be created' });
    await expect(plan.getByRole('row')).toHaveCount(6);
    await expect(plan).toContainText('Log search alert rule');
    await expect(plan).toContainText('Event subscription (near expiry)');
    await expect(dialog).toContainText('Your account needs Monitoring Contributor on resource group');
    await expect(dialog).toContainText('in preview');
    await expect(dialog.getByRole('region', { name: 'The same, as code: Bicep' })).toContainText(
      "'Microsoft.Insights/scheduledQueryRules@2023-12-01'",
    );
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByText('Alerts set up')).toBeVisible({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    const rules = section(page).getByRole('table', { name: 'Alert rules that cover it' });
    await expect(rules.getByRole('row')).toHaveCount(4);
    await expect(rules).toContainText('Log search alert');
    await expect(rules).toContainText('Activity log alert');
    await expect(rules).toContainText('Event subscription');
    await expect(section(page)).toContainText('Covered. Someone is told');
  });

  test('revoked: the bot’s Overview and the page say Azure Monitor fired', async ({ page }) => {
    await openDemo(page, 'revoked', deepLink(contoso.botId));
    const fired = page.getByText('Azure Monitor alert fired');
    await expect(fired).toBeVisible({ timeout: 20_000 });
    const bar = page.locator('.fui-MessageBar').filter({ has: fired });
    await expect(bar).toContainText('bot-cmk-failures');
    await expect(bar).toContainText(/fired \d+ times in the last 24 hours/);
    // The demo has no portal to link to (its alerts are simulated): live mode links each alert (fired.ts).
    await openDemo(page, 'revoked', '#cmk');
    await expect(
      page.getByText(/Azure Monitor fired alerts that concern 1 bot in the last 24 hours/),
    ).toBeVisible({
      timeout: 20_000,
    });
  });

  test('fleet: cover every bot from the page; a dropped write leaves one vault not known, and its retry finishes', async ({
    page,
  }) => {
    await openDemo(page, 'fleet', '#cmk');
    const table = page.getByRole('table', { name: 'Bots and their keys' });
    await expect(page.getByRole('button', { name: 'Nobody told if the key fails: 9' })).toBeVisible({
      timeout: 20_000,
    });
    await table.getByRole('checkbox', { name: 'Select every bot shown' }).check();
    await armFault(page, {
      kind: 'drop',
      method: 'PUT',
      pathIncludes: 'activityLogAlerts/keyguard-cmk-vault-kv-ops-cmk',
    });
    await page
      .getByRole('group', { name: 'Fixes for the selected bots' })
      .getByRole('button', { name: /^Set up alerts \(\d key vaults\)$/ })
      .click();
    const confirm = page.getByRole('alertdialog', { name: /^Set up alerts: \d key vaults$/ });
    await confirm.getByRole('textbox', { name: /E-mail address/ }).fill('secops@contoso.com');
    await confirm.getByRole('button', { name: /^Apply \d changes$/ }).click();
    const panel = page.getByRole('region', { name: /^Set up alerts: \d key vaults$/ });
    await expect(panel.getByRole('status')).toHaveText(/finished, .*1 not known\.$/, { timeout: 30_000 });
    const results = page.getByRole('list', { name: 'Result of each change' });
    await expect(results.getByRole('listitem', { name: /^kv-ops-cmk: Not known/ })).toBeVisible();
    await expect(results.getByRole('listitem', { name: /^kv-sales-cmk: Done/ })).toBeVisible();
    await panel.getByRole('button', { name: /^Retry failed/ }).click();
    await expect(results.getByRole('listitem', { name: /^kv-ops-cmk: Done/ })).toBeVisible({
      timeout: 30_000,
    });
  });

  for (const theme of ['Light', 'Dark', 'High contrast']) {
    test(`axe finds nothing on the alert set-up and the fired alert in the ${theme} theme`, async ({
      page,
    }) => {
      await openDemo(page, 'revoked', deepLink(contoso.botId));
      await chooseTheme(page, theme);
      await expect(page.getByText('Azure Monitor alert fired')).toBeVisible({ timeout: 20_000 });
      await expectNoAxeViolations(page);
      await page.goto(`/?scenario=revoked${deepLink(contoso.botId, 'encryption')}`);
      await section(page).getByRole('button', { name: setUp }).click();
      await expect(page.getByRole('dialog', { name: setUp })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
