import type { Locator, Page } from '@playwright/test';
import { blades } from './support/blades';
import {
  contoso,
  deepLink,
  expect,
  expectNoAxeViolations,
  openDemo,
  test,
  untilStill,
} from './support/fixtures';

/** WCAG 2.1 AA by hand: keyboard only, focus into and back from every pane and dialog, announcements, 200 % zoom. */

/** Presses Tab (or Shift+Tab) until the target has focus: the way a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, backwards = false, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached by ${backwards ? 'Shift+Tab' : 'Tab'}`).toBeFocused();
}

/** Moves a listbox's active option with the arrow keys until it is the wanted one, then selects it with Enter. */
async function chooseInListbox(page: Page, listbox: Locator, option: RegExp, max = 30): Promise<void> {
  await listbox.focus();
  for (let i = 0; i < max; i++) {
    const activeId = await listbox.getAttribute('aria-activedescendant');
    const active = activeId ? listbox.locator(`[id="${activeId}"]`) : undefined;
    if (active && option.test((await active.textContent()) ?? '')) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`option ${option} not reached with the arrow keys`);
}

const focusIsInside = (container: Locator) => container.evaluate((el) => el.contains(document.activeElement));

test.describe('accessibility', () => {
  test('the whole CMK journey by keyboard alone', async ({ page }) => {
    await openDemo(page, 'ready', deepLink(contoso.botId), 20_000);
    await expect(page.getByRole('heading', { name: 'contoso-support-bot | Overview' })).toBeVisible();

    // Resource menu: Ctrl+/ searches it, Tab reaches the blade.
    await page.keyboard.press('Control+/');
    await expect(page.getByRole('searchbox', { name: 'Search the resource menu (Ctrl+/)' })).toBeFocused();
    await page.keyboard.type('Encryption');
    const link = page
      .getByRole('navigation', { name: 'Resource menu' })
      .getByRole('link', { name: 'Encryption' });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'contoso-support-bot | Encryption' })).toBeVisible();

    // Encryption type by arrow keys.
    await tabTo(page, page.getByRole('radio', { name: 'Microsoft-Managed Keys' }));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Customer-Managed Keys' })).toBeChecked();

    // The key picker: focus moves into it; everything is chosen with Tab, arrows and Enter.
    const open = page.getByRole('button', { name: 'Select a key vault and a key' });
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const pane = page.getByRole('dialog', { name: 'Select a key vault and a key' });
    await expect(pane).toBeVisible();
    await expect.poll(() => focusIsInside(pane)).toBe(true);
    const subscription = pane.getByRole('combobox', { name: 'Subscription' });
    await tabTo(page, subscription);
    await page.keyboard.press('Enter');
    for (let i = 0; i < 10; i++) {
      const active = page.getByRole('option', { name: 'Contoso Security' });
      if ((await active.getAttribute('data-activedescendant-focusvisible')) !== null) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect(subscription).toHaveText(/Contoso Security/);
    await chooseInListbox(page, pane.getByRole('listbox', { name: 'Key vaults' }), /^kv-contoso-cmk(?!-)/);
    await chooseInListbox(page, pane.getByRole('listbox', { name: 'Keys' }), /^bot-cmk-key(?!-)/);
    await chooseInListbox(page, pane.getByRole('listbox', { name: 'Versions, newest first' }), /./);
    await tabTo(page, pane.getByRole('button', { name: 'Select', exact: true }));
    await page.keyboard.press('Enter');
    await expect(pane).toBeHidden();
    await expect(open).toBeFocused();
    await expect(page.getByRole('textbox', { name: /Key URL/ })).toHaveValue(/\/keys\/bot-cmk-key\//);

    // Save, confirm in the dialog, and Azure starts encrypting.
    // The command bar is a toolbar: Tab enters it once, the arrow keys (and Home) move inside it.
    const commandBar = page.getByRole('toolbar', { name: 'Command bar' });
    for (let i = 0; i < 60 && !(await focusIsInside(commandBar)); i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Home');
    const save = commandBar.getByRole('button', { name: 'Save', exact: true });
    await expect(save).toBeFocused();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Save encryption settings?' });
    await expect(confirm).toBeVisible();
    await expect.poll(() => focusIsInside(confirm)).toBe(true);
    await tabTo(page, confirm.getByRole('button', { name: 'Save', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Encryption Status' })).toHaveValue(
      /Encrypting|Encrypted/,
    );
  });

  test('focus moves into each pane and dialog and returns to what opened it', async ({ page }) => {
    await openDemo(page, 'fresh', deepLink(contoso.vaultId, 'properties'));
    await expect(page.getByRole('heading', { name: 'kv-contoso-cmk | Properties' })).toBeVisible();

    const cases: { opener: Locator; surface: Locator; close: () => Promise<void> }[] = [
      {
        opener: page.getByRole('button', { name: /^Notifications/ }),
        surface: page.getByRole('dialog', { name: 'Notifications' }),
        close: () => page.keyboard.press('Escape'),
      },
      {
        opener: page.getByRole('button', { name: 'Directories + subscriptions' }),
        surface: page.getByRole('dialog', { name: 'Directories + subscriptions' }),
        close: () => page.keyboard.press('Escape'),
      },
      {
        opener: page.getByRole('button', { name: 'Demo panel' }),
        surface: page.getByRole('dialog', { name: /Demo panel/ }),
        close: () => page.keyboard.press('Escape'),
      },
      {
        opener: page.getByRole('button', { name: 'Settings' }),
        surface: page.getByRole('menu'),
        close: () => page.keyboard.press('Escape'),
      },
    ];
    for (const c of cases) {
      await c.opener.focus();
      await page.keyboard.press('Enter');
      await expect(c.surface).toBeVisible();
      await expect.poll(() => focusIsInside(c.surface)).toBe(true);
      await c.close();
      await expect(c.surface).toBeHidden();
      await expect(c.opener).toBeFocused();
    }

    // A confirmation dialog: Cancel by keyboard puts focus back on Save.
    await page.getByRole('radio', { name: /^Enable purge protection/ }).check();
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Turn on purge protection for kv-contoso-cmk?' });
    await expect.poll(() => focusIsInside(confirm)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(save).toBeFocused();
  });

  test('notifications and validation messages are announced through live regions', async ({ page }) => {
    await openDemo(page, 'fresh', deepLink(contoso.vaultId, 'networking'));
    const rule = page.getByRole('textbox', { name: 'IPv4 address or CIDR' });
    await rule.fill('10.0.0.1');
    await page.getByRole('button', { name: 'Add rule' }).click();
    // The field's message is an alert (announced at once) and describes the field.
    await expect(page.getByRole('alert')).toContainText('private range');
    await expect(rule).toHaveAccessibleDescription(/private range/);
    await rule.fill('');

    await page.getByRole('button', { name: 'Allow trusted Microsoft services' }).click();
    const live = page.getByRole('region', { name: 'Notification toasts' }).locator('[aria-live]');
    await expect(live.filter({ hasText: 'Saved networking of kv-contoso-cmk' }).first()).toBeAttached();

    // While a modal pane is open, the toast region stays outside aria-hidden so it is still announced.
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const hub = page.getByRole('dialog', { name: 'Notifications' });
    await expect(hub).toBeVisible();
    await expect.poll(() => focusIsInside(hub)).toBe(true);
    const hidden = await page
      .getByRole('region', { name: 'Notification toasts' })
      .evaluate((el) => el.closest('[aria-hidden="true"]') !== null);
    expect(hidden).toBe(false);

    // Result counts are status messages. Escape once the pane has finished sliding in (pressed mid-way, on a loaded
    // machine, it once left the pane open).
    await untilStill(page);
    await page.keyboard.press('Escape');
    await expect(hub).toBeHidden();
    await page.getByRole('link', { name: 'Access policies' }).click();
    await page.getByRole('searchbox', { name: 'Search access policies' }).fill('Avery');
    await expect(page.getByRole('status').filter({ hasText: /of 4 records/ })).toContainText(
      'Showing 1 to 1',
    );
  });

  test('at 200 % zoom every blade reflows without sideways scrolling and stays usable', async ({ page }) => {
    // 200 % zoom of a 1280 × 800 window leaves a 640 × 400 CSS viewport.
    await page.setViewportSize({ width: 640, height: 400 });
    for (const [scenario, id, blade, heading] of blades) {
      await openDemo(page, scenario, deepLink(id, blade));
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${heading}: horizontal scrolling needed`).toBeLessThanOrEqual(0);
    }
    await expectNoAxeViolations(page);

    // The key picker and the resource menu still work in the narrow window.
    await openDemo(page, 'ready', deepLink(contoso.botId, 'encryption'));
    await page.getByRole('radio', { name: 'Customer-Managed Keys' }).check();
    await page.getByRole('button', { name: 'Select a key vault and a key' }).click();
    const pane = page.getByRole('dialog', { name: 'Select a key vault and a key' });
    await expect(pane.getByRole('combobox', { name: 'Subscription' })).toBeInViewport();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Leave and discard changes' }).click();
    await expect(page.getByRole('heading', { name: 'contoso-support-bot | Overview' })).toBeVisible();
  });
});
