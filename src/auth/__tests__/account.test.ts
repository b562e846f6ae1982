import type { AccountInfo } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { objectIdIn } from '../account';

const home = '11111111-1111-1111-1111-111111111111';
const guest = '22222222-2222-2222-2222-222222222222';
const account = (profiles: [string, string][]): AccountInfo => ({
  homeAccountId: `oid-home.${home}`,
  environment: 'login.microsoftonline.com',
  tenantId: home,
  username: 'avery@contoso.com',
  localAccountId: 'oid-home',
  tenantProfiles: new Map(
    profiles.map(([tenantId, localAccountId]) => [
      tenantId,
      {
        tenantId,
        localAccountId,
        name: 'Avery',
        username: 'avery@contoso.com',
        isHomeTenant: tenantId === home,
      },
    ]),
  ),
});

describe('the signed-in user’s object id, per directory', () => {
  it('is the home directory’s id at home', () => {
    expect(objectIdIn(account([[home, 'oid-home']]), home)).toBe('oid-home');
  });

  it('is the guest object’s id after a switch to another directory, from MSAL’s tenant profile', () => {
    const a = account([
      [home, 'oid-home'],
      [guest, 'oid-guest'],
    ]);
    expect(objectIdIn(a, guest)).toBe('oid-guest');
  });

  it('is not known, never the home id, when MSAL has no profile for the directory', () => {
    expect(objectIdIn(account([[home, 'oid-home']]), guest)).toBeUndefined();
  });
});
