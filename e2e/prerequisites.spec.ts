import { contoso, deepLink, expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';

test.describe('the seed doc’s prerequisites by hand, on the fresh scenario', () => {
  test('purge protection, provider registration, the CMEK access policy and the firewall bypass', async ({
    page,
  }) => {
    // Four blades, each checked by axe, and a provider registration to wait for: a long journey on two cores.
    test.slow();
    await openDemo(page, 'fresh');

    // 1. Key Vault → Properties: purge protection (soft delete is already on).
    await page.goto(`/${deepLink(contoso.vaultId, 'properties')}`);
    await expect(page.getByRole('heading', { name: 'kv-contoso-cmk | Properties' })).toBeVisible();
    await expect(
      page.getByText('Soft delete has been enabled on this key vault. It cannot be turned off.'),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: /^Enable purge protection/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Turn on purge protection for kv-contoso-cmk?' });
    await expect(confirm).toContainText('irreversible');
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: 'Turn on purge protection' }).click();
    await expect(
      page.getByText('Locked: purge protection, once enabled, can never be disabled.'),
    ).toBeVisible();

    // 2. Subscription → Resource providers: Microsoft.BotService on the vault's subscription.
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('link', { name: 'Contoso Security' }).click();
    await page.getByRole('link', { name: 'Resource providers' }).click();
    await expect(page.getByRole('heading', { name: 'Contoso Security | Resource providers' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('searchbox', { name: 'Filter by name' }).fill('BotService');
    await page.getByRole('radio', { name: 'Select Microsoft.BotService' }).check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const row = page.getByRole('row', { name: /Microsoft\.BotService/ });
    // The whole status text: "NotRegistered" and "Registering" both contain "Registered".
    await expect(row.getByRole('cell').nth(2)).toHaveText('Registered', { timeout: 20_000 });

    // 3. Key Vault → Access policies: Bot Service CMEK Prod with Get, Wrap Key, Unwrap Key.
    await page.goto(`/${deepLink(contoso.vaultId, 'accesspolicies')}`);
    await expect(page.getByRole('table', { name: 'Access policies' })).toContainText('Avery Admin');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('combobox', { name: 'Configure from a template' }).click();
    await page.getByRole('option', { name: 'Bot Service CMEK (Get, Wrap Key, Unwrap Key)' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('searchbox', { name: 'Search principals' }).fill('Bot Service CMEK');
    await page.getByRole('radio', { name: /^Bot Service CMEK Prod \(Application\) Microsoft’s/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Get, Wrap Key, Unwrap Key')).toBeVisible();
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('table', { name: 'Access policies' })).toContainText(
      'Microsoft’s Bot Service CMEK Prod',
    );

    // 4. Key Vault → Networking: the warning and its one-click fix.
    await page.getByRole('link', { name: 'Networking' }).click();
    await expect(page.getByText('Azure Bot Service cannot reach keys in this vault')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Allow trusted Microsoft services' }).click();
    await expect(
      page.getByRole('checkbox', { name: 'Allow trusted Microsoft services to bypass this firewall' }),
    ).toBeChecked();
    await expect(page.getByText('Azure Bot Service cannot reach keys in this vault')).toBeHidden();

    // Every step left a truthful notification.
    await page.getByRole('button', { name: 'Notifications' }).click();
    const hub = page.getByRole('list', { name: 'Notifications' });
    await expect(hub).toContainText('Updated kv-contoso-cmk');
    await expect(hub).toContainText('Registered Microsoft.BotService');
    await expect(hub).toContainText('Created an access policy on kv-contoso-cmk');
    await expect(hub).toContainText('Saved networking of kv-contoso-cmk');
  });

  test('the unsaved-changes guard protects a settings blade', async ({ page }) => {
    await openDemo(page, 'fresh', deepLink(contoso.vaultId, 'networking'));
    await page.getByRole('radio', { name: 'Allow public access from all networks' }).check();
    await page.getByRole('link', { name: 'Properties' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect(dialog).toContainText('kv-contoso-cmk | Networking');
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(page.getByRole('radio', { name: 'Allow public access from all networks' })).toBeChecked();
    await page.getByRole('link', { name: 'Properties' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Leave and discard changes' }).click();
    await expect(page.getByRole('heading', { name: 'kv-contoso-cmk | Properties' })).toBeVisible();
  });
});
