import { blades } from './support/blades';
import { deepLink, expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';

for (const theme of ['Light', 'Dark', 'High contrast']) {
  test(`axe finds nothing on every blade in the ${theme} theme`, async ({ page }) => {
    test.slow(); // twenty-one blades, each loaded fresh and scanned
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
