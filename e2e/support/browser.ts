import { existsSync } from 'node:fs';

export interface ChromiumChoice {
  /** Undefined: Playwright's own browser build. */
  executablePath?: string;
  source: string;
}

/**
 * Which Chromium drives the end-to-end tests: $CHROMIUM_PATH (or $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH), else Debian's
 * /usr/bin/chromium, else the browser Playwright downloaded itself. global-setup fails the run when none exists.
 */
export function resolveChromium(): ChromiumChoice {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) return { executablePath: fromEnv, source: `environment (${fromEnv})` };
  if (existsSync('/usr/bin/chromium'))
    return { executablePath: '/usr/bin/chromium', source: 'Debian chromium (/usr/bin/chromium)' };
  return { executablePath: undefined, source: "Playwright's own Chromium" };
}
