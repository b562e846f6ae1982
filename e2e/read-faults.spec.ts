import { contoso, deepLink, expect, openDemo, test } from './support/fixtures';
import { armFault, readArm } from './support/twin';

/** Reads that fail: the user is told which part could not be read, and the rest of the console keeps working. */

test('a failed page of a list: that subscription is reported as unchecked (never as “no bots”), the blade works, Try again completes it', async ({
  page,
}) => {
  await openDemo(page, 'large', deepLink(contoso.botId));
  const subs = await readArm<{ value: { subscriptionId: string; displayName: string }[] }>(
    page,
    '/subscriptions?api-version=2022-12-01',
  );
  const target = subs.body.value.find((s) => / 02$/.test(s.displayName))!;
  // Every attempt at the second page of that subscription's bots fails (the ARM layer retries reads 3 times).
  await armFault(page, {
    kind: 'error500',
    method: 'GET',
    pathPattern: `/subscriptions/${target.subscriptionId}/providers/Microsoft.BotService/botServices\\?.*skiptoken=`,
    count: 4,
  });
  // In-app navigation: a reload would start a new twin without the armed fault.
  await page.evaluate((hash) => (window.location.hash = hash), deepLink(contoso.vaultId, 'accesspolicies'));
  const warning = page.getByRole('group', { name: 'Not every bot could be checked' });
  await expect(warning).toBeVisible({ timeout: 20_000 });
  await expect(warning).toContainText(`The bots of ${target.displayName} could not be listed`);

  // The rest of the blade works.
  await page.getByRole('searchbox', { name: 'Search access policies' }).fill('Avery');
  await expect(page.getByRole('table', { name: 'Access policies' })).toContainText('Avery Admin');
  await expect(page.getByRole('table', { name: 'Access policies' })).not.toContainText(
    'Bot Service CMEK Prod',
  );

  await warning.getByRole('button', { name: 'Try again' }).click();
  await expect(warning).toBeHidden({ timeout: 20_000 });
});

test('a 403 on one vault among many: its keys are explained, the other vaults still work', async ({
  page,
}) => {
  await openDemo(page, 'ready', deepLink(contoso.botId, 'encryption'));
  await page.getByRole('radio', { name: 'Customer-Managed Keys' }).check();
  await page.getByRole('button', { name: 'Select a key vault and a key' }).click();
  const pane = page.getByRole('dialog', { name: 'Select a key vault and a key' });
  await pane.getByRole('combobox', { name: 'Subscription' }).click();
  await page.getByRole('option', { name: 'Contoso Security' }).click();
  const vaults = pane.getByRole('listbox', { name: 'Key vaults' });
  await vaults.getByRole('option', { name: /^kv-contoso-locked/ }).click();
  await expect(pane.getByText('The keys of this vault cannot be listed from your network')).toBeVisible();
  await expect(pane.getByRole('listbox', { name: 'Keys' })).toHaveCount(0);
  await vaults.getByRole('option', { name: /^kv-contoso-cmk/ }).click();
  await expect(
    pane.getByRole('listbox', { name: 'Keys' }).getByRole('option', { name: /^bot-cmk-key / }),
  ).toBeVisible();
  await expect(pane.getByText('The keys of this vault cannot be listed from your network')).toBeHidden();
});

test('Azure going away mid-session: clear messages, the shell keeps working, and it recovers', async ({
  page,
}) => {
  await openDemo(page, 'fresh', deepLink(contoso.botId));
  await expect(page.getByRole('heading', { name: 'contoso-support-bot | Overview' })).toBeVisible();
  await page.evaluate(() => window.__keyguardTwin?.setOffline(true));

  await page.getByRole('link', { name: 'Keyguard for Azure Bot Service, home' }).click();
  const failure = page.getByRole('group', { name: /could not be listed/ }).first();
  await expect(failure).toBeVisible({ timeout: 20_000 });
  await expect(failure).toContainText('The connection to Azure dropped');

  // The shell still works offline: the theme changes, and a blade already read stays readable from the cache.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(failure).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'contoso-support-bot | Overview' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('group', { name: /could not be listed/ }).first()).toContainText(
    'The connection to Azure dropped',
    { timeout: 20_000 },
  );

  await page.evaluate(() => window.__keyguardTwin?.setOffline(false));
  await page
    .getByRole('group', { name: /could not be listed/ })
    .first()
    .getByRole('button', { name: 'Try again' })
    .click();
  await expect(page.getByRole('table', { name: 'All resources' })).toContainText('kv-contoso-cmk', {
    timeout: 20_000,
  });
  await expect(page.getByRole('group', { name: /could not be listed/ })).toHaveCount(0);
});
