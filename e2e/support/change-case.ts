import type { Locator, Page } from '@playwright/test';
import type { FaultKind } from '../../src/mocks/shared/faults';
import { contoso, deepLink, expect } from './fixtures';
import { cmekPrincipalId, readArm } from './twin';

/** What every case of e2e/faults.spec.ts is made of, and the helpers the cases share. */
export const speed = 20_000;
export const kv = '2025-05-01';
export const legacyVaultId = contoso.vaultId.replace('kv-contoso-cmk', 'kv-contoso-legacy');
export const botsSubId = contoso.botId.split('/resourceGroups/')[0]!;

interface Vault {
  properties: {
    enableSoftDelete?: boolean;
    enablePurgeProtection?: boolean;
    accessPolicies: { objectId: string; permissions: { keys?: string[]; secrets?: string[] } }[];
    networkAcls?: { bypass?: string; ipRules?: { value: string }[] };
  };
}

export const vault = async (page: Page, id = contoso.vaultId) =>
  (await readArm<Vault>(page, `${id}?api-version=${kv}`)).body;
export const policies = async (page: Page) => (await vault(page)).properties.accessPolicies;
/** The CMEK policy of Microsoft's Bot Service CMEK Prod: not the lookalike's in the fresh scenario, which has the same. */
export const isCmekPolicy = async (page: Page) => {
  const genuine = await cmekPrincipalId(page);
  return (p: { objectId: string; permissions: { keys?: string[] } }) =>
    p.objectId === genuine && [...(p.permissions.keys ?? [])].sort().join() === 'get,unwrapKey,wrapKey';
};
export const providerState = async (page: Page, subId: string, ns: string) =>
  (await readArm<{ registrationState: string }>(page, `${subId}/providers/${ns}?api-version=2025-04-01`)).body
    .registrationState;

// Found by role even while a modal pane hides the rest of the page: toasts must stay announced.
export const toasts = (page: Page) => page.getByRole('region', { name: 'Notification toasts' });

export async function versionedKeyUrl(page: Page, key: string): Promise<string> {
  const r = await readArm<{ properties: { keyUriWithVersion: string } }>(
    page,
    `${contoso.vaultId}/keys/${key}?api-version=${kv}`,
  );
  return r.body.properties.keyUriWithVersion;
}

export const keyUrlBox = (page: Page) => page.getByRole('textbox', { name: /Key URL/ });
export const check = (page: Page, label: RegExp) =>
  page.getByRole('list', { name: 'Readiness checks' }).getByRole('listitem', { name: label });

export async function chooseKey(page: Page) {
  await page.getByRole('radio', { name: 'Customer-Managed Keys' }).check();
  await keyUrlBox(page).fill(await versionedKeyUrl(page, 'bot-cmk-key'));
  await expect(page.getByRole('list', { name: 'Readiness checks' })).toBeVisible();
}

export async function cmkChoiceKept(page: Page) {
  await expect(page.getByRole('radio', { name: 'Customer-Managed Keys' })).toBeChecked();
  await expect(keyUrlBox(page)).toHaveValue(
    /^https:\/\/kv-contoso-cmk\.vault\.azure\.net(:443)?\/keys\/bot-cmk-key\//,
  );
}

export interface ChangeCase {
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

export const saveButton = (page: Page) => page.getByRole('button', { name: 'Save', exact: true });
/** A settings blade's Save while its save runs (named "Save" again only once it has ended). */
export const savingButton = (page: Page) => page.getByRole('button', { name: 'Saving…', exact: true });

/** A one-click fix on the Encryption blade's readiness list, with the user's key choice as the input to keep. */
export function readinessFix(f: {
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
