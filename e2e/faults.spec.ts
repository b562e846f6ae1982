import type { Page } from '@playwright/test';
import type { FaultKind } from '../src/mocks/shared/faults';
import { expect, openDemo, test } from './support/fixtures';
import { armFault, countRequests } from './support/twin';
import { accessCases } from './support/cases-access';
import { keyCases } from './support/cases-keys';
import { settingsCases } from './support/cases-settings';
import { speed, toasts, type ChangeCase } from './support/change-case';

/**
 * Every change the console can make, under every fault the twin can inject. Each case proves the same four things:
 * what the user entered is still there, no success is claimed unless Azure's state really changed, the notification
 * says what happened, and doing it again works.
 */

const cases: ChangeCase[] = [...settingsCases, ...accessCases, ...keyCases];

function expectedOutcome(fault: FaultKind, c: ChangeCase): 'succeeds' | 'fails' | 'slow' | 'meanwhile' {
  switch (fault) {
    case 'throttle':
      return 'succeeds'; // ARM throttles before it executes anything: waiting Retry-After and going again is safe.
    case 'error503':
      // A 503 with Retry-After is repeated for idempotent writes only (src/arm/retry-policy.ts): a POST such as
      // Key Vault's CreateKey may have run before the 503, and a second one would make another version.
      return c.write.method === 'POST' ? 'fails' : 'succeeds';
    case 'latency':
      return 'slow';
    case 'concurrent':
      return 'meanwhile';
    default:
      return 'fails';
  }
}

async function expectDone(page: Page, c: ChangeCase) {
  await expect(toasts(page).getByText(c.done, { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => c.applied(page)).toBe(true);
}

for (const c of cases) {
  test.describe(c.name, () => {
    for (const fault of c.faults) {
      test(`${fault}`, async ({ page }) => {
        await openDemo(page, c.scenario, c.link, speed);
        await c.enter(page);
        const outcome = expectedOutcome(fault, c);
        const writes = countRequests(page, c.write.method, c.write.pathIncludes);

        if (outcome === 'meanwhile') {
          const m = c.meanwhile!;
          expect(await m.run(page)).toBeLessThan(300);
          await c.submit(page);
          if (m.conflict) {
            await expect(page.getByText('This resource changed since you started editing')).toBeVisible();
            await expect(page.getByText(m.conflict).first()).toBeVisible();
            await expect(toasts(page).getByText(c.failed, { exact: true })).toBeVisible();
            expect(writes()).toBe(0);
            expect(await c.applied(page)).toBe(false);
            await c.kept(page);
            await page.getByRole('button', { name: 'Keep my edits' }).click();
            await c.kept(page);
            await c.submit(page);
          }
          await expectDone(page, c);
          expect(await m.survives(page)).toBe(true);
          return;
        }

        await armFault(page, {
          kind: fault,
          method: c.write.method,
          pathIncludes: c.write.pathIncludes,
          retryAfterSeconds: 1,
          latencyMs: 1500,
        });
        await c.submit(page);

        if (outcome === 'slow') {
          await expect(c.busy(page)).toBeDisabled();
          await expectDone(page, c);
          expect(writes()).toBe(1);
          return;
        }
        if (outcome === 'succeeds') {
          await expectDone(page, c);
          expect(writes()).toBe(2);
          return;
        }
        await expect(toasts(page).getByText(c.failed, { exact: true })).toBeVisible({ timeout: 20_000 });
        await expect(toasts(page).getByText(c.done, { exact: true })).toHaveCount(0);
        expect(await c.applied(page)).toBe(false);
        expect(writes()).toBe(1);
        if (fault === 'drop') {
          await expect(toasts(page)).toContainText('not known whether the change was made');
        }
        await c.kept(page);
        await c.submit(page);
        await expectDone(page, c);
      });
    }
  });
}
