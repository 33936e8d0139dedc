// One renderer build configuration, used by electron-vite and by the browser mode.
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

// electron-vite bundles its config (and this file with it) next to the project's package.json,
// Vite loads it from renderer/: find the project root either way.
const root = existsSync(resolve(import.meta.dirname, 'package.json'))
  ? import.meta.dirname
  : resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

// Browser mode and a hall server (docs/hall-station.md): the page's CSP lets it talk to its own
// origin only, so `OW_HALL_URL=http://127.0.0.1:4470 npm run web` serves the hall's /v1 routes
// through this origin. The proxy checks an https hall's certificate like any client (no pin).
const hallUrl = process.env.OW_HALL_URL;
const proxy = hallUrl ? { '/v1': { target: hallUrl, changeOrigin: true } } : undefined;

export const rendererConfig: UserConfig = {
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', port: 5173, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
};
