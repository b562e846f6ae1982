import type { TwinProvider } from '../store/model';

/** Registering and Unregistering end by themselves once their simulated time has passed. */
export function settleProvider(p: TwinProvider, nowMs: number): TwinProvider {
  if (p.transitionEndsAt === undefined || p.transitionEndsAt > nowMs) return p;
  if (p.state === 'Registering') return { ...p, state: 'Registered', transitionEndsAt: undefined };
  if (p.state === 'Unregistering') return { ...p, state: 'NotRegistered', transitionEndsAt: undefined };
  return { ...p, transitionEndsAt: undefined };
}
