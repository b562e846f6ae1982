import type { Page } from '@playwright/test';
import { contoso, deepLink, expect } from './fixtures';
import { keyVaultCall, keyVersions, readArm } from './twin';
import { kv, type ChangeCase } from './change-case';

/**
 * Key lifecycle writes (through the gateway to Key Vault's data plane, and ARM for Generate and moving a bot) and
 * sending a vault's audit log to a workspace. Fewer faults per case than the settings cases: the retry rules are
 * the client's and are already proven there; what these prove is that each new write keeps the user's input and
 * never claims a change Key Vault did not make. A POST (a new version) is not repeated after a 503.
 */
const keyLink = (name: string) => deepLink(contoso.vaultId, `keys/${name}`);
const vaultHost = 'https://kv-contoso-cmk.vault.azure.net';

async function keyProps(page: Page, name: string) {
  return readArm<{ properties: { rotationPolicy?: { lifetimeActions?: { action?: { type?: string } }[] } } }>(
    page,
    `${contoso.vaultId}/keys/${name}?api-version=${kv}`,
  );
}

const botKeyUrl = async (page: Page) =>
  (
    await readArm<{ properties: { cmekKeyVaultUrl?: string } }>(
      page,
      `${contoso.botId}?api-version=2022-09-15`,
    )
  ).body.properties.cmekKeyVaultUrl ?? '';

const versionRow = async (page: Page, key: string) => {
  const [only] = await keyVersions(page, contoso.vaultId, key);
  return page.getByRole('button', { name: `Disable version ${only!.name}` });
};

export const keyCases: ChangeCase[] = [
  {
    name: 'disable a key version',
    scenario: 'ready',
    link: keyLink('expiring-soon'),
    write: { method: 'PATCH', pathIncludes: '/keys/expiring-soon/' },
    faults: ['throttle', 'error503', 'drop'],
    async enter(page) {
      await expect(page.getByRole('table', { name: 'Versions' })).toBeVisible();
    },
    submit: async (page) => (await versionRow(page, 'expiring-soon')).click(),
    // Nothing typed: the version is still shown enabled, its action still offered.
    kept: async (page) => expect(await versionRow(page, 'expiring-soon')).toBeEnabled(),
    applied: async (page) =>
      (await keyVersions(page, contoso.vaultId, 'expiring-soon'))[0]!.enabled === false,
    busy: (page) => page.getByRole('button', { name: 'New version' }),
    done: 'Disabled a version of expiring-soon',
    failed: 'Could not disable a version of expiring-soon',
  },
  {
    name: 'create a new key version',
    scenario: 'ready',
    link: keyLink('expiring-soon'),
    write: { method: 'POST', pathIncludes: '/keys/expiring-soon/create' },
    faults: ['error503', 'error500', 'latency'],
    async enter(page) {
      await page.getByRole('button', { name: 'New version' }).click();
      const dialog = page.getByRole('dialog', { name: 'New version of expiring-soon' });
      await dialog.getByRole('combobox', { name: 'RSA key size' }).click();
      await page.getByRole('option', { name: 'RSA 4096' }).click();
    },
    submit: (page) =>
      page
        .getByRole('dialog', { name: 'New version of expiring-soon' })
        .getByRole('button', { name: 'Create version' })
        .click(),
    kept: (page) =>
      expect(
        page.getByRole('dialog', { name: 'New version of expiring-soon' }).getByRole('combobox'),
      ).toHaveText('RSA 4096'),
    applied: async (page) => (await keyVersions(page, contoso.vaultId, 'expiring-soon')).length === 2,
    busy: (page) =>
      page
        .getByRole('dialog', { name: 'New version of expiring-soon' })
        .getByRole('button', { name: /^(Create version|Working…)$/ }),
    done: 'Created a new version of expiring-soon',
    failed: 'Could not create a new version of expiring-soon',
  },
  {
    name: 'save a rotation policy',
    scenario: 'ready',
    link: keyLink('expiring-soon'),
    write: { method: 'PUT', pathIncludes: '/keys/expiring-soon/rotationpolicy' },
    faults: ['error500', 'latency'],
    async enter(page) {
      await page.getByRole('button', { name: 'Rotation policy' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rotation policy of expiring-soon' });
      await dialog.getByRole('radio', { name: 'A number of days after each version is created' }).check();
      await dialog.getByRole('textbox', { name: 'Rotate after (days)' }).fill('90');
    },
    submit: (page) =>
      page
        .getByRole('dialog', { name: 'Rotation policy of expiring-soon' })
        .getByRole('button', { name: 'Save policy' })
        .click(),
    kept: (page) =>
      expect(
        page
          .getByRole('dialog', { name: 'Rotation policy of expiring-soon' })
          .getByRole('textbox', { name: 'Rotate after (days)' }),
      ).toHaveValue('90'),
    applied: async (page) =>
      ((await keyProps(page, 'expiring-soon')).body.properties.rotationPolicy?.lifetimeActions ?? []).some(
        (a) => a.action?.type?.toLowerCase() === 'rotate',
      ),
    busy: (page) =>
      page
        .getByRole('dialog', { name: 'Rotation policy of expiring-soon' })
        .getByRole('button', { name: /^(Save policy|Working…)$/ }),
    done: 'Saved the rotation policy of expiring-soon',
    failed: 'Could not save the rotation policy of expiring-soon',
  },
  {
    name: 'delete a key',
    scenario: 'ready',
    link: keyLink('old-expired'),
    write: { method: 'DELETE', pathIncludes: '/keys/old-expired' },
    faults: ['error500', 'drop'],
    async enter(page) {
      await expect(page.getByRole('table', { name: 'Versions' })).toBeVisible();
    },
    async submit(page) {
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page
        .getByRole('alertdialog', { name: 'Delete this key?' })
        .getByRole('button', { name: 'Delete', exact: true })
        .click();
    },
    kept: (page) => expect(page.getByRole('table', { name: 'Versions' })).toBeVisible(),
    applied: async (page) => (await keyProps(page, 'old-expired')).status === 404,
    busy: (page) => page.getByRole('button', { name: 'Delete', exact: true }),
    done: 'Deleted old-expired',
    failed: 'Could not delete old-expired',
  },
  {
    name: 'generate a key',
    scenario: 'ready',
    link: deepLink(contoso.vaultId, 'keys'),
    write: { method: 'PUT', pathIncludes: '/keys/bot-cmk-key-2027' },
    faults: ['error500', 'error503'],
    async enter(page) {
      await page.getByRole('button', { name: 'Generate' }).click();
      await page
        .getByRole('dialog', { name: 'Generate a key' })
        .getByRole('textbox', { name: 'Name' })
        .fill('bot-cmk-key-2027');
    },
    submit: (page) =>
      page
        .getByRole('dialog', { name: 'Generate a key' })
        .getByRole('button', { name: 'Generate', exact: true })
        .click(),
    kept: (page) =>
      expect(
        page.getByRole('dialog', { name: 'Generate a key' }).getByRole('textbox', { name: 'Name' }),
      ).toHaveValue('bot-cmk-key-2027'),
    applied: async (page) => (await keyProps(page, 'bot-cmk-key-2027')).status === 200,
    busy: (page) =>
      page
        .getByRole('dialog', { name: 'Generate a key' })
        .getByRole('button', { name: /^(Generate|Generating…)$/ }),
    done: 'Generated key bot-cmk-key-2027',
    failed: 'Could not generate key bot-cmk-key-2027',
  },
  {
    name: 'move a bot to the newer key version',
    scenario: 'encrypted',
    link: keyLink('bot-cmk-key'),
    write: { method: 'PATCH', pathIncludes: '/botServices/contoso-support-bot' },
    faults: ['error500', 'drop'],
    async enter(page) {
      // A colleague rotated the key from a shell; the blade learns of the new version on Refresh.
      expect(
        await keyVaultCall(page, 'POST', `${vaultHost}/keys/bot-cmk-key/rotate?api-version=2025-07-01`),
      ).toBe(200);
      await page.getByRole('button', { name: 'Refresh' }).click();
    },
    async submit(page) {
      await page.getByRole('button', { name: 'Move contoso-support-bot to the newer version' }).click();
      await page
        .getByRole('alertdialog', { name: 'Move the bot to the newer version?' })
        .getByRole('button', { name: 'Move' })
        .click();
    },
    kept: (page) =>
      expect(
        page.getByRole('button', { name: 'Move contoso-support-bot to the newer version' }),
      ).toBeEnabled(),
    applied: async (page) => {
      const newest = (await keyVersions(page, contoso.vaultId, 'bot-cmk-key')).at(-1)!.name;
      return (await botKeyUrl(page)).includes(newest);
    },
    busy: (page) => page.getByRole('button', { name: 'Move contoso-support-bot to the newer version' }),
    done: 'Moved contoso-support-bot to the newer version of bot-cmk-key',
    failed: 'Could not move contoso-support-bot to the new version',
  },
  {
    name: 'send a vault’s audit log to a workspace',
    scenario: 'ready',
    link: deepLink(contoso.vaultId, 'keyusage'),
    write: { method: 'PUT', pathIncludes: '/diagnosticSettings/' },
    faults: ['error500', 'throttle'],
    async enter(page) {
      await page.getByRole('button', { name: 'Send the audit log to a workspace…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Keep the audit log of kv-contoso-cmk' });
      await dialog.getByRole('combobox', { name: /Log Analytics workspace/ }).click();
      await page.getByRole('option', { name: /^log-contoso-security/ }).click();
    },
    submit: (page) =>
      page
        .getByRole('dialog', { name: 'Keep the audit log of kv-contoso-cmk' })
        .getByRole('button', { name: 'Send the audit log' })
        .click(),
    kept: (page) =>
      expect(
        page
          .getByRole('dialog', { name: 'Keep the audit log of kv-contoso-cmk' })
          .getByRole('combobox', { name: /Log Analytics workspace/ }),
      ).toHaveText(/log-contoso-security/),
    applied: async (page) =>
      (
        await readArm<{ value: unknown[] }>(
          page,
          `${contoso.vaultId}/providers/Microsoft.Insights/diagnosticSettings?api-version=2021-05-01-preview`,
        )
      ).body.value.length > 0,
    busy: (page) =>
      page
        .getByRole('dialog', { name: 'Keep the audit log of kv-contoso-cmk' })
        .getByRole('button', { name: 'Send the audit log' }),
    done: 'Saved diagnostic setting keyguard-audit of kv-contoso-cmk',
    failed: 'Could not save diagnostic setting keyguard-audit of kv-contoso-cmk',
  },
];
