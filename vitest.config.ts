import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'http://localhost:3000/' } },
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'api/src/**/*.test.ts'],
    testTimeout: 20_000,
    restoreMocks: true,
    // Vitest leaves a core free by default, which on a 2-core machine is one worker: the suite took 170 s instead
    // of 110. Tests already allow for two busy cores (asyncUtilTimeout in setup-tests.ts).
    maxWorkers: availableParallelism(),
  },
});
