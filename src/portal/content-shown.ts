import { useEffect, useSyncExternalStore } from 'react';

// Whether the page's own content (a blade's resource, Home's list) has been shown once. Chrome that is not needed to
// see it (search, menus) waits for this, or for a short timeout, so it never competes with the first requests.
let shown = false;
const listeners = new Set<() => void>();

let pending = false;

/**
 * Called when content arrives; chrome is released once that content has painted (two frames later) and the browser
 * is next idle, so its chunks never delay what the admin came to see.
 */
export function markContentShown(): void {
  if (shown || pending) return;
  pending = true;
  const release = () => {
    shown = true;
    listeners.forEach((l) => l());
  };
  if (typeof requestAnimationFrame === 'undefined') return release();
  const whenIdle = (fn: () => void) =>
    typeof requestIdleCallback === 'undefined'
      ? setTimeout(fn, 0)
      : requestIdleCallback(fn, { timeout: 1000 });
  requestAnimationFrame(() => requestAnimationFrame(() => whenIdle(release)));
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
