import { createStore, del, get, set } from 'idb-keyval';
import type { TwinSnapshot } from '../../store/snapshot';

/** Where the twin's worker keeps its state between page loads (workers have no localStorage). */
export interface SnapshotStore {
  load(): Promise<unknown>;
  save(snapshot: TwinSnapshot): Promise<void>;
  clear(): Promise<void>;
}

/**
 * IndexedDB, through idb-keyval (a small, well-kept wrapper: one object store, promise-based get and set), in a
 * database of the demo's own. It holds simulated data only, never a token or a real secret.
 */
export function indexedDbSnapshotStore(): SnapshotStore {
  const store = createStore('keyguard-demo', 'twin');
  return {
    load: () => get('snapshot', store),
    save: (snapshot) => set('snapshot', snapshot, store),
    clear: () => del('snapshot', store),
  };
}
