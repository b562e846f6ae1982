import { describe, expect, it } from 'vitest';
import { ArmError } from '../../arm/errors';
import type { AccessPolicyEntry } from '../../arm/types/key-vault';
import {
  cmekLookupState,
  holderOf,
  lostCmekPermissions,
  removalsThatCount,
  roleMayGiveKeyUse,
  unverifiedHolderText,
  type CmekLookupState,
} from '../keys/access-guard';

const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const genuineId = 'aaaaaaaa-0000-0000-0000-000000000001';
const otherId = 'bbbbbbbb-0000-0000-0000-000000000002';
const at = { cloud: 'AzureCloud' as const, tenantId: tenant };
const microsoft = {
  id: genuineId,
  displayName: 'Bot Service CMEK Prod',
  appId: '27a762be-14e7-4f92-899c-151877d6d497',
  appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
};
const found: CmekLookupState = { state: 'answered', lookup: { status: 'found', principal: microsoft } };
const failed = (status: number) =>
  cmekLookupState({
    error: new ArmError({ status, code: 'x', message: 'x' }),
    isPending: false,
  });
const entry = (keys: string[], objectId = genuineId): AccessPolicyEntry => ({
  tenantId: tenant,
  objectId,
  permissions: { keys },
});

describe('whose access it is, for every state of the Bot Service CMEK Prod look-up', () => {
  it('found: the looked-up object id is Bot Service; any other entry of this tenant is not', () => {
    expect(holderOf({ objectId: genuineId.toUpperCase() }, found, at)).toEqual({ holder: 'bot-service' });
    expect(holderOf({ objectId: otherId }, found, at)).toEqual({ holder: 'not-bot-service' });
  });

  it('missing or untrusted: Graph said no Microsoft principal exists here, so no entry is it', () => {
    for (const lookup of [
      { status: 'missing' as const, appId: microsoft.appId },
      { status: 'untrusted' as const, principal: { ...microsoft, appOwnerOrganizationId: tenant } },
    ])
      expect(holderOf({ objectId: genuineId }, { state: 'answered', lookup }, at).holder).toBe(
        'not-bot-service',
      );
  });

  it.each([
    ['still loading', cmekLookupState({ isPending: true }), 'still being looked up'],
    ['refused (no directory consent)', failed(403), 'Graph refused'],
    ['throttled', failed(429), 'Graph is throttling requests'],
    ['a 5xx', failed(503), 'Graph did not answer'],
    ['a dropped connection', failed(0), 'Graph could not be reached'],
  ])('%s: unverified, with why', (_, lookup, why) => {
    const h = holderOf({ objectId: otherId }, lookup, at);
    expect(h).toEqual({ holder: 'unverified', why: expect.stringContaining(why) });
  });

  it('a sovereign cloud, where Microsoft’s application id is not known: unverified', () => {
    const h = holderOf(
      { objectId: otherId },
      { state: 'answered', lookup: { status: 'unverifiable' } },
      { ...at, cloud: 'AzureUSGovernment' },
    );
    expect(h.holder).toBe('unverified');
  });

  it('another tenant’s entry: unverified even when this tenant’s look-up answered', () => {
    expect(
      holderOf({ objectId: otherId, tenantId: 'c3e5a7b9-1d2f-4a6c-8e0b-5d7f9a1c3e5b' }, found, at).holder,
    ).toBe('unverified');
  });

  it('directory facts decide when they can: Microsoft’s app by id and owner, a user, a group, another app, a lookalike', () => {
    const failedLookup = failed(403);
    expect(holderOf({ objectId: otherId, facts: microsoft }, failedLookup, at).holder).toBe('bot-service');
    for (const facts of [
      { kind: 'user' as const, displayName: 'Avery' },
      { kind: 'group' as const, displayName: 'Key admins' },
      {
        kind: 'servicePrincipal' as const,
        displayName: 'ci-deployer',
        appId: 'cccccccc-0000-0000-0000-000000000003',
      },
      { ...microsoft, appOwnerOrganizationId: tenant },
      { kind: 'servicePrincipal' as const, displayName: 'Bot Service CMEK Prod' },
    ])
      expect(holderOf({ objectId: otherId, facts }, failedLookup, at).holder).toBe('not-bot-service');
  });

  it('an application in a sovereign cloud is not ruled out by its application id', () => {
    const facts = {
      kind: 'servicePrincipal' as const,
      displayName: 'x',
      appId: 'cccccccc-0000-0000-0000-000000000003',
    };
    expect(
      holderOf({ objectId: otherId, facts }, failed(403), { ...at, cloud: 'AzureChinaCloud' }).holder,
    ).toBe('unverified');
  });
});

describe('what a change takes', () => {
  it('names each of Get, Wrap Key and Unwrap Key lost, whether or not the entry held all three', () => {
    expect(lostCmekPermissions(entry(['get', 'wrapKey', 'unwrapKey']), entry(['get', 'wrapKey']))).toEqual([
      'Unwrap Key',
    ]);
    expect(lostCmekPermissions(entry(['get', 'unwrapKey']), entry(['get']))).toEqual(['Unwrap Key']);
    expect(lostCmekPermissions(entry(['All']), entry(['list']))).toEqual(['Get', 'Wrap Key', 'Unwrap Key']);
    expect(lostCmekPermissions(entry(['get', 'wrapKey', 'unwrapKey']), undefined)).toHaveLength(3);
    expect(lostCmekPermissions(entry(['get']), entry(['get', 'list']))).toEqual([]);
    expect(lostCmekPermissions(entry(['list', 'sign']), undefined)).toEqual([]);
  });

  it('a role that may give key use: everything but the built-in roles known to give none', () => {
    const role = (guid: string) =>
      `/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
    expect(roleMayGiveKeyUse(role('e147488a-f6f5-4113-8e2d-b22465e65bf6'))).toBe(true);
    expect(roleMayGiveKeyUse(role('14b46e9e-c2b7-41b4-b07b-48a6ebf60603'))).toBe(true);
    expect(roleMayGiveKeyUse(role('12345678-aaaa-bbbb-cccc-1234567890ab'))).toBe(true);
    expect(roleMayGiveKeyUse(role('acdd72a7-3385-48ef-bd42-f606fba81ae7'))).toBe(false);
    expect(roleMayGiveKeyUse(role('21090545-7ca7-4776-b22c-e363652d74d2'))).toBe(false);
  });

  it('counts only what may be Bot Service’s, and says so when it could not be confirmed', () => {
    const counted = removalsThatCount([
      { who: 'Bot Service CMEK Prod', holder: { holder: 'bot-service' }, lost: ['Unwrap Key'] },
      { who: 'ci-deployer', holder: { holder: 'not-bot-service' }, lost: ['Get'] },
      {
        who: 'x',
        holder: { holder: 'unverified', why: 'Bot Service CMEK Prod could not be looked up: Graph refused' },
        lost: ['Wrap Key'],
      },
      { who: 'y', holder: { holder: 'unverified', why: 'z' }, lost: [] },
    ]);
    expect(counted.map((r) => r.who)).toEqual(['Bot Service CMEK Prod', 'x']);
    expect(unverifiedHolderText(counted[1]!)).toBe(
      'Keyguard could not confirm who x belongs to (Bot Service CMEK Prod could not be looked up: Graph refused); if it is Azure Bot Service, these bots stop.',
    );
    expect(unverifiedHolderText(counted[0]!)).toBeUndefined();
  });
});
