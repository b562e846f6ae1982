import { setupServer } from 'msw/node';
import { controlOf, ManagedTwin, type TwinOptions } from './create-twin';
import { forwardingHandlers } from '../server/msw-handlers';
import { answer } from '../server/answer';

/**
 * The ARM twin for Node: `server.listen()` and any HTTP client (fetch, the Azure SDKs, curl through a proxy) that
 * calls https://management.azure.com or https://graph.microsoft.com talks to the twin instead. The twin runs in this
 * process; in the browser the same `answer` runs in the twin's worker.
 */
export function createTwinServer(options: TwinOptions = {}) {
  const managed = new ManagedTwin({
    scenario: options.scenario ?? 'fresh',
    startMs: options.startMs,
    speed: options.speed ?? 1,
  });
  const server = setupServer(...forwardingHandlers((request) => answer(managed.twin, request)));
  return { server, managed, control: controlOf(managed) };
}
