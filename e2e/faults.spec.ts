import type { Locator, Page } from '@playwright/test';
import type { FaultKind } from '../src/mocks/twin/faults';
import { contoso, deepLink, expect, openDemo, test } from './support/fixtures';
import { armFault, cmekPrincipalId, countRequests, otherAdmin, readArm } from './support/twin';

/**
 * Every change the console can make, under every fault the twin can inject. Each case proves the same four things:
 * what the user entered is still there, no success is claimed unless Azure's state really changed, the notification
 * says what happened, and doing it again works.
 */

const speed = 20_000;
const kv = '2025-05-01';
const legacyVaultId = contoso.vaultId.replace('kv-contoso-cmk', 'kv-contoso-legacy');
const botsSubId = contoso.botId.split('/resourceGroups/')[0]!;

interface Vault {
  properties: {
    enableSoftDelete?: boolean;
    enablePurgeProtection?: boolean;
    accessPolicies: { objectId: string; permissions: { keys?: string[]; secrets?: string[] } }[];
    networkAcls?: { bypass?: string; ipRules?: { value: string }[] };
  };
}

const vault = async (page: Page, id = contoso.vaultId) =>
  (await readArm<Vault>(page, `${id}?api-version=${kv}`)).body;
const policies = async (page: Page) => (await vault(page)).properties.accessPolicies;
/** The CMEK policy of Microsoft's Bot Service CMEK Prod: not the lookalike's in the fresh scenario, which has the same. */
const isCmekPolicy = async (page: Page) => {
  const genuine = await cmekPrincipalId(page);
  return (p: { objectId: string; permissions: { keys?: string[] } }) =>
    p.objectId === genuine && [...(p.permissions.keys ?? [])].sort().join() === 'get,unwrapKey,wrapKey';
};
const providerState = async (page: Page, subId: string, ns: string) =>
  (await readArm<{ registrationState: string }>(page, `${subId}/providers/${ns}?api-version=2025-04-01`)).body
    .registrationState;

// Found by role even while a modal pane hides the rest of the page: toasts must stay announced.
const toasts = (page: Page) => page.getByRole('region', { name: 'Notification toasts' });

async function versionedKeyUrl(page: Page, key: string): Promise<string> {
  const r = await readArm<{ properties: { keyUriWithVersion: string } }>(
    page,
    `${contoso.vaultId}/keys/${key}?api-version=${kv}`,
  );
  return r.body.properties.keyUriWithVersion;
}

const keyUrlBox = (page: Page) => page.getByRole('textbox', { name: /Key URL/ });
const check = (page: Page, label: RegExp) =>
  page.getByRole('list', { name: 'Readiness checks' }).getByRole('listitem', { name: label });

async function chooseKey(page: Page) {
  await page.getByRole('radio', { name: 'Customer-Managed Keys' }).check();
  await keyUrlBox(page).fill(await versionedKeyUrl(page, 'bot-cmk-key'));
  await expect(page.getByRole('list', { name: 'Readiness checks' })).toBeVisible();
}

async function cmkChoiceKept(page: Page) {
  await expect(page.getByRole('radio', { name: 'Customer-Managed Keys' })).toBeChecked();
  await expect(keyUrlBox(page)).toHaveValue(
    /^https:\/\/kv-contoso-cmk\.vault\.azure\.net(:443)?\/keys\/bot-cmk-key\//,
  );
}

interface ChangeCase {
  name: string;
  scenario: string;
  link: string;
  /** The write the faults hit. */
  write: { method: 'PUT' | 'PATCH' | 'POST' | 'DELETE'; pathIncludes: string };
  faults: FaultKind[];
  /** What the user enters before submitting. */
  enter(page: Page): Promise<void>;
  /** Sends the change (through any confirmation). */
  submit(page: Page): Promise<void>;
  /** After a failure: what the user entered is still on screen. */
  kept(page: Page): Promise<void>;
  /** Azure's state, read from the twin: did the change happen? */
  applied(page: Page): Promise<boolean>;
  /** The control that must stay disabled while the write is in flight. */
  busy(page: Page): Locator;
  done: string;
  failed: string;
  /**
   * A colleague's change to the same resource while the user edits. When it touches what the blade shows (`conflict`:
   * the words the blade uses for it), the save is held back until the user chooses; otherwise the save goes through
   * without undoing it. Either way the colleague's change must survive the user's save unless the user overrode it.
   */
  meanwhile?: {
    run(page: Page): Promise<number>;
    conflict?: RegExp;
    survives(page: Page): Promise<boolean>;
  };
}

const saveButton = (page: Page) => page.getByRole('button', { name: 'Save', exact: true });

/** A one-click fix on the Encryption blade's readiness list, with the user's key choice as the input to keep. */
function readinessFix(f: {
  name: string;
  scenario?: string;
  check: RegExp;
  button: string;
  confirm?: string;
  write: ChangeCase['write'];
  faults: FaultKind[];
  applied: ChangeCase['applied'];
  done: string;
  failed: string;
}): ChangeCase {
  return {
    name: `${f.name} (readiness fix)`,
    scenario: f.scenario ?? 'fresh',
    link: deepLink(contoso.botId, 'encryption'),
    write: f.write,
    faults: f.faults,
    enter: chooseKey,
    async submit(page) {
      await check(page, f.check).getByRole('button', { name: f.button }).click();
      if (f.confirm) await page.getByRole('alertdialog').getByRole('button', { name: f.confirm }).click();
    },
    kept: cmkChoiceKept,
    applied: f.applied,
    busy: (page) => check(page, f.check).getByRole('button').first(),
    done: f.done,
    failed: f.failed,
  };
}

const cases: ChangeCase[] = [
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
    busy: saveButton,
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
    busy: saveButton,
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
    busy: saveButton,
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
    busy: saveButton,
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

/** What the console must do with each fault: ride it out (and say so only once Azure changed), or fail truthfully. */
function expectedOutcome(fault: FaultKind): 'succeeds' | 'fails' | 'slow' | 'meanwhile' {
  switch (fault) {
    case 'throttle':
      return 'succeeds'; // ARM throttles before it executes anything: waiting Retry-After and going again is safe.
    case 'error503':
      // A 503 with Retry-After is repeated for idempotent writes; every write here is one (src/arm/operations).
      return 'succeeds';
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
        const outcome = expectedOutcome(fault);
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
