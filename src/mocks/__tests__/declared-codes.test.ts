import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios';
import { assumptions, errorCodes, isDeclaredErrorCode } from '../store/assumptions';
import { SimClock } from '../store/clock';
import { fail } from '../rules/errors';
import { Twin } from '../server/twin';

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)
      ? [{ path, text: readFileSync(path, 'utf8') }]
      : [];
  });
}

const src = join(__dirname, '../..');

describe('what the twin invents is declared, and the console never leans on it', () => {
  it('every error code written in the twin’s code is declared in assumptions.ts, with its origin', () => {
    const found = new Set<string>();
    for (const { text } of sources(join(src, 'mocks'))) {
      for (const m of text.matchAll(
        /(?:\bfail|\bbadRequest|\bno|errorResponse)\(\s*(?:\d+,\s*)?'([A-Za-z_]+)'/g,
      ))
        found.add(m[1]!);
      for (const m of text.matchAll(/\bcode:\s*'([A-Za-z_]+)'/g)) found.add(m[1]!);
    }
    expect(found.size).toBeGreaterThan(30);
    expect([...found].filter((c) => !isDeclaredErrorCode(c))).toEqual([]);
    for (const reason of [...Object.values(errorCodes.documented), ...Object.values(errorCodes.invented)])
      expect(reason.length).toBeGreaterThan(8);
  });

  it('the twin refuses to answer a code that is not declared', () => {
    const twin = new Twin(buildScenario('fresh', 0), SimClock.starting(0, 1));
    twin.router.add('arm', 'GET', '/subscriptions/:sub/providers/Test.Undeclared/things', () =>
      fail(400, 'SomethingMadeUp', 'No source says Azure answers this.'),
    );
    const url = new URL(
      'https://management.azure.com/subscriptions/s/providers/Test.Undeclared/things?api-version=2025-04-01',
    );
    expect(() => twin.handle({ method: 'GET', url, body: undefined, headers: {} })).toThrow(
      /'SomethingMadeUp', which src\/mocks\/twin\/assumptions.ts does not declare/,
    );
  });

  it('no console code branches on an invented error code or encryption status', () => {
    const invented = [
      ...Object.keys(errorCodes.invented),
      ...Object.values(assumptions.cmekStatus).filter((s) => s !== 'Off'),
    ];
    const q = `['"\`]`;
    const offenders: string[] = [];
    for (const layer of ['arm', 'auth', 'domain', 'queries', 'portal', 'features', 'app'])
      for (const { path, text } of sources(join(src, layer))) {
        const file = path.slice(src.length + 1);
        for (const value of invented) {
          const branch = new RegExp(
            `(===|!==|==|!=|case|includes\\()\\s*${q}${value}${q}|${q}${value}${q}\\s*(===|!==|==|!=|:)`,
          );
          if (branch.test(text)) offenders.push(`${file}: ${value}`);
        }
        // A bot's provisioning state says nothing documented about its key: only the LRO poller reads it.
        if (file !== 'arm/lro.ts' && /provisioningState\s*(===|!==)/.test(text))
          offenders.push(`${file}: provisioningState`);
      }
    expect(offenders).toEqual([]);
  });
});
