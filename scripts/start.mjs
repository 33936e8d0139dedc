// npm start: the desktop app when the Electron binary is here; otherwise try to fetch it once
// (short timeout), and if that fails say so in one line and serve the browser mode instead.
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = Number(process.env.OW_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 60_000);

/** The Electron executable, or null when the package has no binary yet. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/** Runs a child to completion with stdio shared; forwards Ctrl-C so both end together. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    const forward = (signal) => () => {
      if (child.exitCode === null) child.kill(signal);
    };
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : (code ?? 1));
    });
    child.on('error', () => resolve(1));
  });
}

/** One download attempt, quiet, bounded in time. */
function tryDownload() {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], {
      cwd: electronDir,
      stdio: process.env.OW_DEBUG ? 'inherit' : 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), DOWNLOAD_TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

let exe = electronBinary();
if (!exe && !process.env.OW_NO_ELECTRON && (await tryDownload())) exe = electronBinary();

if (!exe || process.env.OW_NO_ELECTRON) {
  console.log(
    '一窗通：缺少 Electron 程序（下载需要 Node ≥ 22.12 和互联网），改用浏览器模式 / ' +
      'OneWindow: the Electron binary is missing (downloading it needs Node ≥ 22.12 and the internet); falling back to browser mode.',
  );
  process.exit(
    await run(process.execPath, [join(root, 'scripts', 'web.mjs'), ...process.argv.slice(2)]),
  );
}

const { build } = await import('electron-vite');
await build({ root });
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into plain Node
process.exit(await run(exe, [root], { env }));
