import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

function bundleText(dir: string): string {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n');
}

test.describe('build output', () => {
  test('the live build contains no MSW and no twin code', () => {
    const live = bundleText('dist');
    for (const marker of [
      'setupWorker',
      'mockServiceWorker',
      'msw',
      'ScenarioBuilder',
      'kv-contoso-cmk',
      'Demo mode: simulated data',
      '__keyguardTwin',
    ]) {
      expect(live.includes(marker), `live build contains "${marker}"`).toBe(false);
    }
  });

  test('the demo build does carry the twin (so the check above can fail)', () => {
    const demo = bundleText('dist-demo');
    expect(demo).toContain('mockServiceWorker');
    expect(demo).toContain('kv-contoso-cmk');
  });
});
