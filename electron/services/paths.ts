// Safe joins inside the data folder. Every service builds its paths through here, so a crafted
// id or name can never reach a file outside `<dataDir>`.
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { HostError } from '../contract';

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/** Lexical check: `<root>/<segments…>` must stay inside root (no '..', no absolute segment). */
export function resolveInside(root: string, ...segments: string[]): string {
  const base = resolve(root);
  for (const s of segments) {
    if (s.length === 0 || s.includes('\0') || isAbsolute(s)) {
      throw new HostError('invalid_args', 'path_outside_data_folder');
    }
  }
  const target = resolve(base, ...segments);
  if (!isInside(base, target)) throw new HostError('invalid_args', 'path_outside_data_folder');
  return target;
}

/**
 * Symlink-aware check for an existing path: a link planted inside the data folder that points
 * outside it is refused as well.
 */
export async function assertRealInside(root: string, target: string): Promise<void> {
  const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(target)]);
  if (!isInside(realRoot, realTarget)) {
    throw new HostError('invalid_args', 'path_outside_data_folder');
  }
}

/** The folders of the data folder, in one place. */
export function dataLayout(dataDir: string) {
  const root = resolve(dataDir);
  return {
    root,
    settingsFile: resolveInside(root, 'settings.json'),
    attachments: resolveInside(root, 'attachments'),
    archive: resolveInside(root, 'archive'),
    backups: resolveInside(root, 'backups'),
    tmp: resolveInside(root, 'tmp'),
  };
}
