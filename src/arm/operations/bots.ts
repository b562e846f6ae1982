import { apiVersions } from '../api-versions';
import { armRequest } from '../client';
import { listAll } from '../paging';
import type { Bot, BotPatch } from '../types/bot';

const v = apiVersions.botService;

export async function botsGet(id: string, signal?: AbortSignal): Promise<Bot> {
  return (await armRequest<Bot>({ method: 'GET', path: id, apiVersion: v, signal })).body;
}

export function botsList(subscriptionId: string, signal?: AbortSignal): Promise<Bot[]> {
  return listAll<Bot>(`/subscriptions/${subscriptionId}/providers/Microsoft.BotService/botServices`, {
    apiVersion: v,
    signal,
  });
}

/** Bots_Update (PATCH). Sets properties to given values, so it is safe to repeat after a throttle or 503. */
export async function botsUpdate(id: string, patch: BotPatch, signal?: AbortSignal): Promise<Bot> {
  return (
    await armRequest<Bot>({ method: 'PATCH', path: id, apiVersion: v, body: patch, signal, idempotent: true })
  ).body;
}
