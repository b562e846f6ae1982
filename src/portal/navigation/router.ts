import { useSyncExternalStore } from 'react';
import { parseHash, type Route } from './routes';

type Guard = () => Promise<boolean>;

let guard: Guard | undefined;
let lastAcceptedHash = typeof window === 'undefined' ? '' : window.location.hash;
const listeners = new Set<() => void>();

/** The unsaved-changes guard registers here; navigation asks it before leaving. */
export function setNavigationGuard(next: Guard | undefined): void {
  guard = next;
}

function emit(): void {
  listeners.forEach((l) => l());
}

/** In-app navigation: asks the guard first, then changes the hash. */
export async function navigate(hash: string, options: { replace?: boolean } = {}): Promise<boolean> {
  const target = hash.startsWith('#') ? hash : `#${hash}`;
  if (target === window.location.hash) return true;
  if (guard && !(await guard())) return false;
  lastAcceptedHash = target;
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  emit();
  return true;
}

/** Back/forward and typed URLs arrive as hashchange: the guard can send the user back to where they were. */
async function onHashChange(): Promise<void> {
  const next = window.location.hash;
  if (next === lastAcceptedHash) return;
  if (guard) {
    // Put the address back while the user decides (replaceState fires no event).
    window.history.replaceState(null, '', lastAcceptedHash || '#home');
    if (!(await guard())) return;
    window.history.replaceState(null, '', next);
  }
  lastAcceptedHash = next;
  emit();
}

/** The guard's question may wait on the admin; nothing waits on the event itself. */
const onHashEvent = () => void onHashChange();

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('hashchange', onHashEvent);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('hashchange', onHashEvent);
    }
  };
}

let cachedHash: string | undefined;
let cachedRoute: Route = { kind: 'home' };
function snapshot(): Route {
  const hash = window.location.hash;
  if (hash !== cachedHash) {
    cachedHash = hash;
    cachedRoute = parseHash(hash);
  }
  return cachedRoute;
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Re-syncs after the app rewrites the URL itself (start-up, sign-in return). */
export function syncRouteFromLocation(): void {
  lastAcceptedHash = window.location.hash;
  emit();
}
