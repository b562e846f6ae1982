import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

export const contoso = {
  tenant: 'contoso.onmicrosoft.com',
  botId:
    '/subscriptions/8f2c1a3e-5b7d-4e9f-a1c3-2d4e6f8a0b1c/resourceGroups/rg-bots-prod/providers/Microsoft.BotService/botServices/contoso-support-bot',
  vaultId:
    '/subscriptions/1b3d5f7a-9c2e-4b6d-8f0a-3c5e7a9b1d2f/resourceGroups/rg-security-keys/providers/Microsoft.KeyVault/vaults/kv-contoso-cmk',
  keysSubId: '/subscriptions/1b3d5f7a-9c2e-4b6d-8f0a-3c5e7a9b1d2f',
};

export function deepLink(resourceId: string, blade?: string): string {
  return `#@${contoso.tenant}/resource${resourceId}${blade ? `/${blade}` : ''}`;
}

/** Opens the demo on a scenario (a fresh browser context always starts from the seed). */
export async function openDemo(page: Page, scenario: string, hash = '', speed?: number): Promise<void> {
  const params = new URLSearchParams({ scenario });
  if (speed) params.set('speed', String(speed));
  await page.goto(`/?${params.toString()}${hash}`);
  await expect(page.getByText('Demo mode: simulated data')).toBeVisible();
}

/**
 * Waits until nothing on the page is moving: toasts, dialogs and panes fade and slide in, and axe measuring contrast
 * mid-fade reports colours the user never sees at rest (1.14:1 on a half-faded toast). Endless animations (spinners)
 * do not count.
 */
export async function untilStill(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) =>
          a.playState === 'finished' ||
          a.playState === 'idle' ||
          a.playState === 'paused' ||
          a.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  await untilStill(page);
  let results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  // Something may have started moving during the scan (a notification arriving): a page at rest is checked again.
  // A real violation is there both times.
  if (results.violations.length > 0) {
    await untilStill(page);
    results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  }
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary?.slice(0, 160) ?? ''}`)
        .slice(0, 3)
        .join(' | ')})`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await use(errors);
  },
});

export { expect };
