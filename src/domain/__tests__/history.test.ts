import { describe, expect, it } from 'vitest';
import type { EventData } from '../../arm/types/monitor';
import type { ResourceChangeRow } from '../../arm/types/resource-changes';
import { groupActivity, isAboutResource } from '../history/activity';
import { parseResourceChanges } from '../history/changes';
import { keyHistoryFromActivity, keyHistoryFromChanges, keyToKeep } from '../history/key-history';
import { customRange, presetRange } from '../history/time-span';
import { trackedResourceOf } from '../history/tracked-resource';
import { versionedKeyUrlOf } from '../key-url';

const day = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 29, 12);
const bot = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.BotService/botServices/b1';
const v = (n: number) => `https://kv1.vault.azure.net/keys/k/${String(n).repeat(32).slice(0, 32)}`;

function event(
  p: Omit<Partial<EventData>, 'status'> & { status: string; at: number; op?: string },
): EventData {
  return {
    ...p,
    operationName: { value: p.op ?? 'Microsoft.BotService/botServices/write' },
    status: { value: p.status },
    eventTimestamp: new Date(p.at).toISOString(),
    resourceId: p.resourceId ?? bot,
  };
}

describe('Activity log events', () => {
  it('groups Started and Succeeded under one correlation id, newest first, even when they share an instant', () => {
    const ops = groupActivity([
      event({ correlationId: 'c2', status: 'Succeeded', at: now - day, caller: 'jordan@contoso.com' }),
      event({ correlationId: 'c2', status: 'Started', at: now - day, caller: 'jordan@contoso.com' }),
      event({ correlationId: 'c1', status: 'Started', at: now - 2 * day }),
      event({
        correlationId: 'c1',
        status: 'Failed',
        at: now - 2 * day + 1000,
        properties: {
          statusMessage: JSON.stringify({
            error: { code: 'KeyVaultAccessForbidden', message: 'No access.' },
          }),
        },
      }),
    ]);
    expect(ops.map((o) => [o.correlationId, o.outcome, o.label])).toEqual([
      ['c2', 'succeeded', 'Create or update bot'],
      ['c1', 'failed', 'Create or update bot'],
    ]);
    expect(ops[0]!.caller).toBe('jordan@contoso.com');
    expect(ops[1]!.failure).toEqual({ code: 'KeyVaultAccessForbidden', message: 'No access.' });
  });

  it('names provider registrations and keeps Azure’s words for operations it does not know', () => {
    const [reg, other] = groupActivity([
      event({ correlationId: 'a', status: 'Succeeded', at: now, op: 'Microsoft.BotService/register/action' }),
      event({ correlationId: 'b', status: 'Succeeded', at: now - 1, op: 'Microsoft.Web/sites/write' }),
    ]);
    expect(reg!.label).toBe('Register resource provider Microsoft.BotService');
    expect(other!.label).toBe('Microsoft.Web/sites/write');
  });

  it('keeps a resource’s own events and its children’s, not a sibling’s with a longer name', () => {
    expect(isAboutResource(event({ status: 'x', at: 0, resourceId: `${bot}/providers/x/y/z` }), bot)).toBe(
      true,
    );
    expect(isAboutResource(event({ status: 'x', at: 0, resourceId: `${bot}-2` }), bot)).toBe(false);
  });
});

const row = (p: Partial<ResourceChangeRow> & { at: number }): ResourceChangeRow => ({
  id: `r${p.at}`,
  changeTime: new Date(p.at).toISOString(),
  targetResourceId: bot,
  changeType: 'Update',
  changedBy: 'jordan@contoso.com',
  changedByType: 'User',
  clientType: 'Azure CLI',
  operation: 'Microsoft.BotService/botServices/write',
  correlationId: `c${p.at}`,
  ...p,
});

describe('Resource Graph change records', () => {
  it('reads "null" as absent, orders newest first and drops rows without a time', () => {
    const changes = parseResourceChanges([
      row({
        at: now - 2 * day,
        changes: { 'properties.isCmekEnabled': { previousValue: 'false', newValue: 'true' } },
      }),
      row({ at: now - day, changes: { 'tags.a': { previousValue: 'null', newValue: 'x' } } }),
      { ...row({ at: now }), changeTime: 'not a time' },
    ]);
    expect(changes.map((c) => c.at)).toEqual([now - day, now - 2 * day]);
    expect(changes[0]!.changes).toEqual([{ path: 'tags.a', before: undefined, after: 'x' }]);
  });
});

describe('Key history', () => {
  const records = parseResourceChanges([
    row({
      at: now - 6 * day,
      changes: { 'properties.cmekKeyVaultUrl': { previousValue: v(1), newValue: v(2) } },
    }),
    row({
      at: now - 11 * day,
      changedBy: 'avery@contoso.com',
      clientType: 'Unknown',
      changes: {
        'properties.isCmekEnabled': { previousValue: 'false', newValue: 'true' },
        'properties.cmekKeyVaultUrl': {
          previousValue: 'https://docs.botframework.com/x.png',
          newValue: v(1),
        },
      },
    }),
    row({ at: now - 12 * day, changes: { 'tags.team': { previousValue: 'null', newValue: 'bots' } } }),
  ]);

  it('tells which key was in use when, and who set it from which client', () => {
    const h = keyHistoryFromChanges(records, versionedKeyUrlOf(v(2)));
    if (h.source !== 'changes') throw new Error('expected change records');
    expect(h.lastChange).toMatchObject({
      kind: 'rotate',
      changedBy: 'jordan@contoso.com',
      clientType: 'Azure CLI',
    });
    expect(h.lastChange?.previousKey?.href).toBe(v(1));
    expect(h.periods.map((p) => [p.key.href, p.since?.kind, p.until?.kind])).toEqual([
      [v(2), 'rotate', undefined],
      [v(1), 'enable', 'rotate'],
    ]);
  });

  it('keeps the week watch for six days, not for eight', () => {
    const h = keyHistoryFromChanges(records, versionedKeyUrlOf(v(2)));
    expect(keyToKeep(h, now)?.previousKey?.href).toBe(v(1));
    expect(keyToKeep(h, now + 2 * day)).toBeUndefined();
    expect(keyToKeep({ source: 'none', why: 'x' }, now)).toBeUndefined();
  });

  it('a key in use since before the 14 days has no start, and turning CMK off ends it', () => {
    const h = keyHistoryFromChanges(
      parseResourceChanges([
        row({
          at: now - day,
          changes: { 'properties.isCmekEnabled': { previousValue: 'true', newValue: 'false' } },
        }),
      ]),
      undefined,
    );
    if (h.source !== 'changes') throw new Error('expected change records');
    expect(h.lastChange?.kind).toBe('disable');
    expect(h.periods).toEqual([]);
  });

  it('without change records, the Activity log gives the last write and nothing more', () => {
    const h = keyHistoryFromActivity(
      groupActivity([
        event({ correlationId: 'c', status: 'Succeeded', at: now - day, caller: 'priya@contoso.com' }),
      ]),
      'Forbidden.',
    );
    expect(h).toEqual({
      source: 'activity-log',
      lastWrite: { at: now - day, by: 'priya@contoso.com' },
      why: 'Forbidden.',
    });
  });
});

describe('Time spans', () => {
  it('presets stay inside the 90 days the Activity log keeps', () => {
    expect(presetRange('24h', now).from.getTime()).toBe(now - day);
    expect(presetRange('90d', now).from.getTime()).toBeGreaterThan(now - 90 * day);
  });

  it('a custom range says what is wrong with it', () => {
    const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);
    expect(customRange('', local(now), now)).toEqual({ ok: false, message: 'Enter a start date and time.' });
    expect(customRange(local(now - day), 'x', now)).toEqual({
      ok: false,
      message: 'Enter an end date and time.',
    });
    expect(customRange(local(now), local(now - day), now)).toMatchObject({
      message: 'The start must be before the end.',
    });
    expect(customRange(local(now - 91 * day), local(now), now)).toMatchObject({ message: /keeps 90 days/ });
    expect(customRange(local(now - day), local(now + day), now)).toMatchObject({ ok: true });
  });
});

it('finds the bot or vault an event is about, for its change records', () => {
  const vault = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1';
  expect(trackedResourceOf(`${vault}/accessPolicies/add`)).toBe(vault);
  expect(trackedResourceOf(`${vault}/providers/Microsoft.Insights/diagnosticSettings/a`)).toBe(vault);
  expect(trackedResourceOf(bot)).toBe(bot);
  expect(trackedResourceOf('/subscriptions/s1/providers/Microsoft.BotService')).toBeUndefined();
});
