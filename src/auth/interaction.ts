import { useSyncExternalStore } from 'react';

/** Set when MSAL says the user must interact (expired session, new consent): the shell shows "Sign in again". */
let required = false;
const listeners = new Set<() => void>();

export function requireInteraction(): void {
  if (required) return;
  required = true;
  listeners.forEach((l) => l());
}

export function clearInteraction(): void {
  if (!required) return;
  required = false;
  listeners.forEach((l) => l());
}

export function useInteractionRequired(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => required,
  );
}
