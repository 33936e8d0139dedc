// The hall floor store on an enrolled station (docs/floor.md): every call goes to the hall
// server through the host's 'hall.floor' channel; the server applies the order rules in one
// PostgreSQL transaction and checks this station's kind. The station checks its own user first
// (an active user to work the queue, an administrator for the settings): the server knows
// stations, the station knows who signed in. When the hall cannot be reached the answer is
// `offline` — the queue is the hall's and is never forked on a station.
import type { FloorCall } from '../../../server/protocol/floor';
import type { HallFailure } from '../../../electron/contract-hall';
import type {
  FloorPort,
  FloorResult,
  FloorSettings,
  FloorSnapshot,
  Ticket,
} from '../domain/floor/types';
import type { OneWindowDb } from './db';
import { localFloor } from './floorLocal';

/** The host's channel as the data layer sees it (HostApi.hallFloor). */
export type HallFloorCall = (
  args: FloorCall,
) => Promise<{ ok: true; answer: unknown } | { ok: false; error: HallFailure }>;

export interface HallFloorOptions {
  /** How long one long-poll waits on the server (ms). */
  watchWaitMs?: number;
  /** Pause before the watch asks again after a failure (ms). */
  retryMs?: number;
}

const offline = (e: HallFailure): FloorResult<never> =>
  e.code === 'station_kind_refused'
    ? { ok: false, code: 'refused', message: e.message }
    : { ok: false, code: 'offline', message: `${e.code}: ${e.message}`.slice(0, 300) };

export function hallFloor(
  db: OneWindowDb,
  call: HallFloorCall,
  o: HallFloorOptions = {},
): FloorPort {
  async function send<T>(args: FloorCall): Promise<FloorResult<T>> {
    const r = await call(args);
    if (!r.ok) return offline(r.error);
    return r.answer as FloorResult<T>;
  }

  async function activeUser(id: string, role?: string): Promise<FloorResult<never> | null> {
    const u = await db.users.get(id);
    if (!u || u.disabled) return { ok: false, code: 'refused', message: 'not an active user' };
    if (role && u.role !== role) {
      return { ok: false, code: 'refused', message: 'only an administrator sets up the floor' };
    }
    return null;
  }

  async function asUser<T>(id: string, args: FloorCall, role?: string): Promise<FloorResult<T>> {
    return (await activeUser(id, role)) ?? send<T>(args);
  }

  return {
    mode: 'hall',
    snapshot: () => send<FloorSnapshot>({ action: 'snapshot' }),
    watch(onChange) {
      let stopped = false;
      let after = -1;
      void (async () => {
        while (!stopped) {
          const r = await send<FloorSnapshot>(
            after < 0
              ? { action: 'snapshot' }
              : { action: 'watch', after, waitMs: o.watchWaitMs ?? 25_000 },
          );
          if (stopped) return;
          if (r.ok && r.value.rev !== after) {
            after = r.value.rev;
            onChange(r.value);
          } else if (!r.ok) {
            await new Promise((done) => setTimeout(done, o.retryMs ?? 3000));
          }
        }
      })();
      return () => {
        stopped = true;
      };
    },
    issueTicket: (req) => send({ action: 'issue', body: req }),
    callNext: (req) => asUser<Ticket | null>(req.clerkId, { action: 'callNext', body: req }),
    recall: (req) => asUser<Ticket>(req.clerkId, { action: 'recall', body: req }),
    skip: (req) => asUser<Ticket>(req.clerkId, { action: 'skip', body: req }),
    transfer: (req) => asUser<Ticket>(req.clerkId, { action: 'transfer', body: req }),
    serve: (req) => asUser<Ticket>(req.clerkId, { action: 'serve', body: req }),
    linkCase: (req) => asUser<Ticket>(req.clerkId, { action: 'linkCase', body: req }),
    finish: (req) => asUser<Ticket>(req.clerkId, { action: 'finish', body: req }),
    saveSettings: (req) =>
      asUser<FloorSettings>(req.userId, { action: 'settings', body: req }, 'admin'),
  };
}

/**
 * The floor store this station uses: the hall's when enrolled (offline answers say so), else its
 * own IndexedDB (kiosk, display and windows in browser windows of this one origin).
 */
export async function floorPortFor(
  db: OneWindowDb,
  host: { hallStatus(args: object): Promise<{ enrolled: boolean }>; hallFloor: HallFloorCall },
): Promise<FloorPort> {
  const status = await host.hallStatus({}).catch(() => ({ enrolled: false }));
  return status.enrolled ? hallFloor(db, (a) => host.hallFloor(a)) : localFloor(db);
}
