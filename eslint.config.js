import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';
import testingLibrary from 'eslint-plugin-testing-library';
import jestDom from 'eslint-plugin-jest-dom';
import { defineConfig, globalIgnores } from 'eslint/config';

/*
 * The layers, bottom to top: each imports only from below (docs/architecture.md).
 *   arm → auth → domain → queries → portal → features → app;  mocks (the twin) sees only arm/types.
 * Tests and src/testing may import anything.
 */
const layers = ['arm', 'auth', 'domain', 'queries', 'portal', 'features', 'app'];
/** The twin's layers, bottom to top (src/mocks): wire and hosts, store, rules, routes, server, scenarios, harness. */
const twinLayers = ['shared', 'store', 'rules', 'routes', 'server', 'scenarios', 'harness'];
const above = (layer) => layers.slice(layers.indexOf(layer) + 1);
const zone = (target, from, message, except) => ({
  target: `./src/${target}`,
  from: `./src/${from}`,
  ...(except ? { except } : {}),
  message,
});
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared' && d.name !== '__tests__')
  .map((d) => d.name);
const layerZones = [
  ...layers.flatMap((layer) =>
    above(layer).map((higher) =>
      zone(layer, higher, `src/${layer} must not import from src/${higher}: layers only import downward.`),
    ),
  ),
  ...layers
    .filter((l) => l !== 'app')
    .map((l) =>
      zone(l, 'mocks', `Only the app's demo start-up may import the twin; src/${l} never knows it exists.`),
    ),
  ...layers.map((l) => zone(l, 'testing', 'Test helpers are for tests.')),
  // Domain rules are pure: they read ARM's shapes and nothing else (no session, no React).
  zone('domain', 'auth', 'src/domain is pure: it does not know the session.'),
  // The chrome knows no Azure resource: it never reads server state.
  zone(
    'portal',
    'queries',
    'src/portal is generic chrome: it never reads server state (put it in a feature).',
  ),
  // A feature uses its own files and features/shared, never another feature's.
  ...features.map((f) =>
    zone(`features/${f}`, 'features', `src/features/${f} imports only itself and features/shared.`, [
      `./${f}`,
      './shared',
    ]),
  ),
  zone('features/shared', 'features', 'features/shared is used by features; it uses none of them.', [
    './shared',
  ]),
  // The twin stands for Azure: it shares only the wire types with the console.
  zone('mocks', 'arm', 'The twin imports only src/arm/types from the console.', ['./types']),
  ...layers.filter((l) => l !== 'arm').map((l) => zone('mocks', l, 'The twin never imports the console.')),
  // The twin's own layers (docs/architecture.md), each importing only from below it.
  ...twinLayers.flatMap((layer, i) =>
    twinLayers
      .slice(i + 1)
      .map((higher) =>
        zone(
          `mocks/${layer}`,
          `mocks/${higher}`,
          `src/mocks/${layer} must not import from src/mocks/${higher}: the twin's layers only import downward.`,
        ),
      ),
  ),
  // The demo's gateway is the real one: the twin imports its pure handler, and nothing else of the deployment's api.
  {
    target: './src/mocks',
    from: './api',
    except: ['./src/gateway.ts'],
    message: 'The twin imports only the gateway’s pure handler (api/src/gateway.ts) from api/.',
  },
  // The page's end of the demo never loads the twin: only the wire, the intercepted hosts and MSW's handlers.
  ...['mocks/harness/page', 'mocks/harness/browser.ts'].flatMap((page) => [
    ...['store', 'rules', 'routes', 'scenarios'].map((l) =>
      zone(page, `mocks/${l}`, 'The page never loads the twin: it talks to the twin’s worker.'),
    ),
    zone(page, 'mocks/server', 'The page loads only the MSW handlers of the twin’s server.', [
      './msw-handlers.ts',
    ]),
    zone(page, 'mocks/harness/worker', 'The page starts the twin’s worker by URL, never by import.'),
    zone(page, 'mocks/harness/create-twin.ts', 'The page never builds a twin.'),
  ]),
];

const uiPackages = [
  'react',
  'react-dom',
  'react/*',
  '@fluentui/*',
  '@tanstack/react-query',
  '@tanstack/react-virtual',
];

export default defineConfig([
  globalIgnores([
    'dist',
    'dist-demo',
    'node_modules',
    'public/mockServiceWorker.js',
    'playwright-report',
    'test-results',
    'bench/results',
  ]),
  {
    files: ['**/*.{ts,tsx,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Test tooling and scripts report to the terminal.
    files: ['e2e/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/__tests__/**', '**/*.test.{ts,tsx}', 'src/testing/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // no-cycle reads the imported files themselves: they are TypeScript.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The gateway is deployed on its own: it imports nothing of the app or the twin.
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/__tests__/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './api',
              from: './src',
              message: 'api/ is deployed alone: it imports nothing from src/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules (typescript-eslint's recommended-type-checked), with exhaustive switches over unions.
    files: ['src/**/*.{ts,tsx}', 'api/src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // React's event props take functions returning void; an async handler there is the intended use.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Hooks and ports return objects of callbacks that are destructured (`const { start } = useChangeReporter()`);
      // none of them uses `this`.
      '@typescript-eslint/unbound-method': 'off',
      // An async function implementing a promise-returning contract (a port, a stand-in) reads plainer than
      // Promise.resolve, awaiting or not.
      '@typescript-eslint/require-await': 'off',
      // `'Deny' | 'Audit' | string` names the values Azure documents while taking any it may add: intended.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },
  {
    // Tests read Azure's answers as untyped JSON (that is what they check); the rules on `any` flows stay for source.
    files: ['src/**/__tests__/**/*.{ts,tsx}', 'src/**/*.test.{ts,tsx}', 'api/src/__tests__/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Source files stay small; tests may be longer.
    files: ['src/**/*.{ts,tsx}', 'api/src/**/*.ts'],
    ignores: ['**/__tests__/**', '**/*.test.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] },
  },
  {
    // Unit tests query like a user and assert with jest-dom's matchers.
    files: ['src/**/__tests__/**/*.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    extends: [testingLibrary.configs['flat/react'], jestDom.configs['flat/recommended']],
  },
  {
    // Domain rules are pure: no React, no TanStack Query, no Fluent, no I/O.
    files: ['src/domain/**/*.ts'],
    ignores: ['**/__tests__/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...uiPackages, '@tanstack/*'],
              message: 'src/domain is pure: no React or server state.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'src/domain does no I/O.' },
        { name: 'localStorage', message: 'src/domain does no I/O.' },
        { name: 'sessionStorage', message: 'src/domain does no I/O.' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    rules: {
      // Scrollable regions need a tab stop to be reachable by keyboard.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }],
    },
  },
  {
    // The ARM layer is transport only: no UI, no twin. (Its tests run against the twin.)
    files: ['src/arm/**/*.ts'],
    ignores: ['**/__tests__/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiPackages, message: 'src/arm must stay free of UI code.' },
            {
              group: ['**/mocks/**', '**/features/**', '**/portal/**', '**/app/**', 'msw', 'msw/*'],
              message: 'src/arm must not depend on the twin or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    // The twin is a server: it never imports UI code, nor the console's own readiness rules.
    files: ['src/mocks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiPackages, message: 'The ARM twin must stay free of UI code.' },
            {
              group: ['**/features/**', '**/portal/**', '**/app/**', '**/auth/**'],
              message: 'The ARM twin must not import the console.',
            },
          ],
        },
      ],
    },
  },
  {
    // Features talk to Azure only through src/arm.
    files: ['src/features/**/*.{ts,tsx}', 'src/portal/**/*.{ts,tsx}'],
    ignores: ['**/__tests__/**', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use the typed operations in src/arm.' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/mocks/**', 'msw', 'msw/*'], message: 'Blades never know the twin exists.' },
          ],
        },
      ],
    },
  },
]);
