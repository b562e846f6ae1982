import type { EventData } from '../../arm/types/monitor';
import { logKeyWrap } from '../rules/key-use-log';
import { assumptions } from '../store/assumptions';
import type { TwinRequest, TwinResponse } from '../routes/http';
import type { TwinActor, TwinBot } from '../store/model';
import { botStoredProperties, vaultJson } from '../routes/serialize';
import { writeOperationOf, type WriteOperation } from './write-operations';
import type { World } from '../store/world';

export interface RecorderContext {
  world: World;
  now(): number;
  newId(): string;
}

let seq = 0;

const statusNames: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'NoContent',
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

/** A resource as Resource Graph tracks it: its stored state, flattened to property paths, volatile ones left out. */
function trackedState(world: World, tracked: WriteOperation['tracked']): Map<string, string> | undefined {
  if (!tracked) return undefined;
  let resource: unknown;
  if (tracked.kind === 'bot') {
    const bot = world.bots.get(tracked.id);
    resource = bot && {
      location: bot.location,
      tags: bot.tags,
      sku: { name: bot.sku },
      kind: bot.kind,
      properties: botStoredProperties(bot),
    };
  } else {
    const vault = world.vaults.get(tracked.id);
    resource = vault && vaultJson(vault);
  }
  if (!resource) return undefined;
  const out = new Map<string, string>();
  flatten(resource, '', out);
  const untracked = ['id', 'name', 'type', ...assumptions.history.untrackedProperties];
  for (const k of [...out.keys()])
    if (untracked.some((u) => k === u || k.startsWith(`${u}.`) || k.startsWith(`${u}[`))) out.delete(k);
  return out;
}

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
    return;
  }
  out.set(path, typeof value === 'string' ? value : JSON.stringify(value));
}

function diff(before: Map<string, string>, after: Map<string, string>) {
  const changes: Record<string, { previousValue: string; newValue: string }> = {};
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(path);
    const a = after.get(path);
    if (a !== b) changes[path] = { previousValue: b ?? 'null', newValue: a ?? 'null' };
  }
  return changes;
}

function event(
  ctx: RecorderContext,
  op: WriteOperation,
  req: TwinRequest,
  actor: TwinActor,
  ids: { correlationId: string; operationId: string; clientRequestId: string },
  phase: { status: 'Started' | 'Succeeded' | 'Failed'; response?: TwinResponse },
): EventData {
  const now = ctx.now();
  const eventDataId = ctx.newId();
  const sub = /^\/subscriptions\/([^/]+)/i.exec(op.resourceId)?.[1] ?? '';
  const group = /\/resourcegroups\/([^/]+)/i.exec(op.resourceId)?.[1];
  const [namespace = ''] = op.operationName.split('/');
  const code = phase.response?.status;
  const failed = phase.status === 'Failed';
  return {
    authorization: { action: op.operationName, scope: op.resourceId },
    caller: actor.caller,
    channels: 'Operation',
    claims: {
      appid: actor.appId,
      'http://schemas.microsoft.com/identity/claims/objectidentifier': actor.objectId,
      ...(actor.kind === 'User'
        ? { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': actor.caller }
        : {}),
      ipaddr: actor.ip,
    },
    correlationId: ids.correlationId,
    description: '',
    eventDataId,
    eventName: phase.response
      ? { value: 'EndRequest', localizedValue: 'End request' }
      : { value: 'BeginRequest', localizedValue: 'Begin request' },
    category: { value: 'Administrative', localizedValue: 'Administrative' },
    httpRequest: { clientRequestId: ids.clientRequestId, clientIpAddress: actor.ip, method: req.method },
    id: `${op.resourceId}/events/${eventDataId}/ticks/${now * 10_000 + 621_355_968_000_000_000}`,
    level: failed ? 'Error' : 'Informational',
    resourceGroupName: group,
    resourceProviderName: { value: namespace, localizedValue: namespace },
    resourceId: op.resourceId,
    resourceType: { value: op.operationName.split('/').slice(0, -1).join('/') },
    operationId: ids.operationId,
    operationName: { value: op.operationName, localizedValue: op.operationName },
    properties:
      code === undefined
        ? {}
        : {
            statusCode: statusNames[code] ?? String(code),
            serviceRequestId: ids.operationId,
            ...(failed && phase.response?.body ? { statusMessage: JSON.stringify(phase.response.body) } : {}),
          },
    status: { value: phase.status, localizedValue: phase.status },
    subStatus:
      code === undefined
        ? { value: '', localizedValue: '' }
        : {
            value: statusNames[code] ?? '',
            localizedValue: `${statusNames[code] ?? ''} (HTTP Status Code: ${code})`,
          },
    eventTimestamp: new Date(now).toISOString(),
    submissionTimestamp: new Date(now + 12_000).toISOString(),
    subscriptionId: sub,
    tenantId: ctx.world.subscriptions.get(sub)?.tenantId ?? '',
  };
}

function append(ctx: RecorderContext, e: EventData): void {
  const sub = e.subscriptionId ?? '';
  const at = ctx.now();
  ctx.world.activityEvents.set(e.eventDataId!, {
    at,
    visibleAt: at + assumptions.history.activityLogDelayMs,
    seq: ++seq,
    subscriptionId: sub,
    event: e,
  });
}

const cmekOf = (bot: TwinBot | undefined) => (bot ? `${bot.cmek.enabled}|${bot.cmek.keyUrl}` : '');

/**
 * Runs a write and keeps Azure's records of it: an Activity log Started event and a Succeeded or Failed one under one
 * correlation id, and for a bot or vault that changed, a Resource Graph change record with the property diffs.
 */
export function recordWrite(
  ctx: RecorderContext,
  req: TwinRequest,
  actor: TwinActor,
  run: () => TwinResponse,
): TwinResponse {
  const op = writeOperationOf(req.method, req.url.pathname.replace(/\/+$/, ''));
  if (!op) return run();
  const before = trackedState(ctx.world, op.tracked);
  const botBefore = op.tracked?.kind === 'bot' ? ctx.world.bots.get(op.tracked.id) : undefined;
  const ids = {
    correlationId: req.headers['x-ms-correlation-request-id'] || ctx.newId(),
    operationId: ctx.newId(),
    clientRequestId: req.headers['x-ms-client-request-id'] || ctx.newId(),
  };
  append(ctx, event(ctx, op, req, actor, ids, { status: 'Started' }));
  const response = run();
  const ok = response.status < 400;
  append(ctx, event(ctx, op, req, actor, ids, { status: ok ? 'Succeeded' : 'Failed', response }));
  if (!ok || !op.tracked) return response;
  const after = trackedState(ctx.world, op.tracked);
  if (!before && !after) return response;
  const changes = before && after ? diff(before, after) : {};
  if (before && after && Object.keys(changes).length === 0) return response;
  const id = ctx.newId();
  ctx.world.changeRecords.set(id, {
    id,
    at: ctx.now(),
    subscriptionId: /^\/subscriptions\/([^/]+)/i.exec(op.tracked.id)?.[1] ?? '',
    targetResourceId: op.tracked.id,
    targetResourceType:
      op.tracked.kind === 'bot' ? 'microsoft.botservice/botservices' : 'microsoft.keyvault/vaults',
    changeType: !before ? 'Create' : !after ? 'Delete' : 'Update',
    changedBy: actor.caller,
    changedByType: actor.kind,
    clientType: actor.clientType,
    operation: op.operationName,
    correlationId: ids.correlationId,
    changes: before && after ? changes : {},
  });
  const botAfter = op.tracked.kind === 'bot' ? ctx.world.bots.get(op.tracked.id) : undefined;
  if (botAfter && cmekOf(botAfter) !== cmekOf(botBefore) && botAfter.cmek.enabled)
    logKeyWrap(ctx.world, botAfter, ctx.now());
  return response;
}
