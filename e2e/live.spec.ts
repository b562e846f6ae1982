import type { Page } from '@playwright/test';
import { clouds } from '../src/arm/clouds';
import { contoso as ids } from '../src/mocks/scenarios/contoso';
import { contoso, deepLink, expect, test } from './support/fixtures';
import { clientId, StandInAzure } from './support/stand-in-azure';

/** The live build against a stand-in Entra ID, ARM and Graph on the real hosts: sign-in, tokens, and no leaks. */

const origin = 'http://localhost:4174';
const { armScope } = clouds.AzureCloud;

interface Trail {
  console: string[];
  urls: string[];
}

async function start(page: Page, azure: StandInAzure, hash = ''): Promise<Trail> {
  const trail: Trail = { console: [], urls: [] };
  page.on('console', (m) => trail.console.push(m.text()));
  page.on('pageerror', (e) => trail.console.push(e.message));
  page.on('framenavigated', (f) => trail.urls.push(f.url()));
  page.on('request', (r) => trail.urls.push(r.url()));
  await azure.install(page, origin);
  await page.goto(`${origin}/${hash}`);
  return trail;
}

async function signIn(page: Page) {
  await expect(page.getByRole('heading', { name: /Keyguard for Azure Bot Service/ })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Tokens may live only in MSAL's cache in session storage: never in local storage, cookies, URLs or the console. */
async function expectNoTokenLeak(page: Page, azure: StandInAzure, trail: Trail) {
  expect(azure.secrets.length).toBeGreaterThan(0);
  const local = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
  const cookies = JSON.stringify(await page.context().cookies());
  const places = {
    'local storage': local,
    cookies,
    URLs: trail.urls.join('\n'),
    console: trail.console.join('\n'),
  };
  for (const [where, text] of Object.entries(places)) {
    const leaked = azure.secrets.filter((s) => text.includes(s));
    expect(leaked, `tokens found in ${where}`).toEqual([]);
  }
}

test.describe('live mode against a stand-in Azure', () => {
  test('redirect sign-in with PKCE brings back the deep link, and every ARM call carries an ARM token', async ({
    page,
  }) => {
    const azure = new StandInAzure();
    const trail = await start(page, azure, deepLink(contoso.botId, 'encryption'));
    await expect(page).toHaveTitle(/^Keyguard for Azure Bot Service/);
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'contoso-support-bot | Encryption' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Encryption Status' })).toHaveValue(/./);
    await expect(page.getByText('Demo mode: simulated data')).toHaveCount(0);
    await expect(page).not.toHaveTitle(/DEMO/);

    const authorize = azure.authorizeRequests[0]!;
    expect(authorize.searchParams.get('client_id')).toBe(clientId);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('scope')).toContain(armScope);
    // The stand-in only answers the code with tokens when the verifier matches the challenge.
    expect(azure.tokenGrants[0]?.grant).toBe('authorization_code');

    const arm = azure.calls.filter((c) => c.host === 'management.azure.com');
    expect(arm.length).toBeGreaterThan(0);
    expect(arm.filter((c) => !c.ok || c.scope !== armScope)).toEqual([]);
    expect(azure.calls.filter((c) => !c.ok)).toEqual([]);
    await expectNoTokenLeak(page, azure, trail);
  });

  test('expired tokens are renewed silently, with no prompt', async ({ page }) => {
    const azure = new StandInAzure();
    // MSAL renews a token that expires within five minutes, so every call needs a silent renewal.
    azure.accessTokenLifetime = 200;
    const trail = await start(page, azure, deepLink(contoso.vaultId, 'properties'));
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'kv-contoso-cmk | Properties' })).toBeVisible();
    await page.getByRole('link', { name: 'Networking' }).click();
    await expect(page.getByRole('heading', { name: 'kv-contoso-cmk | Networking' })).toBeVisible();
    expect(azure.tokenGrants.filter((g) => g.grant === 'refresh_token').length).toBeGreaterThan(0);
    expect(azure.authorizeRequests.filter((u) => u.searchParams.get('prompt') !== 'none')).toHaveLength(1);
    expect(azure.calls.filter((c) => !c.ok)).toEqual([]);
    await expectNoTokenLeak(page, azure, trail);
  });

  test('when Entra ID wants interaction, “Sign in again” signs in and returns to the blade', async ({
    page,
  }) => {
    const azure = new StandInAzure();
    azure.accessTokenLifetime = 200;
    const trail = await start(page, azure, deepLink(contoso.vaultId, 'properties'));
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'kv-contoso-cmk | Properties' })).toBeVisible();
    azure.refuseRefresh = true;
    await page.getByRole('link', { name: 'Access policies' }).click();
    const bar = page.getByRole('group', { name: 'Sign in again' });
    await expect(bar).toBeVisible();
    azure.refuseRefresh = false;
    await bar.getByRole('button', { name: 'Sign in again' }).click();
    await expect(page.getByRole('heading', { name: 'kv-contoso-cmk | Access policies' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Access policies' })).toContainText('Avery Admin');
    const interactive = azure.authorizeRequests.filter((u) => u.searchParams.get('prompt') !== 'none');
    expect(interactive).toHaveLength(2);
    expect(interactive[1]!.searchParams.get('login_hint')).toBe(ids.user.upn);
    await expectNoTokenLeak(page, azure, trail);
  });

  test('sign-out ends the session: tokens are gone and a deep link asks to sign in', async ({ page }) => {
    const azure = new StandInAzure();
    const trail = await start(page, azure, deepLink(contoso.botId));
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'contoso-support-bot | Overview' })).toBeVisible();
    const cached = await page.evaluate(() => JSON.stringify({ ...window.sessionStorage }));
    expect(azure.secrets.some((s) => cached.includes(s))).toBe(true);

    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(azure.logouts).toHaveLength(1);
    const after = await page.evaluate(() => JSON.stringify({ ...window.sessionStorage }));
    expect(azure.secrets.filter((s) => after.includes(s))).toEqual([]);
    await page.goto(`${origin}/${deepLink(contoso.vaultId)}`);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectNoTokenLeak(page, azure, trail);
  });

  test('switching directory gets a token for that tenant and shows its subscriptions', async ({ page }) => {
    const azure = new StandInAzure();
    const trail = await start(page, azure);
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'All resources' })).toBeVisible();
    await page.getByRole('button', { name: 'Directories + subscriptions' }).click();
    await page.getByRole('radio', { name: new RegExp(ids.fabrikam.tenantId) }).click();
    await expect(page.getByRole('heading', { name: 'All resources' })).toBeVisible();
    await expect.poll(() => azure.tokenGrants.some((g) => g.tenant === ids.fabrikam.tenantId)).toBe(true);
    await expect(page.getByRole('table', { name: 'All resources' })).toContainText('kv-fabrikam-shared');
    const afterSwitch = azure.calls.filter((c) => c.tenantId === ids.fabrikam.tenantId);
    expect(afterSwitch.length).toBeGreaterThan(0);
    expect(azure.calls.filter((c) => !c.ok)).toEqual([]);
    await expectNoTokenLeak(page, azure, trail);
  });
});
