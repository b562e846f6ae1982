import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Content Security Policy of the built app: scripts and styles only from the app itself, network only to the Azure
 * endpoints the console calls (ARM, Microsoft Graph, the Entra sign-in authority, Direct Line) in the three clouds.
 * Styles need 'unsafe-inline': Griffel (Fluent's CSS-in-JS) and FluentProvider inject <style> elements at run time, and
 * a nonce would need a server rendering each page, which a static deployment has not. Scripts stay 'self' only, so no
 * injected markup can run code.
 */
const azure = [
  'https://management.azure.com',
  'https://management.usgovcloudapi.net',
  'https://management.chinacloudapi.cn',
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
  'https://login.chinacloudapi.cn',
  'https://directline.botframework.com',
];
const signIn = [
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
  'https://login.chinacloudapi.cn',
];

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  `connect-src 'self' ${azure.join(' ')}`,
  // MSAL renews tokens silently in a hidden iframe: it opens on the sign-in authority and ends on this app's own
  // blank auth-redirect.html, where MSAL reads the answer.
  `frame-src 'self' ${signIn.join(' ')}`,
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Builds carry the CSP in index.html (the dev server needs inline scripts for hot reload, so it has none). */
function csp(): Plugin {
  return {
    name: 'keyguard-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`,
      ),
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Modules of these npm packages. */
const packages = (...names: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${names.map(escape).join('|')})[\\\\/]`);
/** These files of ours, by path under src/ without extension. */
const sources = (...paths: string[]) =>
  new RegExp(`[\\\\/]src[\\\\/](${paths.map((p) => escape(p).replace(/\//g, '[\\\\/]')).join('|')})\\.tsx?$`);

/**
 * Chunks by when they are needed, instead of one per set of importers: left alone, the bundler cut the start-up path
 * of a deep link into about 60 files, most under 1 kB, and over HTTP/1.1 (six connections) their queue, not their
 * size, set the time to first content. The live sign-in page still loads only `boot`, `ui-core` and `start` (+ MSAL).
 */
const chunkGroups = [
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
      'mocks/register-worker',
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
  // Our code two or more pages share (the twin keeps its own chunks).
  { name: 'shared', test: /[\\/]src[\\/](?!mocks[\\/])/, minShareCount: 2, priority: 1 },
];

export default defineConfig(({ command, mode }) => ({
  plugins: [react(), csp()],
  base: './',
  // public/ holds MSW's worker script: the live build ships without it (config.json is deployed beside index.html).
  publicDir: command === 'build' && mode !== 'demo' ? false : 'public',
  resolve: {
    // Only MSW (demo builds) uses tough-cookie, for mocked cookies the twin never sets: see the stand-in for why.
    alias: { 'tough-cookie': fileURLToPath(new URL('./src/mocks/cookie-jar-stand-in.ts', import.meta.url)) },
  },
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
