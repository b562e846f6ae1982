import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolveChromium } from './browser';

/** Never skip the end-to-end tests silently: no browser is a failed run with a way out. */
export default async function globalSetup(): Promise<void> {
  const choice = resolveChromium();
  const path = choice.executablePath ?? chromium.executablePath();
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium for the end-to-end tests (looked for ${choice.source} at ${path}). ` +
        'Install Debian\'s chromium (apt-get install -y chromium), set CHROMIUM_PATH to a Chromium executable, or run "npx playwright install chromium".',
    );
  }
  if (!existsSync('dist-demo/index.html'))
    throw new Error(
      'dist-demo/ is missing: run "npm run build:demo" before the end-to-end tests (npm test does).',
    );
  console.log(`End-to-end tests use ${choice.source}.`);
}
