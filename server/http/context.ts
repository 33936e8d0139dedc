// What every route needs: the database, the event store, the blob folder, the clock, a log that
// never carries personal data, and the rate bounds.
import type { NumberStore } from '../core/numbers';
import type { SqlFloor } from '../db/floor';
import type { EventStore } from '../core/store';
import type { SqlLeases } from '../db/leases';
import type { Db } from '../db/sql';
import { HallError } from './errors';

export interface HallContext {
  db: Db;
  store: EventStore;
  /** Hall-wide numbers (certificates). */
  numbers: NumberStore;
  /** The hall floor: tickets and calls (docs/floor.md). */
  floor: SqlFloor;
  /** Leased blocks (notices, ledgers), voiding, the register (docs/hall.md "Numbers"). */
  leases: SqlLeases;
  blobDir: string;
  /** The hall's bundle key's public half (SPKI, base64), told in every session answer. */
  bundleKey?: string;
  maxEventSchema: number;
  now(): Date;
  /** One line, ids/types/counts only — never a name, an ID number or a payload. */
  log(line: string): void;
  /** Counts one request of an enrolled station; throws rate_limited past the bound. */
  limit(stationCode: string): void;
  /** The same for requests without a session (enrol, challenge, session), by address. */
  limitAnonymous(ip: string): void;
  /** The same for the public follow-the-queue page (GET /q/<id>), by address. */
  limitPublic(ip: string): void;
  /** The hall's public address (serve --public-url): the snapshot tells the kiosk. */
  publicUrl?: string;
}

export interface RateBound {
  /** Requests per second, sustained. */
  perSecond: number;
  /** Requests allowed in a burst. */
  burst: number;
}

/** A token bucket per key. */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly bound: RateBound,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  take(key: string): void {
    const now = this.clock();
    const b = this.buckets.get(key) ?? { tokens: this.bound.burst, at: now };
    b.tokens = Math.min(this.bound.burst, b.tokens + ((now - b.at) / 1000) * this.bound.perSecond);
    b.at = now;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      const retryAfterMs = Math.ceil(((1 - b.tokens) / this.bound.perSecond) * 1000);
      throw new HallError('rate_limited', 'too many requests', { retryAfterMs });
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.buckets.clear();
  }
}

export const DEFAULT_STATION_RATE: RateBound = { perSecond: 50, burst: 200 };
export const DEFAULT_ANONYMOUS_RATE: RateBound = { perSecond: 1, burst: 30 };
/**
 * The follow page, by address: phones refresh it every 15 s, and a hall's phones may all reach
 * it through one address (the office's network, a reverse proxy) — 200 phones are 13 a second.
 */
export const DEFAULT_PUBLIC_RATE: RateBound = { perSecond: 30, burst: 120 };
