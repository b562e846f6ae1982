import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';

const done = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ bots\.$/ });
const tile = (page: Page, name: RegExp) =>
  page.getByRole('group', { name: 'Show bots' }).getByRole('button', { name });
const table = (page: Page) => page.getByRole('table', { name: 'Bots and their keys' });

test.describe('Customer-managed keys across the tenant', () => {
  test('revoked: the bot at risk, its fix one click away, and the page says so after', async ({ page }) => {
    await openDemo(page, 'revoked', '#cmk');
    await expect(done(page)).toHaveText('Showing 3 of 3 bots.');
    await expect(tile(page, /^At risk: 1$/)).toBeVisible();
    await expect(tile(page, /^Microsoft-managed keys: 2$/)).toBeVisible();

    const [script] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export fixes (az)' }).click(),
    ]);
    expect(script.suggestedFilename()).toBe('bot-cmk-fixes.sh');
    const commands = readFileSync((await script.path())!, 'utf8');
    expect(commands).toMatch(
      /# access-policy on key vault kv-contoso-cmk, for contoso-support-bot\naz keyvault set-policy --name kv-contoso-cmk .* --key-permissions get wrapKey unwrapKey\n/,
    );

    await table(page)
      .getByRole('button', { name: /^Risks of contoso-support-bot/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Risks of contoso-support-bot' });
    const access = dialog.getByRole('listitem', {
      name: 'Problem: Bot Service CMEK Prod may get, wrap and unwrap keys',
    });
    await expect(access).toBeVisible();
    await expectNoAxeViolations(page);
    await access.getByRole('link', { name: 'Fix it in CMK readiness' }).click();

    const permissions = page
      .getByRole('list', { name: 'Readiness checks' })
      .getByRole('listitem', { name: /^Bot Service CMEK Prod may/ });
    await expect(permissions).toHaveAccessibleName(/Failed$/);
    await permissions.getByRole('button', { name: 'Add the access policy' }).click();
    await expect(permissions).toHaveAccessibleName(/Passed$/, { timeout: 20_000 });

    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Customer-managed keys' })
      .click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(done(page)).toHaveText('Showing 3 of 3 bots.');
    // Access given back, Azure Bot Service reaches the key again and nothing is left to fix.
    await expect(tile(page, /^At risk: 0$/)).toBeVisible();
    await expect(
      table(page).getByRole('row').filter({ hasText: 'contoso-support-bot' }).getByRole('cell').last(),
    ).toHaveText('None found');
  });

  test('tiles and the filter narrow the table, a link keeps the view, the CSV holds what is shown', async ({
    page,
  }) => {
    await openDemo(page, 'encrypted', '#cmk');
    await expect(done(page)).toHaveText('Showing 3 of 3 bots.');
    await tile(page, /^On customer-managed keys: 1$/).click();
    await expect(table(page).getByRole('link', { name: 'contoso-support-bot' })).toBeVisible();
    await expect(table(page).getByRole('link', { name: 'contoso-hr-bot' })).toHaveCount(0);
    await expect(page).toHaveURL(/#cmk\?view=customer$/);

    await tile(page, /^On customer-managed keys: 1$/).click();
    await page.getByRole('searchbox', { name: 'Filter bots by name, key, status or risk' }).fill('hr');
    await expect(done(page)).toHaveText('Showing 1 of 3 bots.');
    await table(page).getByRole('button', { name: 'Name' }).click();
    await expect(page).toHaveURL(/#cmk\?q=hr&sort=name$/);

    await page.reload();
    await expect(done(page)).toHaveText('Showing 1 of 3 bots.');
    await expect(
      page.getByRole('searchbox', { name: 'Filter bots by name, key, status or risk' }),
    ).toHaveValue('hr');
    await expect(table(page).getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await page.getByRole('searchbox', { name: 'Filter bots by name, key, status or risk' }).fill('');
    await expect(done(page)).toHaveText('Showing 3 of 3 bots.');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bot-cmk-posture.csv');
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Name,Subscription,Encryption,Key vault,Key,Version,Encryption status,Policy,Posture,Risks,Resource ID',
    );
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('contoso-support-bot,'))).toMatch(
      /,Customer-managed,kv-contoso-cmk,bot-cmk-key,[0-9a-f]{32},/,
    );
    expect(lines.find((l) => l.startsWith('contoso-hr-bot,'))).toContain(',Microsoft-managed,');
  });

  for (const theme of ['Light', 'Dark', 'High contrast']) {
    test(`axe finds nothing on the page and its risks in the ${theme} theme`, async ({ page }) => {
      await openDemo(page, 'revoked', '#cmk');
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('menuitemradio', { name: theme }).click();
      await expect(done(page)).toBeVisible();
      await expectNoAxeViolations(page);
      await table(page)
        .getByRole('button', { name: /^Risks of contoso-support-bot/ })
        .click();
      await expect(page.getByRole('dialog', { name: 'Risks of contoso-support-bot' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page
        .getByRole('dialog', { name: 'Risks of contoso-support-bot' })
        .getByRole('button', { name: 'Close' })
        .click();

      // A bulk fix's confirmation and its progress panel, and the policy assignment dialog.
      await table(page).getByRole('checkbox', { name: 'Select every bot shown' }).check();
      await page
        .getByRole('group', { name: 'Fixes for the selected bots' })
        .getByRole('button', { name: /^Give Bot Service CMEK Prod access/ })
        .click();
      const confirm = page.getByRole('alertdialog', { name: /^Give Bot Service CMEK Prod access/ });
      await expect(confirm).toBeVisible();
      await expectNoAxeViolations(page);
      await confirm.getByRole('button', { name: 'Apply 1 change' }).click();
      await expect(
        page.getByRole('region', { name: /^Give Bot Service CMEK Prod access/ }).getByRole('status'),
      ).toHaveText('1 of 1 finished.', { timeout: 20_000 });
      await expectNoAxeViolations(page);
      await page.getByRole('tab', { name: 'Azure Policy' }).click();
      await page
        .getByRole('button', { name: /^Assign the policy to / })
        .first()
        .click();
      await expect(page.getByRole('dialog', { name: /^Assign the CMK policy to / })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
