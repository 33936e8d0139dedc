// Builds the benchmark page (tests/bench/index.html) that scripts/bench.mjs opens in Chromium.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../../out/bench'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
