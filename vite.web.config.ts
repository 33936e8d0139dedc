// The renderer built for the browser mode (npm run web, and the end-to-end tests).
import { defineConfig } from 'vite';
import { rendererConfig } from './renderer/vite.shared.ts';

export default defineConfig(rendererConfig);
