import type { InitMessage } from '../../shared/protocol';
import { hostTwin, type Port } from './twin-host';
import { indexedDbSnapshotStore } from './snapshot-store';

/**
 * The demo's Azure, off the page's main thread: the page sends one `init` with its end of a MessageChannel, and the
 * twin answers over it from then on (twin-host.ts).
 */
addEventListener(
  'message',
  (event: MessageEvent<InitMessage>) => {
    const port = event.ports[0];
    if (event.data?.type !== 'init' || !port) return;
    void hostTwin(port as unknown as Port, event.data, indexedDbSnapshotStore());
  },
  { once: true },
);
