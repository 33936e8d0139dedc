// The app's own scheme, app://onewindow/…, instead of file:// (Electron security checklist:
// prefer a custom protocol). It serves only files inside the built renderer folder, and lets
// every response carry our CSP header, which file:// responses cannot.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'onewindow';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
/** Print documents are served from memory under this path (print session only). */
export const PRINT_PATH = '/__print/';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export const mimeOf = (path: string): string =>
  MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `rendererDir` that an app:// URL names, or null when the URL is not ours or
 * would leave the folder. Paths without an extension are client routes: they get index.html.
 */
export function assetPathFor(rendererDir: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || extname(path) === '') path = '/index.html';
  const root = resolve(rendererDir);
  const target = resolve(root, `.${path}`);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep)[0] === '..') {
    return null;
  }
  return target;
}
