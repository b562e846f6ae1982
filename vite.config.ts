import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    sourcemap: true,
    // The entry holds React, Fluent's core and MSAL; lazy blades split off the rest.
    chunkSizeWarningLimit: 900,
  },
});
