// The rating device's floor state on one PC (issue 18 item 4): rating requests in the station's
// own IndexedDB (schema v9, `ratingRequests`). The clerk's screen asks for a rating when it
// finishes a case or a ticket at its window; the device — a browser window of the same origin —
// watches its window's open request with liveQuery, and the applicant's tap records
// `ratingRecorded` (channel 'device') on the case through recordRating — or, for a ticket served
// without a case, the ticket's rating entry through recordTicketRating — in the same transaction
// that marks the request rated. An unrated request expires and records nothing.
import { liveQuery } from 'dexie';
import { DEVICE_ROLE, isBadRating, isBadRatingReason } from '../domain';
import type { Actor } from '../domain';
import { DEFAULT_FLOOR_SETTINGS } from '../domain/floor/rules';
import type { FloorSettings } from '../domain/floor/types';
import {
  isOpenRequest,
  requestComplete,
  RATING_REQUEST_TTL_MS,
  type RatingPort,
  type RatingRequest,
  type RatingRequestInput,
  type RatingSubmission,
} from '../domain/floor/rating';
import type { FloorFailure, FloorResult } from '../domain/floor/types';
import type { OneWindowDb } from './db';
import { recordRating } from './followUps';
import { recordTicketRating } from './ticketRatings';

const fail = (code: FloorFailure['code'], message: string): FloorFailure => ({
  ok: false,
  code,
  message,
});

/** Who records a device rating: the window's rating device, never a person. */
export const deviceActor = (window: string): Actor => ({
  id: `rating-device:${window}`,
  name: window,
  role: DEVICE_ROLE,
});

const filled = (s: string | undefined) => typeof s === 'string' && s.trim() !== '';

/** The window's number in the floor settings (设置 › 大厅叫号), or null when it has none. */
export function windowNumberIn(settings: FloorSettings | null | undefined, window: string) {
  return settings?.windows.find((w) => w.id === window)?.number ?? null;
}

/**
 * What a rating request is about, on the case or the ticket's own entry: both go through here, so
 * the local tap and the hall's pickup record the same thing.
 */
export async function recordRequestRating(
  db: OneWindowDb,
  req: RatingRequestInput & { id: string },
  tap: { overall: RatingSubmission['overall']; reasons: string[]; deviceStation?: string },
  at: Date,
): Promise<{ ok: true; followUpId?: string } | { ok: false; code: string }> {
  const reasons = isBadRating(tap.overall) ? tap.reasons.filter(isBadRatingReason) : [];
  const place = {
    window: req.window,
    clerkId: req.clerkId,
    clerkName: req.clerkName,
    ...(req.ticketId ? { ticketId: req.ticketId } : {}),
    ...(tap.deviceStation ? { deviceStation: tap.deviceStation } : {}),
  };
  const options = { actor: deviceActor(req.window), now: at };
  const more = reasons.length > 0 ? { reasons } : {};
  if (!req.caseId) {
    const r = await recordTicketRating(
      db,
      {
        type: 'ratingRecorded',
        ratingId: req.id,
        ticket: {
          ticketId: req.ticketId ?? '',
          number: req.ticketNumber ?? '',
          business: req.business ?? '',
        },
        channel: 'device',
        overall: tap.overall,
        place,
        ...more,
      },
      options,
    );
    if (!r.ok) return { ok: false, code: r.refusal.code };
    return { ok: true, ...(r.followUpId ? { followUpId: r.followUpId } : {}) };
  }
  const r = await recordRating(
    db,
    {
      type: 'ratingRecorded',
      caseId: req.caseId,
      ratingId: req.id,
      channel: 'device',
      overall: tap.overall,
      place,
      ...more,
    },
    options,
  );
  if (!r.ok) return { ok: false, code: r.refusal.code };
  return { ok: true, ...(r.followUpId ? { followUpId: r.followUpId } : {}) };
}

async function openOf(db: OneWindowDb, window: string, now: Date): Promise<RatingRequest | null> {
  const waiting = await db.ratingRequests.where({ window, status: 'waiting' }).toArray();
  const open = waiting.filter((r) => isOpenRequest(r, now));
  return open.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0] ?? null;
}

export interface LocalRatingOptions {
  now?: () => Date;
  newId?: () => string;
}

/**
 * What the clerk's screen (and the queue's finish) calls when a case or a ticket is finished at a
 * window: the window's rating device shows the levels. The local store on one PC.
 */
export function requestRating(db: OneWindowDb, input: RatingRequestInput) {
  return localRatingPort(db).request(input);
}

/** The local rating store: the station's own IndexedDB. */
export function localRatingPort(db: OneWindowDb, options: LocalRatingOptions = {}): RatingPort {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const tx = <T>(fn: () => Promise<T>) => db.transaction('rw', db.ratingRequests, fn);

  return {
    mode: 'local',

    async request(input: RatingRequestInput): Promise<FloorResult<RatingRequest>> {
      if (!requestComplete(input)) return fail('bad_request', 'rating_request_incomplete');
      const at = now();
      return tx(async () => {
        // One rating per visit: a case just rated at this window (say after its intake decision)
        // is not asked again when its queue ticket is finished moments later.
        const recent = (
          await db.ratingRequests.where({ window: input.window, status: 'rated' }).toArray()
        ).find(
          (r) =>
            (input.caseId ? r.caseId === input.caseId : r.ticketId === input.ticketId) &&
            at.getTime() - Date.parse(r.requestedAt) < RATING_REQUEST_TTL_MS,
        );
        if (recent) return { ok: true as const, value: recent };
        // One request at a time per window: a newer finish replaces one still waiting.
        await db.ratingRequests
          .where({ window: input.window, status: 'waiting' })
          .modify({ status: 'replaced' });
        const request: RatingRequest = {
          ...input,
          // A matter missing from the catalogue shows its code, never a blank.
          ...(input.caseId
            ? { matterName: filled(input.matterName) ? input.matterName : input.caseNumber }
            : {}),
          id: newId(),
          requestedAt: at.toISOString(),
          expiresAt: new Date(at.getTime() + RATING_REQUEST_TTL_MS).toISOString(),
          status: 'waiting',
        };
        await db.ratingRequests.put(request);
        return { ok: true as const, value: request };
      });
    },

    async current(window) {
      return { ok: true, value: await openOf(db, window, now()) };
    },

    watch(window, onChange) {
      let last = '';
      const sub = liveQuery(() => openOf(db, window, now())).subscribe({
        next: (r) => {
          const key = r ? `${r.id}:${r.status}` : '';
          if (key !== last) {
            last = key;
            onChange(r);
          }
        },
        error: () => undefined,
      });
      return () => sub.unsubscribe();
    },

    async submit(s: RatingSubmission) {
      const at = now();
      const tables = [
        db.ratingRequests,
        db.events,
        db.meta,
        db.cases,
        db.parties,
        db.projects,
        db.counselling,
        db.certificates,
        db.ledger,
        db.settings,
      ];
      return db.transaction('rw', tables, async () => {
        const req = await db.ratingRequests.get(s.requestId);
        if (!req) return fail('not_found', 'rating_request_not_found');
        if (req.status !== 'waiting') return fail('conflict', `rating_request_${req.status}`);
        if (!isOpenRequest(req, at)) {
          await db.ratingRequests.put({ ...req, status: 'expired' });
          return fail('refused', 'rating_request_expired');
        }
        const r = await recordRequestRating(db, req, s, at);
        if (!r.ok) return fail('refused', r.code);
        await db.ratingRequests.put({
          ...req,
          status: 'rated',
          ratedAt: at.toISOString(),
          overall: s.overall,
        });
        return {
          ok: true as const,
          value: {
            bad: isBadRating(s.overall),
            ...(r.followUpId ? { followUpId: r.followUpId } : {}),
          },
        };
      });
    },

    async windowNumber(window) {
      const row = await db.floorMeta.get('settings');
      const settings = (row?.value as FloorSettings | undefined) ?? DEFAULT_FLOOR_SETTINGS;
      return { ok: true, value: windowNumberIn(settings, window) };
    },

    async expire(requestId) {
      return tx(async () => {
        const req = await db.ratingRequests.get(requestId);
        if (!req) return fail('not_found', 'rating_request_not_found');
        if (req.status !== 'waiting') return fail('conflict', `rating_request_${req.status}`);
        const expired: RatingRequest = { ...req, status: 'expired' };
        await db.ratingRequests.put(expired);
        return { ok: true as const, value: expired };
      });
    },
  };
}
