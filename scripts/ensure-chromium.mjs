// Makes sure the end-to-end tests have a Chromium: $CHROMIUM_PATH, Debian's /usr/bin/chromium (installed with apt-get
// when running as root on Debian), or Playwright's own download. Playwright's global setup fails the run if none exists.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
if (fromEnv || existsSync('/usr/bin/chromium')) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log("Installing Debian's chromium for the end-to-end tests (apt-get install chromium)…");
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
} else {
  console.warn(
    "No /usr/bin/chromium and no CHROMIUM_PATH: the end-to-end tests will try Playwright's own Chromium (npx playwright install chromium).",
  );
}
