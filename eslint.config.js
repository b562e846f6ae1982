import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import { defineConfig, globalIgnores } from 'eslint/config';

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
