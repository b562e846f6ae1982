import type { Page } from '@playwright/test';
import { contoso, deepLink, expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';

const chart = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function chooseTheme(page: Page, theme: string) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('menuitemradio', { name: theme }).click();
  await page.keyboard.press('Escape');
}

test.describe('charts, each with its table view', () => {
  test('key usage over time on the vault’s Key usage blade and the bot’s Encryption blade', async ({
    page,
  }) => {
    await openDemo(page, 'revoked', deepLink(contoso.vaultId, 'keyusage'));
    const usage = chart(page, 'Key usage over time');
    await expect(usage.locator('svg').first()).toBeVisible({ timeout: 20_000 });
    await expect(usage).toContainText('Failed unwraps');
    await usage.getByRole('switch', { name: 'Show as table' }).click();
    const table = usage.getByRole('table', { name: 'Key usage over time, per day' });
    await expect(table.getByRole('row').last()).toContainText('Refused: no access policy or role');
    // Back to the chart: from its switch, Tab lands on the first day's stack, which reads out every series.
    await usage.getByRole('switch', { name: 'Show as table' }).click();
    await expect(usage.locator('svg').first()).toBeVisible();
    await usage.getByRole('switch', { name: 'Show as table' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAttribute(
      'aria-label',
      /Successful unwraps, \d+\. .*Failed unwraps, \d+\./,
    );
    await openDemo(page, 'revoked', deepLink(contoso.botId, 'encryption'));
    await expect(chart(page, 'Key usage over time')).toBeVisible({ timeout: 20_000 });
  });

  test('bots by posture filters the table like a tile; keys by expiry date name their bots', async ({
    page,
  }) => {
    await openDemo(page, 'fleet', '#cmk');
    const posture = chart(page, 'Bots by posture');
    await expect(posture.locator('svg').first()).toBeVisible({ timeout: 20_000 });
    await posture.getByRole('switch', { name: 'Show as table' }).click();
    await posture
      .getByRole('row', { name: /Microsoft-managed keys/ })
      .getByRole('button', { name: 'Show these bots' })
      .click();
    await expect(page).toHaveURL(/view=microsoft/);
    await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
      'Showing 3 of 12 bots.',
    );
    const expiry = chart(page, 'Keys in use expiring in the next 90 days');
    await expect(expiry.locator('svg').first()).toBeVisible();
    await expiry.getByRole('switch', { name: 'Show as table' }).click();
    await expect(expiry.getByRole('table')).toContainText('kv-finance-cmk/finance-bots-key');
    await expect(expiry.getByRole('table')).toContainText('finance-expenses-bot');
  });

  test('the keyboard reaches each chart’s data points, and Enter on a posture segment filters', async ({
    page,
  }) => {
    await openDemo(page, 'fleet', '#cmk');
    const posture = chart(page, 'Bots by posture');
    // Every check done (the counts, and so the segments, no longer change) and the segment drawn.
    await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
      'Showing 12 of 12 bots.',
      {
        timeout: 20_000,
      },
    );
    await expect(posture.getByRole('option', { name: 'At risk, 9 bots.' })).toBeVisible();
    const focused = page.locator(':focus');
    // From the switch before the chart, Tab lands on its first segment, named by its legend and count.
    await posture.getByRole('switch', { name: 'Show as table' }).focus();
    await page.keyboard.press('Tab');
    await expect(focused).toHaveAttribute('aria-label', 'At risk, 9 bots.');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/view=at-risk/);
    await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
      'Showing 9 of 12 bots.',
    );
    const expiry = chart(page, 'Keys in use expiring in the next 90 days');
    await expiry.getByRole('switch', { name: 'Show as table' }).focus();
    await page.keyboard.press('Tab');
    await expect(focused).toHaveAttribute(
      'aria-label',
      /^kv-finance-cmk\/finance-bots-key .*finance-expenses-bot\.$/,
    );
  });

  for (const theme of ['Light', 'Dark', 'High contrast']) {
    test(`axe finds nothing on the charts in the ${theme} theme`, async ({ page }) => {
      await openDemo(page, 'fleet', '#cmk');
      await chooseTheme(page, theme);
      await expect(chart(page, 'Bots by posture').locator('svg').first()).toBeVisible({ timeout: 20_000 });
      await expect(
        chart(page, 'Keys in use expiring in the next 90 days').locator('svg').first(),
      ).toBeVisible();
      await expectNoAxeViolations(page);
      await page.goto(`/?scenario=revoked${deepLink(contoso.vaultId, 'keyusage')}`);
      await expect(chart(page, 'Key usage over time').locator('svg').first()).toBeVisible({
        timeout: 20_000,
      });
      await expectNoAxeViolations(page);
    });
  }
});
