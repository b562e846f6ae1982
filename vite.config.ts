import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { headersFor, metaContentSecurityPolicy, staticWebAppConfig } from './security-headers';

/**
 * Builds carry the CSP in index.html, and staticwebapp.config.json with every security header for Azure Static Web
 * Apps (the dev server needs inline scripts for hot reload, so it has neither).
 */
function securityPlugin(): Plugin {
  return {
    name: 'keyguard-security-headers',
    transformIndexHtml: (html, ctx) =>
      // The dev server needs inline scripts for hot reload: only builds carry the CSP.
      ctx.server
        ? html
        : html.replace(
            '<meta charset="UTF-8" />',
            `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}" />`,
          ),
    // `vite preview` serves a build with the headers its host would send.
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        for (const [name, value] of Object.entries(headersFor(req.url ?? '/'))) res.setHeader(name, value);
        next();
      });
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'staticwebapp.config.json',
        source: `${JSON.stringify(staticWebAppConfig(), null, 2)}\n`,
      });
    },
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Modules of these npm packages. */
const packages = (...names: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${names.map(escape).join('|')})[\\\\/]`);
/** These files of ours, by path under src/ without extension. */
const sources = (...paths: string[]) =>
  new RegExp(`[\\\\/]src[\\\\/](${paths.map((p) => escape(p).replace(/\//g, '[\\\\/]')).join('|')})\\.tsx?$`);

/** Every file of ours under these folders of src/. */
const folders = (...paths: string[]) =>
  new RegExp(`[\\\\/]src[\\\\/](${paths.map((p) => escape(p).replace(/\//g, '[\\\\/]')).join('|')})[\\\\/]`);

/**
 * What only the charts use: the charts, d3, and the parts of Fluent packages (taken whole by the groups below) that
 * only the charts need. One chunk, loaded with the first chart, so a page without one (the deep link to Encryption
 * above all) does not load it.
 */
const chartsOnly = new RegExp(
  [
    '[\\\\/]node_modules[\\\\/](@fluentui[\\\\/](react-charts|chart-utilities|react-switch)|d3-[a-z-]+|internmap)[\\\\/]',
    'react-button[\\\\/]lib[\\\\/]components[\\\\/]MenuButton[\\\\/]',
    'react-positioning[\\\\/]lib[\\\\/](hooks[\\\\/]useSafeZoneArea|createVirtualElementFromClick|usePositioningSlideDirection|usePositioningMouseTarget)',
    'react-motion-components-preview[\\\\/]lib[\\\\/]atoms[\\\\/]slide-atom',
  ].join('|'),
);

const notOnEncryptionPath = [
  folders(
    'features/keys',
    'features/vault-access-policies',
    'features/shared/alerts',
    'domain/alerts',
    'features/shared/charts',
  ),
  sources(
    'domain/keys/key-dependents',
    'domain/keys/key-dependent-rows',
    'domain/keys/key-guard',
    'domain/keys/key-vault-errors',
    'domain/keys/rotation-policy-form',
    'domain/keys/check-again',
    'arm/operations/key-vault-data',
    'queries/key-vault',
    'queries/mutations/use-key-actions',
    'queries/mutations/use-move-bot-key',
    'queries/mutations/use-self-access-fixes',
    'queries/mutations/use-diagnostic-settings',
    'queries/all-resources',
    'queries/bots-using-vault',
    'queries/key-dependents',
    'domain/as-code/key-as-code',
    'domain/as-code/alerts-as-code',
    'domain/history/key-usage-series',
    'queries/alerts',
    'arm/operations/alerts',
    'arm/types/alerts',
    'features/shared/key-guard-dialog',
    'features/shared/use-vault-key-dependents',
    'features/shared/resource-table',
    'features/shared/cmek-role-panel',
    'features/shared/principal-trust-badge',
    'features/shared/use-principal-trust',
    'features/shared/workspace-field',
    'features/shared/use-common-facts',
    'features/bot-overview/message-test',
    'arm/direct-line',
    'portal/virtual-table',
    'portal/plain-table',
    'portal/essentials',
  ),
];

/**
 * Chunks by when they are needed, instead of one per set of importers: left alone, the bundler cut the start-up path
 * of a deep link into about 60 files, most under 1 kB, and over HTTP/1.1 (six connections) their queue, not their
 * size, set the time to first content. The live sign-in page still loads only `boot`, `ui-core` and `start` (+ MSAL).
 */
const chunkGroups = [
  // First, so no group below pulls them in with a package it takes whole (react-button's MenuButton with the rest).
  { name: 'charts', test: chartsOnly, priority: 10, includeDependenciesRecursively: false },
  // What the entry itself needs: it must not wait for React or Fluent (src/app/launch.ts).
  {
    name: 'boot',
    test: sources(
      'app/launch',
      'app/pages',
      'app/runtime-config',
      'arm/clouds',
      'arm/resource-id',
      'portal/navigation/routes',
      'mocks/harness/register-worker',
      'mocks/harness/page/spawn-twin',
    ),
    priority: 5,
  },
  // React and the Fluent core every page needs, the sign-in and error pages included.
  {
    name: 'ui-core',
    test: packages(
      'react',
      'react-dom',
      'scheduler',
      'use-sync-external-store',
      '@griffel/core',
      '@griffel/react',
      '@griffel/style-types',
      '@fluentui/react-provider',
      '@fluentui/tokens',
      '@fluentui/react-theme',
      '@fluentui/react-shared-contexts',
      '@fluentui/react-utilities',
      '@fluentui/react-jsx-runtime',
      '@fluentui/react-tabster',
      '@fluentui/keyboard-keys',
      '@fluentui/react-button',
      '@fluentui/react-text',
      '@fluentui/react-message-bar',
      '@fluentui/react-aria',
      '@fluentui/react-motion',
      '@fluentui/react-portal',
      '@fluentui/react-link',
      'tabster',
      'keyborg',
      'rtl-css-js',
      'stylis',
      '@swc/helpers',
    ),
    priority: 4,
  },
  // Our code the start pages and both start-ups need (ARM client, router, theme).
  {
    name: 'start',
    test: sources(
      'arm/client',
      'arm/errors',
      'arm/retry-policy',
      'arm/server-clock',
      'arm/sleep',
      'portal/navigation/router',
      'portal/theme/theme',
      'auth/interaction',
      'app/start-pages',
    ),
    priority: 4,
  },
  // Form controls, tooltips, icons and TanStack Query, where at least two pages share them. Bigger, rarer parts
  // (combobox, tabs, drawers, dialogs, virtualizer) stay with the pages that use them.
  {
    name: 'ui',
    test: packages(
      '@fluentui/react-icons',
      '@fluentui/react-field',
      '@fluentui/react-input',
      '@fluentui/react-label',
      '@fluentui/react-radio',
      '@fluentui/react-spinner',
      '@fluentui/react-skeleton',
      '@fluentui/react-divider',
      '@fluentui/react-tooltip',
      '@fluentui/react-positioning',
      '@fluentui/react-toolbar',
      '@fluentui/react-search',
      '@fluentui/react-context-selector',
      '@fluentui/react-motion-components-preview',
      '@floating-ui/core',
      '@floating-ui/dom',
      '@floating-ui/utils',
      '@tanstack/query-core',
      '@tanstack/react-query',
    ),
    minShareCount: 2,
    priority: 2,
  },
  // Fluent parts and the virtualizer that several pages share but a deep link to Encryption does not need (its
  // key picker, dialogs and lists load with them, on demand).
  {
    name: 'ui-more',
    test: packages(
      '@fluentui/react-combobox',
      '@fluentui/react-dialog',
      '@fluentui/react-badge',
      '@fluentui/react-checkbox',
      '@tanstack/virtual-core',
      '@tanstack/react-virtual',
    ),
    minShareCount: 2,
    priority: 3,
    // What they build on (positioning, fields, portals) stays in `ui` and `ui-core`.
    includeDependenciesRecursively: false,
  },
  // Our code that pages other than the bot's Encryption blade share: the key lifecycle, access policies, the resource
  // lists, diagnostic settings. Kept apart so a deep link to Encryption (the most common start) does not load it.
  {
    name: 'shared-more',
    test: (id: string) => notOnEncryptionPath.some((r) => r.test(id)),
    minShareCount: 2,
    priority: 2,
    // Its imports that the Encryption blade needs too stay in `shared`.
    includeDependenciesRecursively: false,
  },
  // Our code two or more pages share (the twin keeps its own chunks).
  // Paths under src/ of ours only: packages keep their own src/ folders too (d3's), which are not ours to group.
  {
    name: 'shared',
    test: (id: string) => !/[\\/]node_modules[\\/]/.test(id) && /[\\/]src[\\/](?!mocks[\\/])/.test(id),
    minShareCount: 2,
    priority: 1,
  },
];

export default defineConfig(({ command, mode }) => ({
  plugins: [react(), securityPlugin()],
  base: './',
  // public/ holds MSW's worker script: the live build ships without it (config.json is deployed beside index.html).
  publicDir: command === 'build' && mode !== 'demo' ? false : 'public',
  resolve: {
    // Only MSW (demo builds) uses tough-cookie, for mocked cookies the twin never sets: see the stand-in for why.
    alias: {
      'tough-cookie': fileURLToPath(new URL('./src/mocks/harness/cookie-jar-stand-in.ts', import.meta.url)),
    },
  },
  // The demo's twin runs in a module worker (src/mocks/worker): same origin, as the CSP's worker-src 'self' allows.
  worker: { format: 'es' as const },
  build: {
    sourcemap: true,
    // The entry only starts the downloads (src/app/launch.ts); React, Fluent, MSAL and the blades are chunks.
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      // auth-redirect.html: the blank page where MSAL's silent renewal (hidden iframe) ends.
      input: { main: 'index.html', authRedirect: 'auth-redirect.html' },
      output: { codeSplitting: { groups: chunkGroups } },
    },
  },
}));
