import { contoso, deepLink, expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';

const blades: [string, string, string, string][] = [
  ['encrypted', contoso.botId, 'encryption', 'contoso-support-bot | Encryption'],
  ['encrypted', contoso.botId, 'cmkreadiness', 'contoso-support-bot | CMK readiness'],
  ['fresh', contoso.vaultId, 'properties', 'kv-contoso-cmk | Properties'],
  ['fresh', contoso.vaultId, 'networking', 'kv-contoso-cmk | Networking'],
  ['fresh', contoso.vaultId, 'accesspolicies', 'kv-contoso-cmk | Access policies'],
  ['rbac', contoso.vaultId, 'iam', 'kv-contoso-cmk | Access control (IAM)'],
  ['fresh', contoso.keysSubId, 'resourceproviders', 'Contoso Security | Resource providers'],
];

for (const theme of ['Light', 'Dark', 'High contrast']) {
  test(`axe finds nothing on every blade in the ${theme} theme`, async ({ page }) => {
    await openDemo(page, 'fresh');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('menuitemradio', { name: theme }).click();
    for (const [scenario, id, blade, heading] of blades) {
      await openDemo(page, scenario, deepLink(id, blade));
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });
}
