import { contoso, deepLink, expect, expectNoAxeViolations, openDemo, test } from './support/fixtures';

test.describe('portal shell (demo mode)', () => {
  test('search for a bot, open it, move between blades by menu and deep link, reload', async ({ page }) => {
    await openDemo(page, 'fresh');
    await expect(page.getByRole('heading', { name: 'All resources' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'contoso-support-bot' })).toBeVisible();

    // G then / focuses the global search (once it has loaded, right after the page's content).
    const search = page.getByRole('combobox', { name: 'Search resources (G then /)' });
    await expect(search).toBeVisible();
    await page.locator('body').press('g');
    await page.locator('body').press('/');
    await expect(search).toBeFocused();
    await search.fill('support');
    await page.getByRole('option', { name: /contoso-support-bot/ }).click();

    await expect(page.getByRole('heading', { name: 'contoso-support-bot | Overview' })).toBeVisible();
    await expect(page.getByText('Azure Bot', { exact: true })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Home');

    // Menu search (Ctrl+/) and a blade by menu.
    await page.keyboard.press('Control+/');
    await expect(page.getByRole('searchbox', { name: /Search the resource menu/ })).toBeFocused();
    await page.keyboard.type('web chat');
    await page.getByRole('link', { name: 'Test in Web Chat' }).click();
    await expect(page.getByRole('heading', { name: 'contoso-support-bot | Test in Web Chat' })).toBeVisible();

    // Deep link straight to a blade, then reload on it.
    await page.goto(`/${deepLink(contoso.vaultId)}`);
    await expect(page.getByRole('heading', { name: 'kv-contoso-cmk | Overview' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'kv-contoso-cmk | Overview' })).toBeVisible();
    await expect(page.getByText('https://kv-contoso-cmk.vault.azure.net/')).toBeVisible();

    // Back to Home by the breadcrumb.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('heading', { name: 'All resources' })).toBeVisible();
  });

  for (const width of [1280, 640]) {
    test(`the demo banner is there from the first frame that shows content: nothing moves under the pointer (${width} px)`, async ({
      page,
    }) => {
      // 640 px is a 1280 px window at 200 % zoom: the top bar wraps, and its search and buttons come a moment later.
      await page.setViewportSize({ width, height: 800 });
      // Each frame, note where the page's heading sits the first time it is drawn, and whether the banner was there.
      await page.addInitScript(() => {
        const w = window as unknown as { __firstContent?: { banner: boolean; top: number } };
        const watch = () => {
          const heading = [...document.querySelectorAll('h1')].find((h) => h.textContent === 'All resources');
          if (heading && !w.__firstContent) {
            w.__firstContent = {
              banner: document.body.textContent?.includes('Demo mode: simulated data') ?? false,
              top: heading.getBoundingClientRect().top,
            };
          }
          if (!w.__firstContent) requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      });
      await openDemo(page, 'fresh');
      const first = await page.evaluate(
        () => (window as unknown as { __firstContent?: { banner: boolean; top: number } }).__firstContent,
      );
      expect(first?.banner).toBe(true);
      // The top bar's search and buttons load after the content: their place was kept.
      await expect(page.getByRole('combobox', { name: /^Search resources/ })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Notifications' })).toBeVisible();
      const now = await page.getByRole('heading', { name: 'All resources' }).boundingBox();
      expect(now?.y).toBe(first?.top);
    });
  }

  test('home filter and an unknown link say what they did', async ({ page }) => {
    await openDemo(page, 'fresh');
    await page.getByRole('searchbox', { name: 'Filter resources by name' }).fill('kv-');
    await expect(page.getByText('Showing 4 of 10 records.')).toBeVisible();
    await page.goto(
      '/#@contoso.onmicrosoft.com/resource/subscriptions/x/resourceGroups/y/providers/Microsoft.Web/sites/z',
    );
    await expect(page.getByText('Page not found')).toBeVisible();
  });

  // Every resource blade is scanned in every theme by axe-blades.spec.ts; Home is not a blade, so it is scanned here.
  test('theme switch is remembered and every theme passes axe on home', async ({ page, consoleErrors }) => {
    await openDemo(page, 'fresh');
    for (const theme of ['Dark', 'High contrast', 'Light']) {
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('menuitemradio', { name: theme }).click();
      await expect(page.getByRole('heading', { name: 'All resources' })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toBeChecked();
    expect(consoleErrors).toEqual([]);
  });

  test('notifications hub and demo reset', async ({ page }) => {
    await openDemo(page, 'ready');
    await page.getByRole('button', { name: 'Notifications' }).click();
    await expect(page.getByText('No notifications in this session.')).toBeVisible();
    await page.getByRole('button', { name: 'Close notifications' }).click();
    await page.getByRole('button', { name: 'Demo panel' }).click();
    await expect(page.getByRole('dialog', { name: 'Demo panel' })).toBeVisible();
    await page.getByRole('button', { name: 'Reset demo' }).click();
    await expect(page.getByText('The demo was reset to the ready scenario.')).toBeVisible();
  });
});

test('the twin’s state survives a reload of the tab, and Reset demo restores the seed', async ({ page }) => {
  await openDemo(page, 'fresh', deepLink(contoso.vaultId, 'networking'));
  await page.getByRole('button', { name: 'Allow trusted Microsoft services' }).click();
  await expect(page.getByText('Azure Bot Service cannot reach keys in this vault')).toBeHidden();
  await page.reload();
  await expect(
    page.getByRole('checkbox', { name: 'Allow trusted Microsoft services to bypass this firewall' }),
  ).toBeChecked();
  await expect(page.getByText('Azure Bot Service cannot reach keys in this vault')).toBeHidden();
  await page.getByRole('button', { name: 'Demo panel' }).click();
  await page.getByRole('button', { name: 'Reset demo' }).click();
  await page.getByRole('button', { name: 'Close demo panel' }).click();
  await expect(page.getByText('Azure Bot Service cannot reach keys in this vault')).toBeVisible();
});

test.describe('every menu entry leads to a working blade', () => {
  for (const [scenario, id, name] of [
    ['encrypted', contoso.botId, 'contoso-support-bot'],
    ['encrypted', contoso.vaultId, 'kv-contoso-cmk'],
    ['encrypted', contoso.keysSubId, 'Contoso Security'],
  ] as const) {
    test(`${name}: each entry opens its blade, none says it is not there`, async ({
      page,
      consoleErrors,
    }) => {
      await openDemo(page, scenario, deepLink(id));
      const menu = page.getByRole('navigation', { name: 'Resource menu' });
      await expect(page.getByRole('heading', { name: `${name} | Overview` })).toBeVisible();
      const labels = await menu.getByRole('link').allTextContents();
      expect(labels.length).toBeGreaterThanOrEqual(4);
      for (const label of labels) {
        await menu.getByRole('link', { name: label, exact: true }).click();
        await expect(page.getByRole('heading', { name: `${name} | ${label}` })).toBeVisible();
        await expect(page.getByText(/not available|does not open a blade/i)).toHaveCount(0);
      }
      expect(consoleErrors).toEqual([]);
    });
  }
});
