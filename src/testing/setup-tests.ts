import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetTwin, testTwin, useTestArmClient } from './twin';

// Two shared cores under a parallel run: give findBy/waitFor room before calling a slow render a failure.
configure({ asyncUtilTimeout: 5000 });

// happy-dom's Web Animations never finish, which leaves Fluent's closed dialogs marking the page aria-hidden. Without
// element.animate, Fluent's motion takes its documented test-environment path (completes on the next render).
Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true, writable: true });

beforeAll(() => testTwin.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  resetTwin('fresh');
  useTestArmClient();
});
afterEach(() => {
  cleanup();
  testTwin.server.resetHandlers();
  testTwin.server.events.removeAllListeners();
  localStorage.clear();
  sessionStorage.clear();
});
afterAll(() => testTwin.server.close());
