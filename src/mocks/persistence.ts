import type { TwinSnapshot } from './twin/snapshot';

const storageKey = 'keyguard.demo.twin.v1';

/** The demo twin's state lives in localStorage: it is simulated data only, never a token or a real secret. */
export function demoPersistence() {
  return {
    load(): TwinSnapshot | undefined {
      try {
        const raw = localStorage.getItem(storageKey);
        return raw ? (JSON.parse(raw) as TwinSnapshot) : undefined;
      } catch {
        return undefined;
      }
    },
    save(snapshot: TwinSnapshot): void {
      try {
        localStorage.setItem(storageKey, JSON.stringify(snapshot));
      } catch (e) {
        console.warn('The demo could not save its state; it will reset on reload.', e);
      }
    },
    clear(): void {
      localStorage.removeItem(storageKey);
    },
  };
}
