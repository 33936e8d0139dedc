// npm run web: build the renderer for the browser mode and serve it on 127.0.0.1.
// Options: --no-build (serve what is in out/renderer), --port N (default 4173, next free one
// if taken). Ctrl-C stops the server and exits cleanly.
import { build, preview } from 'vite';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const configFile = join(root, 'vite.web.config.ts');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.OW_WEB_PORT ?? 4173);

if (!skipBuild) {
  await build({ configFile, root: join(root, 'renderer'), logLevel: 'warn' });
} else if (!existsSync(join(root, 'out/renderer/index.html'))) {
  console.error('out/renderer is empty: run without --no-build first.');
  process.exit(1);
}

const server = await preview({
  configFile,
  root: join(root, 'renderer'),
  logLevel: 'warn',
  preview: { host: '127.0.0.1', port, strictPort: false, open: false },
});
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`一窗通 浏览器模式 / OneWindow browser mode: ${url}  (Ctrl-C 停止 / to stop)`);

let closing = false;
async function stop() {
  if (closing) return;
  closing = true;
  await server.close().catch(() => undefined);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
