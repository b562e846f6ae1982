import type { Page } from '@playwright/test';
import { contoso, deepLink, expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';

const fast = 20_000;

async function pickKey(page: Page, subscription: string, vault: string, key: string) {
  await page.getByRole('button', { name: 'Select a key vault and a key' }).click();
  const pane = page.getByRole('dialog', { name: 'Select a key vault and a key' });
  await pane.getByRole('combobox', { name: 'Subscription' }).click();
  await page.getByRole('option', { name: subscription }).click();
  await pane.getByRole('searchbox', { name: 'Search key vaults' }).fill(vault);
  await pane
    .getByRole('listbox', { name: 'Key vaults' })
    .getByRole('option', { name: new RegExp(`^${vault}(?![-a-z0-9])`) })
    .click();
  await pane
    .getByRole('listbox', { name: 'Keys' })
    .getByRole('option', { name: new RegExp(`^${key}(?![-a-z0-9])`) })
    .click();
  await pane.getByRole('listbox', { name: 'Versions, newest first' }).getByRole('option').first().click();
  await pane.getByRole('button', { name: 'Select' }).click();
  await expect(pane).toBeHidden();
}

const check = (page: Page, label: RegExp) =>
  page.getByRole('list', { name: 'Readiness checks' }).getByRole('listitem', { name: label });

test.describe('the Encryption blade, end to end', () => {
  test('fresh: from an unprepared vault to “Encrypted” with the readiness fixes', async ({ page }) => {
    await openDemo(page, 'fresh', deepLink(contoso.botId, 'encryption'), fast);
    await expect(page.getByRole('heading', { name: 'contoso-support-bot | Encryption' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Customer-Managed Keys' }).check();
    await expect(page.getByRole('textbox', { name: /Key URL/ })).toHaveValue('');
    await pickKey(page, 'Contoso Security', 'kv-contoso-cmk', 'bot-cmk-key');
    await expect(page.getByRole('textbox', { name: /Key URL/ })).toHaveValue(
      /^https:\/\/kv-contoso-cmk\.vault\.azure\.net\/keys\/bot-cmk-key\/[0-9a-f]{32}$/,
    );
    await expect(page.getByText('4 failed, 0 unknown, 7 passed, 1 warning.')).toBeVisible();
    await expectNoAxeViolations(page);

    await check(page, /^Purge protection enabled/)
      .getByRole('button', { name: 'Turn on purge protection' })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Turn on purge protection' }).click();
    await expect(check(page, /^Purge protection enabled: Passed/)).toBeVisible();
    await check(page, /^Microsoft.BotService registered/)
      .getByRole('button', { name: 'Register Microsoft.BotService' })
      .click();
    await expect(check(page, /^Microsoft.BotService registered.*: Passed/)).toBeVisible({ timeout: 20_000 });
    await check(page, /^Bot Service CMEK Prod may/)
      .getByRole('button', { name: 'Add the access policy' })
      .click();
    await expect(check(page, /^Bot Service CMEK Prod may.*: Passed/)).toBeVisible();
    await check(page, /^Firewall lets/)
      .getByRole('button', { name: 'Allow trusted Microsoft services' })
      .click();
    await expect(page.getByText('All 11 checks passed, 1 warning.')).toBeVisible();

    await page.getByRole('button', { name: 'Save' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Save encryption settings?' });
    await expect(confirm).toContainText('Microsoft-Managed Keys → Customer-Managed Keys');
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('textbox', { name: 'Encryption Status' })).toHaveValue(
      /Encrypting|Encrypted/,
    );
    await expect(page.getByLabel('This change as code: Azure CLI')).toContainText('az bot update');
    await expect(page.getByRole('textbox', { name: 'Encryption Status' })).toHaveValue('Encrypted', {
      timeout: 30_000,
    });
    await page.getByRole('button', { name: /Notifications/ }).click();
    await expect(page.getByRole('list', { name: 'Notifications' })).toContainText(
      'Encryption finished for contoso-support-bot',
    );
  });

  test('encrypted: rotate to a new key, then turn customer-managed keys off', async ({ page }) => {
    await openDemo(page, 'encrypted', deepLink(contoso.botId, 'encryption'), fast);
    await expect(page.getByRole('textbox', { name: 'Encryption Status' })).toHaveValue('Encrypted');
    await pickKey(page, 'Contoso Security', 'kv-contoso-cmk', 'bot-cmk-key-2026');
    await expect(page.getByText('Rotating the key')).toBeVisible();
    await expect(page.getByText(/at least a week/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('alertdialog', { name: 'Save encryption settings?' })
      .getByRole('button', { name: 'Save' })
      .click();
    // The status was Encrypted before the rotation too: the save is over once Save is back and has nothing to save.
    await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled({ timeout: 30_000 });
    await expect(page.getByRole('textbox', { name: 'Encryption Status' })).toHaveValue('Encrypted', {
      timeout: 30_000,
    });
    await expect(page.getByRole('textbox', { name: /Key URL/ })).toHaveValue(/bot-cmk-key-2026/);

    await page.getByRole('radio', { name: 'Microsoft-Managed Keys' }).check();
    await expect(page.getByText('Turning customer-managed keys off')).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('alertdialog', { name: 'Save encryption settings?' })
      .getByRole('button', { name: 'Save' })
      .click();
    await expect(page.getByRole('textbox', { name: 'Encryption Status' })).toHaveValue(
      'Microsoft managed encryption',
      { timeout: 30_000 },
    );
    await expect(page.getByLabel('This change as code: Azure CLI')).toContainText('--cmk-off');
  });

  test('revoked: the blade and the overview say what broke, and the fix brings the bot back', async ({
    page,
  }) => {
    await openDemo(page, 'revoked', deepLink(contoso.botId), fast);
    await expect(page.getByText('The bot cannot use its encryption key')).toBeVisible();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText('The bot did not answer')).toBeVisible();
    await page.getByRole('link', { name: 'See what broke and fix it' }).click();
    await expect(page.getByText('The bot cannot use its key')).toBeVisible();
    await expectNoAxeViolations(page);
    await check(page, /^Bot Service CMEK Prod may/)
      .getByRole('button', { name: 'Add the access policy' })
      .click();
    await expect(page.getByText('All 12 checks passed.')).toBeVisible();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('textbox', { name: 'Encryption Status' })).toHaveValue('Encrypted');
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText('Contoso Support Bot received: Hello')).toBeVisible();
  });

  test('rbac: the missing role is assigned in one click, then CMK turns on', async ({ page }) => {
    await openDemo(page, 'rbac', deepLink(contoso.botId, 'encryption'), fast);
    await page.getByRole('radio', { name: 'Customer-Managed Keys' }).check();
    await pickKey(page, 'Contoso Security', 'kv-contoso-cmk', 'bot-cmk-key');
    await expect(check(page, /^Bot Service CMEK Prod may.*: Failed/)).toContainText(
      'Key Vault Crypto Service Encryption User',
    );
    await check(page, /^Bot Service CMEK Prod may/)
      .getByRole('button', { name: 'Assign the role' })
      .click();
    await expect(page.getByText('All 11 checks passed, 1 warning.')).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('alertdialog', { name: 'Save encryption settings?' })
      .getByRole('button', { name: 'Save' })
      .click();
    await expect(page.getByRole('textbox', { name: 'Encryption Status' })).toHaveValue(
      /Encrypting|Encrypted/,
    );
  });

  test('cross-tenant: the check fails on the tenant, and Azure’s refusal sits next to the Key URL', async ({
    page,
  }) => {
    await openDemo(page, 'cross-tenant', deepLink(contoso.botId, 'encryption'), fast);
    await page.getByRole('radio', { name: 'Customer-Managed Keys' }).check();
    await pickKey(page, 'Fabrikam Shared Keys', 'kv-fabrikam-shared', 'partner-bot-key');
    await expect(check(page, /^Key vault in the bot’s Microsoft Entra tenant: Failed/)).toBeVisible();
    const url = await page.getByRole('textbox', { name: /Key URL/ }).inputValue();
    await page.getByRole('button', { name: 'Save' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Save encryption settings?' });
    await expect(confirm).toContainText('The readiness check found problems');
    await confirm.getByRole('button', { name: 'Save anyway' }).click();
    await expect(page.getByRole('textbox', { name: /Key URL/ })).toHaveAccessibleDescription(
      /must be in the same Microsoft Entra tenant/,
    );
    await expect(page.getByRole('textbox', { name: /Key URL/ })).toHaveValue(url);
    await expectNoAxeViolations(page);
  });
});
