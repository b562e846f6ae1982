import type { InitMessage } from '../../shared/protocol';

export interface SpawnedTwin {
  worker: Worker;
  /** The page's end of the channel the twin answers on. */
  port: MessagePort;
}

/**
 * Starts the twin's worker with how the demo was opened (`?scenario=`, `?speed=`, `?gateway=`). Called by the entry,
 * before the UI runtime has loaded, so the world is built (or restored) while the page's own code downloads.
 */
export function spawnTwin(search: string): SpawnedTwin {
  const worker = new Worker(new URL('../worker/twin-worker.ts', import.meta.url), {
    type: 'module',
    name: 'keyguard-twin',
  });
  const channel = new MessageChannel();
  const init: InitMessage = { type: 'init', search };
  worker.postMessage(init, [channel.port2]);
  return { worker, port: channel.port1 };
}
