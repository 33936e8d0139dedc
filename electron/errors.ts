// Maps anything a handler throws to the typed HostErrorData that crosses the boundary.
// Why so strict: error messages reach the renderer (and maybe a screenshot sent to support), so
// they never carry stack traces, and never a file path outside the data folder.
import { HostError, type HostErrorData } from './contract';

/** Node errno codes that mean "the disk or the folder said no": the user can act on them. */
const IO_CODES = new Set([
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EROFS',
  'EIO',
  'EBUSY',
  'EMFILE',
  'ENFILE',
  'ENOTDIR',
  'EISDIR',
  'EEXIST',
  'EXDEV',
  'ENAMETOOLONG',
]);

const MAX_MESSAGE = 500;

/** Absolute paths (POSIX, Windows drive, UNC) appearing in a message. */
const PATH_RE = /(?<![\w.])(?:[A-Za-z]:[\\/]|\\\\|\/)[^\s'"`,;)]*/g;

/** Replaces every absolute path that is not inside one of `allowedRoots` with `<path>`. */
export function redactPaths(message: string, allowedRoots: readonly string[] = []): string {
  return message.replace(PATH_RE, (p) =>
    allowedRoots.some((root) => root.length > 1 && (p === root || p.startsWith(root)))
      ? p
      : '<path>',
  );
}

function errnoOf(e: unknown): string | null {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  }
  return null;
}

export function toHostErrorData(e: unknown, allowedRoots: readonly string[] = []): HostErrorData {
  if (e instanceof HostError) {
    return { code: e.code, message: redactPaths(e.message, allowedRoots).slice(0, MAX_MESSAGE) };
  }
  const errno = errnoOf(e);
  if (errno === 'ENOENT') return { code: 'not_found', message: 'ENOENT' };
  if (errno && IO_CODES.has(errno)) return { code: 'io', message: errno };
  // Anything else is our bug: say so without details; main logs the real error.
  return { code: 'internal', message: 'internal_error' };
}
