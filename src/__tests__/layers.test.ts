// @vitest-environment node
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, shown failing on violating code (linted as if it sat at the given path):
 * `npm run lint` passes only because the code base keeps them.
 */
// The fixtures are not files on disk, so the type-aware rules (which need a TypeScript program) are off for them.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [tseslint.configs.disableTypeChecked] });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const violations: [string, string, string, RegExp][] = [
  [
    'domain reads server state',
    'src/domain/fixture.ts',
    "import { vaultQuery } from '../queries/resources';\nexport const q = vaultQuery;\n",
    /no-restricted-paths.*src\/domain must not import from src\/queries/,
  ],
  [
    'domain uses React',
    'src/domain/fixture.ts',
    "import { useState } from 'react';\nexport const s = useState;\n",
    /no-restricted-imports.*src\/domain is pure/,
  ],
  [
    'queries import the chrome',
    'src/queries/fixture.ts',
    "import { useNotifications } from '../portal/notifications/notifications-context';\nexport const n = useNotifications;\n",
    /src\/queries must not import from src\/portal/,
  ],
  [
    'the chrome reads server state',
    'src/portal/fixture.ts',
    "import { subscriptionsQuery } from '../queries/resources';\nexport const s = subscriptionsQuery;\n",
    /src\/portal is generic chrome/,
  ],
  [
    'a feature reaches into another feature',
    'src/features/home/fixture.ts',
    "import { KeyPicker } from '../bot-encryption/key-picker';\nexport const k = KeyPicker;\n",
    /src\/features\/home imports only itself and features\/shared/,
  ],
  [
    'the ARM layer imports a feature',
    'src/arm/fixture.ts',
    "import HomePage from '../features/home/home-page';\nexport const h = HomePage;\n",
    /src\/arm must not import from src\/features/,
  ],
  [
    'a blade imports the twin',
    'src/features/home/fixture.ts',
    "import { buildScenario } from '../../mocks/scenarios';\nexport const b = buildScenario;\n",
    /never knows it exists/,
  ],
  [
    'the twin’s store reads the scenarios',
    'src/mocks/store/fixture.ts',
    "import { buildScenario } from '../scenarios';\nexport const b = buildScenario;\n",
    /src\/mocks\/store must not import from src\/mocks\/scenarios/,
  ],
  [
    'a twin rule speaks HTTP',
    'src/mocks/rules/fixture.ts',
    "import { json } from '../routes/http';\nexport const j = json;\n",
    /src\/mocks\/rules must not import from src\/mocks\/routes/,
  ],
  [
    'the page loads the twin',
    'src/mocks/harness/page/fixture.ts',
    "import { Twin } from '../../server/twin';\nexport const t = Twin;\n",
    /The page loads only the MSW handlers/,
  ],
  [
    'the twin imports the console',
    'src/mocks/fixture.ts',
    "import { parseKeyUrl } from '../domain/key-url';\nexport const p = parseKeyUrl;\n",
    /The twin never imports the console/,
  ],
  [
    'the twin imports more of src/arm than its types',
    'src/mocks/fixture.ts',
    "import { armRequest } from '../arm/client';\nexport const r = armRequest;\n",
    /only src\/arm\/types/,
  ],
  [
    'the twin imports more of the deployment’s api than the gateway',
    'src/mocks/server/fixture.ts',
    "import { app } from '../../../api/src/functions/keyvault';\nexport const a = app;\n",
    /only the gateway’s pure handler/,
  ],
  [
    'the gateway imports the app',
    'api/src/fixture.ts',
    "import { parseKeyUrl } from '../../src/domain/key-url';\nexport const p = parseKeyUrl;\n",
    /api\/ is deployed alone/,
  ],
  [
    'an import circle',
    'src/domain/key-url.ts',
    "import { botUsesVault } from './cmek';\nexport const b = botUsesVault;\n",
    /import-x\/no-cycle/,
  ],
];

describe('the layers lint enforces', () => {
  for (const [what, filePath, code, expected] of violations)
    it(`fails when ${what}`, async () => {
      expect((await problems(filePath, code)).join('\n')).toMatch(expected);
    });

  it('lets the twin’s server use the real gateway', async () => {
    expect(
      await problems(
        'src/mocks/server/fixture.ts',
        "import { handleGateway } from '../../../api/src/gateway';\nexport const h = handleGateway;\n",
      ),
    ).toEqual([]);
  });

  it('passes code that imports downward', async () => {
    expect(
      await problems(
        'src/queries/fixture.ts',
        "import { parseKeyUrl } from '../domain/key-url';\nexport const p = parseKeyUrl;\n",
      ),
    ).toEqual([]);
  });
});
