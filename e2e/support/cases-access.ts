import { contoso, deepLink, expect } from './fixtures';
import { readArm } from './twin';
import {
  botsSubId,
  isCmekPolicy,
  kv,
  vault,
  policies,
  providerState,
  readinessFix,
  saveButton,
  type ChangeCase,
} from './change-case';

/** Access policies, providers, keys, and the readiness one-click fixes. */
export const accessCases: ChangeCase[] = [
  {
    name: 'create an access policy',
    scenario: 'fresh',
    link: deepLink(contoso.vaultId, 'accesspolicies'),
    write: { method: 'PUT', pathIncludes: '/accessPolicies/add' },
    faults: ['throttle', 'error500', 'error503', 'drop', 'latency'],
    async enter(page) {
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('combobox', { name: 'Configure from a template' }).click();
      await page.getByRole('option', { name: 'Bot Service CMEK (Get, Wrap Key, Unwrap Key)' }).click();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('searchbox', { name: 'Search principals' }).fill('Bot Service CMEK');
      await page.getByRole('radio', { name: /^Bot Service CMEK Prod \(Application\) Microsoft’s/ }).check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Next' }).click();
    },
    submit: (page) => page.getByRole('button', { name: 'Create', exact: true }).click(),
    async kept(page) {
      await expect(page.getByText('Get, Wrap Key, Unwrap Key')).toBeVisible();
      await expect(page.getByText(/Bot Service CMEK Prod/).first()).toBeVisible();
    },
    applied: async (page) => (await policies(page)).some(await isCmekPolicy(page)),
    busy: (page) => page.getByRole('button', { name: /^(Create|Creating…)$/ }),
    done: 'Created an access policy on kv-contoso-cmk',
    failed: 'Could not create the access policy on kv-contoso-cmk',
  },
  {
    name: 'edit an access policy',
    scenario: 'fresh',
    link: deepLink(contoso.vaultId, 'accesspolicies'),
    write: { method: 'PUT', pathIncludes: '/accessPolicies/replace' },
    faults: ['error500', 'drop'],
    async enter(page) {
      await page.getByRole('checkbox', { name: 'Select contoso-ci-deployer' }).check();
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByRole('checkbox', { name: 'Key permissions: Get', exact: true }).check();
      await page.getByRole('button', { name: 'Next' }).click();
    },
    submit: (page) => saveButton(page).click(),
    async kept(page) {
      await page.getByRole('tab', { name: /Permissions/ }).click();
      await expect(page.getByRole('checkbox', { name: 'Key permissions: Get', exact: true })).toBeChecked();
      await page.getByRole('button', { name: 'Next' }).click();
    },
    applied: async (page) =>
      (await policies(page)).some(
        (p) => p.permissions.secrets?.join() === 'get,list' && (p.permissions.keys ?? []).includes('get'),
      ),
    busy: (page) => page.getByRole('button', { name: /^(Save|Saving…)$/ }),
    done: 'Updated the access policy on kv-contoso-cmk',
    failed: 'Could not update the access policy on kv-contoso-cmk',
  },
  {
    name: 'delete an access policy',
    scenario: 'fresh',
    link: deepLink(contoso.vaultId, 'accesspolicies'),
    write: { method: 'PUT', pathIncludes: '/accessPolicies/remove' },
    faults: ['error500', 'error503', 'drop'],
    async enter(page) {
      await expect(page.getByRole('table', { name: 'Access policies' })).toContainText('contoso-ci-deployer');
      await page.getByRole('checkbox', { name: 'Select contoso-ci-deployer' }).check();
    },
    async submit(page) {
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page
        .getByRole('alertdialog', { name: 'Delete access policies?' })
        .getByRole('button', { name: 'Delete', exact: true })
        .click();
    },
    kept: (page) => expect(page.getByRole('checkbox', { name: 'Select contoso-ci-deployer' })).toBeChecked(),
    applied: async (page) =>
      !(await policies(page)).some(
        (p) => p.permissions.secrets?.join() === 'get,list' && !p.permissions.keys?.length,
      ),
    busy: (page) => page.getByRole('button', { name: 'Delete', exact: true }),
    done: 'Deleted 1 access policy on kv-contoso-cmk',
    failed: 'Could not delete access policies on kv-contoso-cmk',
  },
  {
    name: 'register Microsoft.BotService',
    scenario: 'fresh',
    link: deepLink(contoso.keysSubId, 'resourceproviders'),
    write: { method: 'POST', pathIncludes: '/Microsoft.BotService/register' },
    faults: ['throttle', 'error500', 'drop', 'latency'],
    async enter(page) {
      await page.getByRole('searchbox', { name: 'Filter by name' }).fill('BotService');
      await page.getByRole('radio', { name: 'Select Microsoft.BotService' }).check();
    },
    submit: (page) => page.getByRole('button', { name: 'Register', exact: true }).click(),
    async kept(page) {
      await expect(page.getByRole('searchbox', { name: 'Filter by name' })).toHaveValue('BotService');
      await expect(page.getByRole('radio', { name: 'Select Microsoft.BotService' })).toBeChecked();
    },
    applied: async (page) =>
      (await providerState(page, contoso.keysSubId, 'Microsoft.BotService')) !== 'NotRegistered',
    busy: (page) => page.getByRole('button', { name: 'Register', exact: true }),
    done: 'Registered Microsoft.BotService',
    failed: 'Could not register Microsoft.BotService',
  },
  {
    name: 'unregister Microsoft.Web',
    scenario: 'fresh',
    link: deepLink(botsSubId, 'resourceproviders'),
    write: { method: 'POST', pathIncludes: '/Microsoft.Web/unregister' },
    faults: ['error500', 'drop'],
    async enter(page) {
      await page.getByRole('searchbox', { name: 'Filter by name' }).fill('Microsoft.Web');
      await page.getByRole('radio', { name: 'Select Microsoft.Web' }).check();
    },
    submit: (page) => page.getByRole('button', { name: 'Unregister', exact: true }).click(),
    kept: (page) => expect(page.getByRole('radio', { name: 'Select Microsoft.Web' })).toBeChecked(),
    applied: async (page) => (await providerState(page, botsSubId, 'Microsoft.Web')) !== 'Registered',
    busy: (page) => page.getByRole('button', { name: 'Unregister', exact: true }),
    done: 'Unregistered Microsoft.Web',
    failed: 'Could not unregister Microsoft.Web',
  },
  {
    name: 'create a key',
    scenario: 'ready',
    link: deepLink(contoso.botId, 'encryption'),
    write: { method: 'PUT', pathIncludes: '/keys/bot-cmk-key-2027' },
    faults: ['error500', 'error503', 'drop', 'latency'],
    async enter(page) {
      await page.getByRole('radio', { name: 'Customer-Managed Keys' }).check();
      await page.getByRole('button', { name: 'Select a key vault and a key' }).click();
      const pane = page.getByRole('dialog', { name: 'Select a key vault and a key' });
      await pane.getByRole('combobox', { name: 'Subscription' }).click();
      await page.getByRole('option', { name: 'Contoso Security' }).click();
      await pane
        .getByRole('listbox', { name: 'Key vaults' })
        .getByRole('option', { name: /^kv-contoso-cmk(?![-a-z0-9])/ })
        .click();
      await pane
        .getByRole('textbox', { name: 'Create new key (RSA, wrap and unwrap)' })
        .fill('bot-cmk-key-2027');
    },
    submit: (page) => page.getByRole('button', { name: 'Create new key' }).click(),
    kept: (page) =>
      expect(page.getByRole('textbox', { name: 'Create new key (RSA, wrap and unwrap)' })).toHaveValue(
        'bot-cmk-key-2027',
      ),
    applied: async (page) =>
      (await readArm(page, `${contoso.vaultId}/keys/bot-cmk-key-2027?api-version=${kv}`)).status === 200,
    busy: (page) => page.getByRole('button', { name: /^(Create new key|Creating…)$/ }),
    done: 'Created key bot-cmk-key-2027',
    failed: 'Could not create key bot-cmk-key-2027',
  },
  readinessFix({
    name: 'assign the CMEK role',
    scenario: 'rbac',
    check: /^Bot Service CMEK Prod may/,
    button: 'Assign the role',
    write: { method: 'PUT', pathIncludes: '/roleAssignments/' },
    faults: ['error500', 'error503', 'drop'],
    async applied(page) {
      const r = await readArm<{ value: { properties: { roleDefinitionId: string } }[] }>(
        page,
        `${contoso.vaultId}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`,
      );
      return r.body.value.some((a) =>
        a.properties.roleDefinitionId.endsWith('e147488a-f6f5-4113-8e2d-b22465e65bf6'),
      );
    },
    done: 'Assigned Key Vault Crypto Service Encryption User to Bot Service CMEK Prod on kv-contoso-cmk',
    failed: 'Could not assign Key Vault Crypto Service Encryption User on kv-contoso-cmk',
  }),
  readinessFix({
    name: 'turn on purge protection',
    check: /^Purge protection enabled/,
    button: 'Turn on purge protection',
    confirm: 'Turn on purge protection',
    write: { method: 'PATCH', pathIncludes: '/vaults/kv-contoso-cmk' },
    faults: ['error500', 'drop'],
    applied: async (page) => (await vault(page)).properties.enablePurgeProtection === true,
    done: 'Purge protection is on for kv-contoso-cmk',
    failed: 'Could not turn on purge protection on kv-contoso-cmk',
  }),
  readinessFix({
    name: 'register the provider',
    check: /^Microsoft.BotService registered/,
    button: 'Register Microsoft.BotService',
    write: { method: 'POST', pathIncludes: '/Microsoft.BotService/register' },
    faults: ['error500', 'drop'],
    applied: async (page) =>
      (await providerState(page, contoso.keysSubId, 'Microsoft.BotService')) !== 'NotRegistered',
    done: 'Registered Microsoft.BotService',
    failed: 'Could not register Microsoft.BotService',
  }),
  readinessFix({
    name: 'add the CMEK access policy',
    check: /^Bot Service CMEK Prod may/,
    button: 'Add the access policy',
    write: { method: 'PUT', pathIncludes: '/accessPolicies/add' },
    faults: ['error500', 'drop'],
    applied: async (page) => (await policies(page)).some(await isCmekPolicy(page)),
    done: 'Bot Service CMEK Prod may get, wrap and unwrap keys of kv-contoso-cmk',
    failed: 'Could not add the access policy on kv-contoso-cmk',
  }),
  readinessFix({
    name: 'allow trusted services',
    check: /^Firewall lets/,
    button: 'Allow trusted Microsoft services',
    write: { method: 'PATCH', pathIncludes: '/vaults/kv-contoso-cmk' },
    faults: ['error500', 'throttle'],
    applied: async (page) => (await vault(page)).properties.networkAcls?.bypass === 'AzureServices',
    done: 'Trusted Microsoft services may bypass the firewall of kv-contoso-cmk',
    failed: 'Could not change the firewall of kv-contoso-cmk',
  }),
];
