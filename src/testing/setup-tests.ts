import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetTwin, testTwin, useTestArmClient } from './twin';

beforeAll(() => testTwin.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  resetTwin('fresh');
  useTestArmClient();
});
afterEach(() => {
  cleanup();
  testTwin.server.resetHandlers();
  localStorage.clear();
  sessionStorage.clear();
});
afterAll(() => testTwin.server.close());
