import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './csp';

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
  build: {
    sourcemap: true,
    // The entry holds React, Fluent's core and MSAL; lazy blades split off the rest.
    chunkSizeWarningLimit: 900,
  },
});
