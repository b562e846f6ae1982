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

export default defineConfig({
  plugins: [react(), csp()],
  base: './',
  resolve: {
    // Only MSW (demo builds) reaches tldts, for its cookie store; see src/mocks/tldts-shim.ts for why a stand-in does.
    alias: { tldts: fileURLToPath(new URL('./src/mocks/tldts-shim.ts', import.meta.url)) },
  },
  build: {
    sourcemap: true,
    // The entry only starts the downloads (src/app/launch.ts); React, Fluent, MSAL and the blades are chunks.
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      // auth-redirect.html: the blank page where MSAL's silent renewal (hidden iframe) ends.
      input: { main: 'index.html', authRedirect: 'auth-redirect.html' },
    },
  },
});
