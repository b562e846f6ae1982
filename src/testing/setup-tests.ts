import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetTwin, testTwin, useTestArmClient } from './twin';

// Two shared cores under a parallel run: give findBy/waitFor room before calling a slow render a failure.
configure({ asyncUtilTimeout: 5000 });

// Tests marked `@vitest-environment node` (Node-only code: the linter, the gateway) have no DOM to adjust.
const dom = typeof Element !== 'undefined';

// happy-dom's Web Animations never finish, which leaves Fluent's closed dialogs marking the page aria-hidden. Without
// element.animate, Fluent's motion takes its documented test-environment path (completes on the next render).
if (dom)
  Object.defineProperty(Element.prototype, 'animate', {
    value: undefined,
    configurable: true,
    writable: true,
  });

// happy-dom lays nothing out, so a virtualized table would render no rows: its scrollable region reports a box.
const laidOut = [
  ['clientHeight', 600],
  ['clientWidth', 1024],
] as const;
for (const [prop, size] of dom ? laidOut : []) {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, prop);
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      if (this.getAttribute('role') === 'region' && this.tabIndex === 0) return size;
      return (original?.get?.call(this) as number | undefined) ?? 0;
    },
  });
}

beforeAll(() => testTwin.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  resetTwin('fresh');
  useTestArmClient();
});
afterEach(() => {
  if (dom) cleanup();
  testTwin.server.resetHandlers();
  testTwin.server.events.removeAllListeners();
  if (dom) {
    localStorage.clear();
    sessionStorage.clear();
  }
});
afterAll(() => testTwin.server.close());
