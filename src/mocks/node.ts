import { setupServer } from 'msw/node';
import { controlOf, ManagedTwin, type TwinOptions } from './create-twin';
import { twinHandlers } from './msw-handlers';

/**
 * The ARM twin for Node: `server.listen()` and any HTTP client (fetch, the Azure SDKs, curl through a proxy) that
 * calls https://management.azure.com or https://graph.microsoft.com talks to the twin instead.
 */
export function createTwinServer(options: TwinOptions = {}) {
  const managed = new ManagedTwin({
    scenario: options.scenario ?? 'fresh',
    startMs: options.startMs,
    speed: options.speed ?? 1,
  });
  const server = setupServer(...twinHandlers(() => managed.twin));
  return { server, managed, control: controlOf(managed) };
}

const ready = createTwinServer();
/** A ready server on the `fresh` scenario, real-time clock. */
export const server = ready.server;
export const twin = ready.managed;
export const control = ready.control;
