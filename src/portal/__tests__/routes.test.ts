import { describe, expect, it } from 'vitest';
import { homeHash, parseHash, resourceHash } from '../navigation/routes';

const bot = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.BotService/botServices/my-bot';
const vault = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1';

describe('deep links', () => {
  it('opens home for an empty hash, #home and a bare tenant', () => {
    expect(parseHash('')).toEqual({ kind: 'home', tenant: undefined });
    expect(parseHash('#home')).toEqual({ kind: 'home', tenant: undefined });
    expect(parseHash('#@contoso.onmicrosoft.com')).toEqual({
      kind: 'home',
      tenant: 'contoso.onmicrosoft.com',
    });
    expect(parseHash('#@contoso.onmicrosoft.com/home')).toEqual({
      kind: 'home',
      tenant: 'contoso.onmicrosoft.com',
    });
  });

  it('reads the portal pattern #@tenant/resource/{id}/{blade}', () => {
    expect(parseHash(`#@contoso.onmicrosoft.com/resource${bot}/encryption`)).toEqual({
      kind: 'resource',
      tenant: 'contoso.onmicrosoft.com',
      resourceId: bot,
      blade: 'encryption',
      query: {},
    });
  });

  it('opens Overview when no blade is named', () => {
    expect(parseHash(`#@t/resource${vault}`)).toMatchObject({
      kind: 'resource',
      resourceId: vault,
      blade: 'overview',
    });
    expect(parseHash('#/resource/subscriptions/s1')).toMatchObject({
      kind: 'resource',
      resourceId: '/subscriptions/s1',
      blade: 'overview',
    });
    expect(parseHash('#/resource/subscriptions/s1/resourceproviders')).toMatchObject({
      resourceId: '/subscriptions/s1',
      blade: 'resourceproviders',
    });
  });

  it('keeps query parameters and lower-cases the blade id', () => {
    expect(parseHash(`#@t/resource${vault}/AccessPolicies?policy=abc`)).toMatchObject({
      blade: 'accesspolicies',
      query: { policy: 'abc' },
    });
  });

  it('reads a child blade under a menu entry, keeping the case of what it names', () => {
    expect(parseHash(`#@t/resource${vault}/AccessPolicies/create`)).toMatchObject({
      resourceId: vault,
      blade: 'accesspolicies/create',
    });
    expect(parseHash(`#@t/resource${vault}/keys/Bot-CMK-key`)).toMatchObject({
      resourceId: vault,
      blade: 'keys/Bot-CMK-key',
    });
    expect(parseHash(`#@t/resource${vault}/keys/a/b`).kind).toBe('not-found');
  });

  it('survives percent-encoding (links pasted from mail)', () => {
    expect(parseHash(`#@t/resource${encodeURIComponent(bot)}/encryption`)).toMatchObject({
      resourceId: bot,
      blade: 'encryption',
    });
  });

  it('refuses what is not a resource Keyguard opens', () => {
    expect(
      parseHash('#@t/resource/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/x').kind,
    ).toBe('not-found');
    expect(parseHash('#/settings').kind).toBe('not-found');
    expect(parseHash('#@t/resource/nonsense').kind).toBe('not-found');
  });

  it('round-trips through resourceHash', () => {
    for (const [id, blade] of [
      [bot, 'encryption'],
      [vault, 'overview'],
      ['/subscriptions/s1', 'resourceproviders'],
      [vault, 'accesspolicies/edit'],
    ] as const) {
      expect(parseHash(resourceHash(id, blade, 'contoso.onmicrosoft.com'))).toMatchObject({
        resourceId: id,
        blade,
        tenant: 'contoso.onmicrosoft.com',
      });
    }
    expect(homeHash('t')).toBe('#@t/home');
  });
});
