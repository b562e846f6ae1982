import { contoso, deepLink, expect } from './fixtures';
import { otherAdmin, readArm } from './twin';
import {
  chooseKey,
  cmkChoiceKept,
  kv,
  legacyVaultId,
  saveButton,
  savingButton,
  vault,
  versionedKeyUrl,
  type ChangeCase,
} from './change-case';

/** Changes made on settings blades: the Encryption blade, Properties, Networking. */
export const settingsCases: ChangeCase[] = [
  {
    name: 'save encryption settings',
    scenario: 'ready',
    link: deepLink(contoso.botId, 'encryption'),
    write: { method: 'PATCH', pathIncludes: '/botServices/contoso-support-bot' },
    faults: ['throttle', 'error500', 'error503', 'drop', 'latency', 'concurrent'],
    enter: chooseKey,
    async submit(page) {
      await saveButton(page).click();
      await page
        .getByRole('alertdialog', { name: 'Save encryption settings?' })
        .getByRole('button', { name: /^Save/ })
        .click();
    },
    kept: cmkChoiceKept,
    async applied(page) {
      const r = await readArm<{ properties: { isCmekEnabled?: boolean; cmekKeyVaultUrl?: string } }>(
        page,
        `${contoso.botId}?api-version=2022-09-15`,
      );
      return (
        r.body.properties.isCmekEnabled === true &&
        /\/keys\/bot-cmk-key\//.test(r.body.properties.cmekKeyVaultUrl ?? '')
      );
    },
    busy: savingButton,
    done: 'Saved encryption settings of contoso-support-bot',
    failed: 'Could not save encryption settings of contoso-support-bot',
    meanwhile: {
      async run(page) {
        const path = `${contoso.botId}?api-version=2022-09-15`;
        const { body } = await readArm<{ properties: Record<string, unknown> }>(page, path);
        const { displayName, endpoint, msaAppId } = body.properties;
        return otherAdmin(page, 'PATCH', path, {
          properties: {
            displayName,
            endpoint,
            msaAppId,
            isCmekEnabled: true,
            cmekKeyVaultUrl: (await versionedKeyUrl(page, 'bot-cmk-key-2026')).replace(':443', ''),
          },
        });
      },
      conflict: /encryption type: Microsoft-Managed Keys → Customer-Managed Keys/,
      // The user saw the colleague's key and chose to keep theirs.
      survives: async () => true,
    },
  },
  {
    name: 'turn purge protection on',
    scenario: 'fresh',
    link: deepLink(contoso.vaultId, 'properties'),
    write: { method: 'PATCH', pathIncludes: '/vaults/kv-contoso-cmk' },
    faults: ['throttle', 'error500', 'error503', 'drop', 'latency', 'concurrent'],
    enter: (page) => page.getByRole('radio', { name: /^Enable purge protection/ }).check(),
    async submit(page) {
      await saveButton(page).click();
      await page
        .getByRole('alertdialog', { name: 'Turn on purge protection for kv-contoso-cmk?' })
        .getByRole('button', { name: 'Turn on purge protection' })
        .click();
    },
    kept: (page) => expect(page.getByRole('radio', { name: /^Enable purge protection/ })).toBeChecked(),
    applied: async (page) => (await vault(page)).properties.enablePurgeProtection === true,
    busy: savingButton,
    done: 'Updated kv-contoso-cmk',
    failed: 'Could not update kv-contoso-cmk',
    meanwhile: {
      // Unrelated to this blade: the PATCH carries only purge protection, so the colleague's firewall change stays.
      run: (page) =>
        otherAdmin(page, 'PATCH', `${contoso.vaultId}?api-version=${kv}`, {
          properties: { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [] } },
        }),
      survives: async (page) => (await vault(page)).properties.networkAcls?.bypass === 'AzureServices',
    },
  },
  {
    name: 'turn soft delete on',
    scenario: 'fresh',
    link: deepLink(legacyVaultId, 'properties'),
    write: { method: 'PATCH', pathIncludes: '/vaults/kv-contoso-legacy' },
    faults: ['throttle', 'error500', 'drop'],
    enter: (page) => page.getByRole('radio', { name: /^Enable recovery of this vault/ }).check(),
    submit: (page) => saveButton(page).click(),
    kept: (page) => expect(page.getByRole('radio', { name: /^Enable recovery of this vault/ })).toBeChecked(),
    applied: async (page) => (await vault(page, legacyVaultId)).properties.enableSoftDelete !== false,
    busy: savingButton,
    done: 'Updated kv-contoso-legacy',
    failed: 'Could not update kv-contoso-legacy',
  },
  {
    name: 'save networking',
    scenario: 'fresh',
    link: deepLink(contoso.vaultId, 'networking'),
    write: { method: 'PATCH', pathIncludes: '/vaults/kv-contoso-cmk' },
    faults: ['throttle', 'error500', 'error503', 'drop', 'latency', 'concurrent'],
    async enter(page) {
      await page.getByRole('textbox', { name: 'IPv4 address or CIDR' }).fill('198.51.100.7');
      await page.getByRole('button', { name: 'Add rule' }).click();
      await page
        .getByRole('checkbox', { name: 'Allow trusted Microsoft services to bypass this firewall' })
        .check();
    },
    submit: (page) => saveButton(page).click(),
    async kept(page) {
      await expect(page.getByRole('list', { name: 'IP rules' })).toContainText('198.51.100.7');
      await expect(
        page.getByRole('checkbox', { name: 'Allow trusted Microsoft services to bypass this firewall' }),
      ).toBeChecked();
    },
    applied: async (page) =>
      (await vault(page)).properties.networkAcls?.ipRules?.some((r) => r.value === '198.51.100.7') ?? false,
    busy: savingButton,
    done: 'Saved networking of kv-contoso-cmk',
    failed: 'Could not save networking of kv-contoso-cmk',
    meanwhile: {
      run: (page) =>
        otherAdmin(page, 'PATCH', `${contoso.vaultId}?api-version=${kv}`, {
          properties: {
            networkAcls: {
              defaultAction: 'Deny',
              bypass: 'None',
              ipRules: [{ value: '203.0.113.0/24' }, { value: '192.0.2.10' }],
            },
          },
        }),
      conflict: /IP rules added: 192\.0\.2\.10/,
      survives: async (page) =>
        (await vault(page)).properties.networkAcls?.ipRules?.some((r) => r.value === '192.0.2.10') ?? false,
    },
  },
];
