import { authorizationRefusal, type Access } from '../rules/authorization';
import { settleProvider } from '../rules/providers';
import { fail, missingRegistration, notFound, refuseIf } from '../rules/errors';
import type { TwinBot, TwinVault } from '../store/model';
import { World } from '../store/world';

export interface TwinContext {
  world: World;
  now(): number;
}

/** ARM's 403 AuthorizationFailed when the demo user holds no role for the action at or above the scope. */
export function authorize(world: World, resourceId: string, action: string, access: Access): void {
  refuseIf(authorizationRefusal(world, resourceId, action, access));
}

export function newGuid(): string {
  return crypto.randomUUID();
}

export function newHex32(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

export function botId(p: { readonly sub: string; readonly rg: string; readonly name: string }): string {
  return `/subscriptions/${p.sub}/resourceGroups/${p.rg}/providers/Microsoft.BotService/botServices/${p.name}`;
}

export function vaultId(p: { readonly sub: string; readonly rg: string; readonly vault: string }): string {
  return `/subscriptions/${p.sub}/resourceGroups/${p.rg}/providers/Microsoft.KeyVault/vaults/${p.vault}`;
}

export function requireSubscription(ctx: TwinContext, sub: string): void {
  if (!ctx.world.subscriptions.get(sub))
    fail(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
}

/** Reads a provider's state, ending a Registering/Unregistering whose time has come. */
export function currentProvider(ctx: TwinContext, sub: string, namespace: string) {
  const p = ctx.world.provider(sub, namespace);
  const settled = settleProvider(p, ctx.now());
  if (settled !== p) ctx.world.providers.set(World.providerKey(sub, namespace), settled);
  return settled;
}

export function requireRegistered(ctx: TwinContext, sub: string, namespace: string): void {
  if (currentProvider(ctx, sub, namespace).state !== 'Registered') missingRegistration(namespace);
}

export function requireResourceGroup(ctx: TwinContext, sub: string, rg: string): void {
  requireSubscription(ctx, sub);
  if (!ctx.world.resourceGroups.get(`/subscriptions/${sub}/resourceGroups/${rg}`)) {
    fail(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);
  }
}

export function getBot(
  ctx: TwinContext,
  p: { readonly sub: string; readonly rg: string; readonly name: string },
  access: 'read' | 'write',
): TwinBot {
  requireResourceGroup(ctx, p.sub, p.rg);
  const id = botId(p);
  authorize(ctx.world, id, `Microsoft.BotService/botServices/${access}`, access);
  const bot = ctx.world.bots.get(id);
  return bot ?? notFound('Microsoft.BotService/botServices', p.name, p.rg);
}

export function getVault(
  ctx: TwinContext,
  p: { readonly sub: string; readonly rg: string; readonly vault: string },
  access: 'read' | 'write',
): TwinVault {
  requireResourceGroup(ctx, p.sub, p.rg);
  const id = vaultId(p);
  authorize(ctx.world, id, `Microsoft.KeyVault/vaults/${access}`, access);
  const vault = ctx.world.vaults.get(id);
  return vault ?? notFound('Microsoft.KeyVault/vaults', p.vault, p.rg);
}
