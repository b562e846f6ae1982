import { useSyncExternalStore } from 'react';

/**
 * The "Directory + subscription" filter: the subscriptions the admin unticked, a choice of theirs kept in this browser
 * (like the directory they work in), not server state.
 */
const key = 'keyguard.subscriptionFilter';
const listeners = new Set<() => void>();

/** The ids the admin unticked in "Directory + subscription"; everything else shows (new subscriptions included). */
function readHidden(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

let hidden: string[] | undefined;

export function setHiddenSubscriptions(ids: string[]): void {
  hidden = [...new Set(ids)];
  try {
    localStorage.setItem(key, JSON.stringify(hidden));
  } catch {
    // keep the choice for this tab
  }
  listeners.forEach((l) => l());
}

/** The ids the admin unticked, now (outside React: start-up reads ahead only what Home will show). */
export function hiddenSubscriptions(): string[] {
  return (hidden ??= readHidden());
}

export function useHiddenSubscriptions(): string[] {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, hiddenSubscriptions);
}
