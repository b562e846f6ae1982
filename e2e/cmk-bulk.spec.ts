import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';
import { armFault } from './support/twin';

const done = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ bots\.$/ });
const table = (page: Page) => page.getByRole('table', { name: 'Bots and their keys' });
const fixes = (page: Page) => page.getByRole('group', { name: 'Fixes for the selected bots' });
const results = (page: Page) => page.getByRole('list', { name: 'Result of each change' });

async function selectAll(page: Page) {
  await expect(done(page)).toHaveText('Showing 12 of 12 bots.');
  await table(page).getByRole('checkbox', { name: 'Select every bot shown' }).check();
  await expect(page.getByRole('group', { name: 'Fixes for the selected bots' })).toContainText(
    'Fix the 12 selected:',
  );
}

test.describe('Bulk fixes across the tenant', () => {
  test('trusted services on five vaults: a 429 is waited out, a drop fails one, the Reader’s vault is refused, retry finishes', async ({
    page,
  }) => {
    await openDemo(page, 'fleet', '#cmk');
    await selectAll(page);
    await fixes(page)
      .getByRole('button', { name: 'Allow trusted Microsoft services (5 key vaults)' })
      .click();
    const confirm = page.getByRole('alertdialog', { name: 'Allow trusted Microsoft services: 5 key vaults' });
    const changes = confirm.getByRole('list', { name: 'Changes to make' }).getByRole('listitem');
    await expect(changes).toHaveText([
      /^kv-eu-cmk: .*\(for eu-helpdesk-bot, eu-returns-bot\)$/,
      /^kv-finance-cmk: .*\(for finance-expenses-bot\)$/,
      /^kv-hr-cmk: .*\(for hr-onboarding-bot\)$/,
      /^kv-ops-cmk: .*\(for ops-alerts-bot\)$/,
      /^kv-sales-cmk: .*\(for sales-lead-bot, sales-quote-bot, sales-renewals-bot\)$/,
    ]);
    await expectNoAxeViolations(page);
    // The connection drops on the sales vault's write: it is not known whether it was made, so it is not resent.
    await armFault(page, { kind: 'drop', method: 'PATCH', pathIncludes: 'vaults/kv-sales-cmk' });
    // Azure throttles the HR vault's write once: the client waits as Retry-After asks and goes again.
    await armFault(page, {
      kind: 'throttle',
      method: 'PATCH',
      pathIncludes: 'vaults/kv-hr-cmk',
      retryAfterSeconds: 1,
    });
    await confirm.getByRole('button', { name: 'Apply 5 changes' }).click();

    const panel = page.getByRole('region', { name: 'Allow trusted Microsoft services: 5 key vaults' });
    await expect(panel.getByRole('status')).toHaveText('5 of 5 finished, 1 failed, 1 not known.', {
      timeout: 20_000,
    });
    await expect(results(page).getByRole('listitem', { name: 'kv-eu-cmk: Done' })).toBeVisible();
    await expect(results(page).getByRole('listitem', { name: 'kv-hr-cmk: Done' })).toBeVisible();
    await expect(results(page).getByRole('listitem', { name: 'kv-finance-cmk: Failed' })).toContainText(
      'does not have authorization',
    );
    // The write was sent and its answer lost: never "failed, nothing changed", never a success.
    await expect(
      results(page).getByRole('listitem', { name: 'kv-sales-cmk: Not known whether made' }),
    ).toContainText('not known whether the change was made');
    await expectNoAxeViolations(page);

    await panel.getByRole('button', { name: 'Retry failed (2)' }).click();
    await expect(panel.getByRole('status')).toHaveText('5 of 5 finished, 1 failed.', { timeout: 20_000 });
    await expect(
      results(page).getByRole('listitem', { name: /^kv-sales-cmk: (Done|Already fine)$/ }),
    ).toBeVisible();
    await expect(results(page).getByRole('listitem', { name: 'kv-finance-cmk: Failed' })).toBeVisible();
  });
});

test.describe('Bulk registration', () => {
  test('Microsoft.BotService on three subscriptions: registered where allowed, the Reader’s refused with its reason', async ({
    page,
  }) => {
    await openDemo(page, 'fleet', '#cmk');
    await selectAll(page);
    await fixes(page)
      .getByRole('button', { name: 'Register Microsoft.BotService (3 subscriptions)' })
      .click();
    await page
      .getByRole('alertdialog', { name: 'Register Microsoft.BotService: 3 subscriptions' })
      .getByRole('button', { name: 'Apply 3 changes' })
      .click();
    const panel = page.getByRole('region', { name: 'Register Microsoft.BotService: 3 subscriptions' });
    await expect(panel.getByRole('status')).toHaveText('3 of 3 finished, 1 failed.', { timeout: 30_000 });
    await expect(results(page).getByRole('listitem', { name: 'Contoso Sales Keys: Done' })).toBeVisible();
    await expect(results(page).getByRole('listitem', { name: 'Contoso Support EU: Done' })).toBeVisible();
    await expect(results(page).getByRole('listitem', { name: 'Contoso Finance: Failed' })).toContainText(
      'does not have authorization',
    );
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel).toHaveCount(0);
  });
});

test.describe('Azure Policy for customer-managed keys', () => {
  test('assign Audit at a subscription, Azure evaluates it, each bot shows its compliance', async ({
    page,
  }) => {
    await openDemo(page, 'fleet', '#cmk');
    await expect(done(page)).toHaveText('Showing 12 of 12 bots.');
    const hrPolicy = table(page)
      .getByRole('row')
      .filter({ hasText: 'contoso-hr-bot' })
      .getByRole('cell')
      .nth(8);
    await page.getByRole('tab', { name: 'Azure Policy' }).click();
    const policies = page.getByRole('table', { name: 'Azure Policy by subscription' });
    const bots = policies.getByRole('row').filter({ hasText: 'Contoso Bots (Production)' });
    await expect(bots.getByRole('cell').nth(1)).toHaveText('Not assigned');

    await bots.getByRole('button', { name: 'Assign the policy to Contoso Bots (Production)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign the CMK policy to Contoso Bots (Production)' });
    await dialog.getByRole('radio', { name: /^Deny:/ }).check();
    await expect(
      dialog.getByText('3 bots are of Contoso Bots (Production) on Microsoft-managed keys'),
    ).toBeVisible();
    await dialog.getByRole('radio', { name: /^Audit:/ }).check();
    await expect(dialog.getByRole('region', { name: 'The same, as code: Azure CLI' })).toContainText(
      `--params '{"effect":{"value":"Audit"}}'`,
    );
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Assign (Audit)' }).click();

    await expect(bots.getByRole('cell').nth(1)).toHaveText('Audit');
    await expect(bots.getByRole('cell').nth(2)).toHaveText('3 non-compliant, 9 compliant of 12 bots', {
      timeout: 30_000,
    });
    await page.getByRole('tab', { name: 'Bots' }).click();
    await expect(hrPolicy).toHaveText('Non-compliant');
    await expect(
      table(page).getByRole('row').filter({ hasText: 'sales-lead-bot' }).getByRole('cell').nth(8),
    ).toHaveText('Compliant');
  });
});
