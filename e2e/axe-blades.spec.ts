import { blades } from './support/blades';
import { deepLink, expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';

// Blades of one scenario one after another: between them only the address's fragment changes, so the console moves
// to the next blade as it does when an admin follows a link, instead of loading the demo again (a third of the time).
const byScenario = [...blades].sort((a, b) => a[0].localeCompare(b[0]));

for (const theme of ['Light', 'Dark', 'High contrast']) {
  test(`axe finds nothing on every blade in the ${theme} theme`, async ({ page }) => {
    test.slow(); // twenty-one blades, each scanned
    await openDemo(page, 'fresh');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('menuitemradio', { name: theme }).click();
    for (const [scenario, id, blade, heading] of byScenario) {
      await openDemo(page, scenario, deepLink(id, blade));
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });
}
