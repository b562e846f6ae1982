import { useEffect, useSyncExternalStore } from 'react';

// Whether the page's own content (a blade's resource, Home's list) has been shown once. Chrome that is not needed to
// see it (search, menus) waits for this, or for a short timeout, so it never competes with the first requests.
let shown = false;
const listeners = new Set<() => void>();

export function markContentShown(): void {
  if (shown) return;
  shown = true;
  listeners.forEach((l) => l());
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** True once content was shown, or `fallbackMs` after mounting, whichever comes first. */
export function useContentShown(fallbackMs = 1500): boolean {
  const value = useSyncExternalStore(subscribe, () => shown);
  useEffect(() => {
    if (value) return;
    const timer = setTimeout(markContentShown, fallbackMs);
    return () => clearTimeout(timer);
  }, [value, fallbackMs]);
  return value;
}
