import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  publicDir: resolve(import.meta.dirname, '../../public'),
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '../results/floor-dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
