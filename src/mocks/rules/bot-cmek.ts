import { assumptions } from '../store/assumptions';
import type { TwinBot } from '../store/model';
import type { World } from '../store/world';
import { botTenantOf, evaluateBotKeyAccess, type KeyAccessFailure } from './bot-key-access';

const status = assumptions.cmekStatus;

/** Ends a phase whose simulated time has run out. Returns the bot as it is now. */
export function settleBot(world: World, bot: TwinBot, nowMs: number): TwinBot {
  const { cmek } = bot;
  if (cmek.phase === 'idle' || cmek.phaseEndsAt === undefined || cmek.phaseEndsAt > nowMs) return bot;
  if (botKeyProblem(world, bot, nowMs)) return bot; // an unreachable key stalls the work
  const settled: TwinBot = {
    ...bot,
    cmek: { enabled: cmek.phase !== 'decrypting', keyUrl: cmek.keyUrl, phase: 'idle' },
  };
  world.bots.set(bot.id, settled);
  return settled;
}

/**
 * Which keys the service needs: the current one while CMK is on, and the old one while rotating or decrypting. `atMs`
 * (default: while the phase lasts) asks about a moment after the phase may have ended.
 */
export function keysInUse(bot: TwinBot, atMs?: number): string[] {
  const { cmek } = bot;
  const phaseOver = atMs !== undefined && cmek.phaseEndsAt !== undefined && cmek.phaseEndsAt <= atMs;
  const phase = phaseOver ? 'idle' : cmek.phase;
  const enabled = phaseOver ? cmek.phase !== 'decrypting' : cmek.enabled;
  const used: string[] = [];
  if ((enabled || phase === 'decrypting') && cmek.keyUrl) used.push(cmek.keyUrl);
  if (phase === 'rotating' && cmek.previousKeyUrl) used.push(cmek.previousKeyUrl);
  return used;
}

/** Why the Bot Service cannot reach the data of this bot, if it cannot. */
export function botKeyProblem(world: World, bot: TwinBot, nowMs: number): KeyAccessFailure | undefined {
  for (const url of keysInUse(bot)) {
    // A running bot unwraps what it wrapped: a version past its expiry still serves (assumptions.botKeyExpiry).
    const access = evaluateBotKeyAccess(world, botTenantOf(world, bot), url, nowMs, 'unwrap');
    if (!access.ok) return access;
  }
  return undefined;
}

export function cmekStatusOf(world: World, bot: TwinBot, nowMs: number): string {
  if (botKeyProblem(world, bot, nowMs)) return status.keyInaccessible;
  switch (bot.cmek.phase) {
    case 'encrypting':
      return status.encrypting;
    case 'rotating':
      return status.rotating;
    case 'decrypting':
      return status.decrypting;
    case 'idle':
      return bot.cmek.enabled ? status.encrypted : status.off;
  }
}
