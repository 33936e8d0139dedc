// The rating device across the hall (docs/floor.md): the RatingPort over the host's 'hall.rating'
// channel. The device (a station of kind 'rating') reads its window's open request and submits
// the applicant's tap to the hall; it holds no case and pulls no events. The counter station that
// asked picks the submitted rating up (`pickUpRatings`) and records `ratingRecorded` on the case
// (or the rating entry of a ticket served without a case) with the device as actor — once: the
// case or entry refuses a rating id it has (`already_rated`), and the hall lists a rating until
// the station says it is recorded, so a restart only finishes the job.
import type { HallFailure } from '../../../electron/contract-hall';
import type { RatedRequest, RatingCall } from '../../../server/protocol/rating';
import type { RatingPort, RatingRequest, RatingRequestInput } from '../domain/floor/rating';
import type { FloorResult } from '../domain/floor/types';
import type { RatingLevel } from '../domain/rating';
import type { OneWindowDb } from './db';
import { localRatingPort, recordRequestRating } from './ratingRequests';

/** The host's channel as the data layer sees it (HostApi.hallRating). */
export type HallRatingCall = (
  args: RatingCall,
) => Promise<{ ok: true; answer: unknown } | { ok: false; error: HallFailure }>;

export interface HallRatingOptions {
  watchWaitMs?: number;
  retryMs?: number;
  newId?: () => string;
}

const failed = (e: HallFailure): FloorResult<never> =>
  e.code === 'station_kind_refused'
    ? { ok: false, code: 'refused', message: e.message }
    : { ok: false, code: 'offline', message: `${e.code}: ${e.message}`.slice(0, 300) };

async function send<T>(call: HallRatingCall, args: RatingCall): Promise<FloorResult<T>> {
  const r = await call(args);
  if (!r.ok) return failed(r.error);
  return r.answer as FloorResult<T>;
}

type Current = {
  rev: number;
  window: string;
  request: RatingRequest | null;
  windowNumber?: number | null;
};

export function hallRatingPort(
  db: OneWindowDb,
  call: HallRatingCall,
  o: HallRatingOptions = {},
): RatingPort {
  const newId = o.newId ?? (() => crypto.randomUUID());
  return {
    mode: 'hall',

    async request(input: RatingRequestInput) {
      // The station knows who signed in; the hall knows stations.
      const u = await db.users.get(input.clerkId);
      if (!u || u.disabled) return { ok: false, code: 'refused', message: 'not an active user' };
      return send<RatingRequest>(call, { action: 'request', body: { ...input, id: newId() } });
    },

    async current(window) {
      const r = await send<Current>(call, { action: 'current', window });
      return r.ok ? { ok: true, value: r.value.request } : r;
    },

    watch(window, onChange) {
      let stopped = false;
      let after = -1;
      let last: string | null = null;
      void (async () => {
        while (!stopped) {
          const r = await send<Current>(
            call,
            after < 0
              ? { action: 'current', window }
              : { action: 'watch', window, after, waitMs: o.watchWaitMs ?? 25_000 },
          );
          if (stopped) return;
          if (!r.ok) {
            await new Promise((done) => setTimeout(done, o.retryMs ?? 3000));
            continue;
          }
          after = r.value.rev;
          const req = r.value.request;
          const key = req ? `${req.id}:${req.status}` : '';
          if (key !== last) {
            last = key;
            onChange(req);
          }
        }
      })();
      return () => {
        stopped = true;
      };
    },

    async windowNumber(window) {
      const r = await send<Current>(call, { action: 'current', window });
      return r.ok ? { ok: true, value: r.value.windowNumber ?? null } : r;
    },

    async deviceWindow() {
      const r = await send<Current>(call, { action: 'current' });
      return r.ok ? { ok: true, value: r.value.window } : r;
    },

    submit: (s) => send<{ bad: boolean }>(call, { action: 'submit', body: s }),
    expire: (requestId) => send<RatingRequest>(call, { action: 'expire', body: { requestId } }),
  };
}

export interface PickUp {
  /** Recorded on their cases now. */
  recorded: string[];
  /** Already on their cases (a restart between recording and telling the hall). */
  already: string[];
  /** Could not be recorded (the refusal code); the hall keeps them listed. */
  failed: { id: string; code: string }[];
}

/**
 * The counter station's half: the ratings of its own requests that the hall holds and the case
 * does not yet, recorded through recordRating (a bad one opens its follow-up), then acknowledged.
 */
export async function pickUpRatings(
  db: OneWindowDb,
  call: HallRatingCall,
  now: () => Date = () => new Date(),
): Promise<FloorResult<PickUp>> {
  const listed = await send<RatedRequest[]>(call, { action: 'rated' });
  if (!listed.ok) return listed;
  const out: PickUp = { recorded: [], already: [], failed: [] };
  for (const r of listed.value) {
    const done = await recordRequestRating(
      db,
      r,
      { overall: r.overall as RatingLevel, reasons: r.reasons, deviceStation: r.ratedBy },
      now(),
    );
    const code = done.ok ? null : done.code;
    if (code !== null && code !== 'already_rated') {
      out.failed.push({ id: r.id, code });
      continue;
    }
    (code === null ? out.recorded : out.already).push(r.id);
    const acked = await send(call, { action: 'recorded', body: { requestId: r.id } });
    // Unacknowledged, it is listed again next time and answers already_rated then.
    if (!acked.ok) break;
  }
  return { ok: true, value: out };
}

/**
 * The rating store this station uses: the hall's when enrolled, else its own IndexedDB (the
 * device a browser window of this origin).
 */
export async function ratingPortFor(
  db: OneWindowDb,
  host: {
    hallStatus(args: object): Promise<{ enrolled: boolean }>;
    hallRating: HallRatingCall;
  },
): Promise<RatingPort> {
  const status = await host.hallStatus({}).catch(() => ({ enrolled: false }));
  return status.enrolled ? hallRatingPort(db, (a) => host.hallRating(a)) : localRatingPort(db);
}
