// Floor devices have narrow rights (issue 18 item 6, docs/floor.md): a kiosk, a display or a
// rating device is enrolled like a station but never sees the hall's events — no pull, no push,
// no blobs, no numbers, no refill. Only its session and its own floor routes (server/http/floor.ts
// checks those per action). The kind is the hall's record of the station, never what it claims.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../protocol';
import { sha256Hex } from '../crypto';
import type { HallContext } from './context';
import { HallError } from './errors';

export const DEVICE_KINDS: ReadonlySet<string> = new Set(['kiosk', 'display', 'rating']);

/** The routes of the hall's events and numbers (a device's request to any is refused). */
const CASE_ROUTES = ['pull', 'push', 'blobs', 'numbers', 'restore'].map(
  (r) => `${API_PREFIX}/${r}`,
);

const isCaseRoute = (path: string) =>
  CASE_ROUTES.some((r) => path === r || path.startsWith(`${r}/`));

export function deviceGate(app: FastifyInstance, ctx: HallContext) {
  app.addHook('preHandler', async (req: FastifyRequest) => {
    const path = req.url.split('?')[0] ?? '';
    if (!isCaseRoute(path)) return;
    const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(req.headers.authorization ?? '');
    // No or a bad token: the route itself refuses it (unauthorized).
    if (!m?.[1]) return;
    const [row] = await ctx.db.query<{ code: string; kind: string }>(
      `SELECT st.code, st.kind FROM sessions s JOIN stations st ON st.code = s.station_code
       WHERE s.token_hash = $1`,
      [sha256Hex(m[1])],
    );
    if (row && DEVICE_KINDS.has(row.kind)) {
      ctx.log(`device refused: ${req.method} ${path} from ${row.code} (${row.kind})`);
      throw new HallError(
        'station_kind_refused',
        `a ${row.kind} station works the hall floor only: it may not use ${path}`,
      );
    }
  });
}
