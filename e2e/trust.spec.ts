import type { Page } from '@playwright/test';
import { contoso, deepLink, expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';
import { armFault, cmekPrincipalId, countRequests, readArm } from './support/twin';

interface Policy {
  objectId: string;
  permissions: { keys?: string[] };
}
const policies = async (page: Page) =>
  (
    await readArm<{ properties: { accessPolicies: Policy[] } }>(
      page,
      `${contoso.vaultId}?api-version=2025-05-01`,
    )
  ).body.properties.accessPolicies;
const check = (page: Page, label: RegExp) =>
  page.getByRole('list', { name: 'Readiness checks' }).getByRole('listitem', { name: label });

test.describe('only Microsoft’s Bot Service CMEK Prod is ever granted', () => {
  test('fresh: a lookalike holding the permissions is flagged, not counted, and the fix grants Microsoft’s principal', async ({
    page,
  }) => {
    await openDemo(page, 'fresh', deepLink(contoso.botId, 'cmkreadiness'));
    await page
      .getByRole('textbox', { name: 'Key URL to check' })
      .fill(
        (
          await readArm<{ properties: { keyUriWithVersion: string } }>(
            page,
            `${contoso.vaultId}/keys/bot-cmk-key?api-version=2025-05-01`,
          )
        ).body.properties.keyUriWithVersion.replace(':443', ''),
      );
    const permissions = check(page, /^Bot Service CMEK Prod may/);
    await expect(permissions).toHaveAccessibleName(/Failed$/);
    await expect(permissions).toContainText('Only a lookalike holds this access');
    const lookalike = (await policies(page)).find((p) => p.permissions.keys?.includes('wrapKey'))!;
    const before = await policies(page);

    await permissions.getByRole('button', { name: 'Add the access policy' }).click();
    await expect(permissions).toHaveAccessibleName(/Passed$/, { timeout: 20_000 });
    const genuine = await cmekPrincipalId(page);
    expect(genuine).not.toBe(lookalike.objectId);
    const after = await policies(page);
    expect(after).toEqual([
      ...before,
      expect.objectContaining({ objectId: genuine, permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] } }),
    ]);

    await page.goto(`/${deepLink(contoso.vaultId, 'accesspolicies')}`);
    const table = page.getByRole('table', { name: 'Access policies' });
    const fakeRow = table.getByRole('row').filter({ hasText: 'Lookalike' });
    await expect(fakeRow).toHaveCount(1);
    await expect(fakeRow).toContainText('is not Microsoft’s Bot Service CMEK Prod application');
    await expect(
      table
        .getByRole('row')
        .filter({ hasText: 'Microsoft’s Bot Service CMEK Prod', hasNotText: 'Lookalike' }),
    ).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test('the wizard shows a lookalike found by name, and offers it neither as principal nor as application', async ({
    page,
  }) => {
    await openDemo(page, 'ready', deepLink(contoso.vaultId, 'accesspolicies/create'));
    await page.getByRole('combobox', { name: 'Configure from a template' }).click();
    await page.getByRole('option', { name: 'Bot Service CMEK (Get, Wrap Key, Unwrap Key)' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('searchbox', { name: 'Search principals' }).fill('Bot Service CMEK');
    const lookalike = /^Bot Service CMEK Prod \(Application\) Lookalike/;
    await expect(page.getByRole('radio', { name: lookalike })).toBeDisabled();
    await expect(page.getByRole('group', { name: 'Search results' })).toContainText(
      'Not offered: Keyguard gives a lookalike nothing.',
    );
    await expect(
      page.getByRole('radio', { name: /^Bot Service CMEK Prod \(Application\) Microsoft’s/ }),
    ).toBeEnabled();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('searchbox', { name: 'Search applications' }).fill('Bot Service CMEK');
    await expect(page.getByRole('radio', { name: lookalike })).toBeDisabled();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Select a principal.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create', exact: true })).toBeDisabled();
  });

  test('no-principal: readiness creates Microsoft’s principal, then grants it', async ({ page }) => {
    await openDemo(page, 'no-principal', deepLink(contoso.botId, 'encryption'));
    await page.getByRole('radio', { name: 'Customer-Managed Keys' }).check();
    const key = (
      await readArm<{ properties: { keyUriWithVersion: string } }>(
        page,
        `${contoso.vaultId}/keys/bot-cmk-key?api-version=2025-05-01`,
      )
    ).body.properties.keyUriWithVersion.replace(':443', '');
    await page.getByRole('textbox', { name: /Key URL/ }).fill(key);
    const permissions = check(page, /^Bot Service CMEK Prod may/);
    await expect(permissions).toContainText('This directory has no service principal');
    await permissions.getByRole('button', { name: 'Show as code' }).click();
    await expect(permissions.getByLabel('Create the service principal, as code: Azure CLI')).toHaveText(
      'az ad sp create --id 27a762be-14e7-4f92-899c-151877d6d497',
    );
    await permissions.getByRole('button', { name: 'Create the service principal' }).click();
    await permissions.getByRole('button', { name: 'Add the access policy' }).click();
    await expect(permissions).toHaveAccessibleName(/Passed$/, { timeout: 20_000 });
    expect((await policies(page)).map((p) => p.objectId)).toContain(await cmekPrincipalId(page));
  });
});

test.describe('the revoke guard fails closed when Microsoft Graph cannot say who an entry is', () => {
  for (const [how, kind] of [
    ['refuses (403)', 'error403'],
    ['fails (503)', 'error503'],
    ['has not answered yet', 'hold'],
  ] as const) {
    test(`Graph ${how}: deleting Bot Service CMEK Prod’s entry names the bot, and nothing is sent until confirmed`, async ({
      page,
    }) => {
      await openDemo(page, 'encrypted', '#home');
      const cmekId = await cmekPrincipalId(page);
      await armFault(page, { kind, pathIncludes: '/v1.0/', count: 1000 });
      const removes = countRequests(page, 'PUT', '/accessPolicies/remove');
      // In-app navigation: a reload would start a new twin without the armed fault.
      await page.evaluate(
        (hash) => (window.location.hash = hash),
        deepLink(contoso.vaultId, 'accesspolicies'),
      );
      const table = page.getByRole('table', { name: 'Access policies' });
      await expect(table).toContainText(kind === 'hold' ? 'NOT NAMED YET' : 'could not be looked up');
      const cmek = (await policies(page)).find((p) => p.objectId === cmekId)!;
      await table.getByRole('checkbox', { name: `Select ${cmek.objectId}` }).check();
      await page.getByRole('button', { name: 'Delete' }).click();
      const guard = page.getByRole('alertdialog', { name: 'Bots may stop working' });
      await expect(guard).toContainText(`Keyguard could not confirm who ${cmek.objectId} belongs to`);
      await expect(guard).toContainText('if it is Azure Bot Service, these bots stop');
      await expect(guard.getByRole('list', { name: 'Bots that would stop' })).toContainText(
        'contoso-support-bot',
      );
      await expectNoAxeViolations(page);
      await expect(guard.getByRole('button', { name: 'Delete anyway' })).toBeDisabled();
      expect(removes()).toBe(0);
      expect((await policies(page)).map((p) => p.objectId)).toContain(cmek.objectId);
      await guard
        .getByRole('textbox', { name: /Type “kv-contoso-cmk” to go ahead anyway/ })
        .fill('kv-contoso-cmk');
      await guard.getByRole('button', { name: 'Delete anyway' }).click();
      await expect
        .poll(async () => (await policies(page)).map((p) => p.objectId))
        .not.toContain(cmek.objectId);
      expect(removes()).toBe(1);
    });
  }
});
