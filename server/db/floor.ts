// The hall floor in SQL (docs/floor.md): one transaction per mutation — lock the floor_state row
// (settings + rev) FOR UPDATE, lock the day's tickets, apply the order rules
// (renderer/src/domain/floor/rules.ts), write the changed ticket with the next rev, commit. The
// state row is the floor's one lock, so two windows calling at once never get one ticket; a
// request key answers a retry with the ticket it produced. The watch is a long-poll on the rev.
import * as rules from '../../renderer/src/domain/floor/rules';
import type {
  FloorFailure,
  FloorResult,
  FloorSettings,
  FloorSnapshot,
  Ticket,
} from '../../renderer/src/domain/floor/types';
import { Notifier } from '../core/notifier';
import type { Db, Sql } from './sql';

class Refused extends Error {
  constructor(readonly failure: FloorFailure) {
    super(failure.message);
  }
}
const unwrap = <T>(r: rules.RuleResult<T>): T => {
  if (!r.ok) throw new Refused({ ok: false, code: r.code, message: r.message });
  return r.value;
};

interface Ctx {
  sql: Sql;
  rev: number;
  settings: FloorSettings;
  day: string;
  now: Date;
  tickets: Ticket[];
  /** Set by every write: the rev moves only when something changed (a replay moves nothing). */
  changed: boolean;
}

export class SqlFloor {
  private readonly notifier = new Notifier();

  constructor(
    readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async snapshot(sql: Sql = this.db): Promise<FloorSnapshot> {
    const day = rules.floorDay(this.now());
    const [state] = await sql.query<{ rev: number; settings: FloorSettings }>(
      'SELECT rev, settings FROM floor_state WHERE id = 1',
    );
    const rows = await sql.query<{ data: Ticket }>(
      'SELECT data FROM floor_tickets WHERE day = $1 ORDER BY number',
      [day],
    );
    return {
      day,
      rev: Number(state?.rev ?? 0),
      tickets: rows.map((r) => r.data),
      settings: state?.settings ?? rules.DEFAULT_FLOOR_SETTINGS,
    };
  }

  /**
   * One ticket of today with the day's tickets and the settings, for the public follow page
   * (server/http/follow.ts); null when no ticket of today has that id (unknown or another day).
   */
  async followTicket(
    id: string,
  ): Promise<{ ticket: Ticket; tickets: Ticket[]; settings: FloorSettings } | null> {
    const day = rules.floorDay(this.now());
    const [own] = await this.db.query<{ data: Ticket }>(
      'SELECT data FROM floor_tickets WHERE id = $1 AND day = $2',
      [id, day],
    );
    if (!own) return null;
    const snap = await this.snapshot();
    if (snap.day !== day) return null;
    const ticket = snap.tickets.find((t) => t.id === id);
    return ticket ? { ticket, tickets: snap.tickets, settings: snap.settings } : null;
  }

  /** Every ticket of a month ('YYYY-MM'), for the figures. */
  async monthTickets(month: string): Promise<Ticket[]> {
    const rows = await this.db.query<{ data: Ticket }>(
      'SELECT data FROM floor_tickets WHERE day LIKE $1 ORDER BY day, number',
      [`${month}-%`],
    );
    return rows.map((r) => r.data);
  }

  /** Resolves with a snapshot once the rev is past `after` (or after waitMs with the current). */
  async watch(after: number, waitMs: number): Promise<FloorSnapshot> {
    const first = await this.snapshot();
    if (first.rev > after || waitMs <= 0) return first;
    await this.notifier.wait(after, waitMs, async () => (await this.snapshot()).rev);
    return this.snapshot();
  }

  private async mutate<T>(fn: (c: Ctx) => Promise<T>): Promise<FloorResult<T>> {
    try {
      let rev = 0;
      let changed = false;
      const value = await this.db.tx(async (sql) => {
        const [state] = await sql.query<{ rev: number; settings: FloorSettings }>(
          'SELECT rev, settings FROM floor_state WHERE id = 1 FOR UPDATE',
        );
        if (!state) throw new Error('floor_state missing: migration 008 not applied');
        const now = this.now();
        const day = rules.floorDay(now);
        const tickets = (
          await sql.query<{ data: Ticket }>(
            'SELECT data FROM floor_tickets WHERE day = $1 FOR UPDATE',
            [day],
          )
        ).map((r) => r.data);
        rev = Number(state.rev) + 1;
        const c: Ctx = { sql, rev, settings: state.settings, day, now, tickets, changed: false };
        const out = await fn(c);
        changed = c.changed;
        if (changed) {
          await sql.query('UPDATE floor_state SET rev = $1, updated_at = now() WHERE id = 1', [
            rev,
          ]);
        }
        return out;
      });
      if (changed) this.notifier.publish(rev);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof Refused) return e.failure;
      throw e;
    }
  }

  private static async put(c: Ctx, t: Ticket) {
    c.changed = true;
    await c.sql.query(
      `INSERT INTO floor_tickets (id, day, number, status, rev, data) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET status = $4, rev = $5, data = $6`,
      [t.id, t.day, t.number, t.status, t.rev, JSON.stringify(t)],
    );
  }

  private static async replay(sql: Sql, key: string, station: string): Promise<Ticket | null> {
    const [held] = await sql.query<{ data: Ticket; station_code: string }>(
      `SELECT t.data, r.station_code FROM floor_requests r JOIN floor_tickets t ON t.id = r.ticket_id
       WHERE r.request_key = $1`,
      [key],
    );
    if (!held) return null;
    if (held.station_code !== station) {
      throw new Refused({ ok: false, code: 'conflict', message: 'request key of another station' });
    }
    return held.data;
  }

  private static keep(sql: Sql, key: string, station: string, ticketId: string) {
    return sql.query(
      'INSERT INTO floor_requests (request_key, station_code, ticket_id) VALUES ($1, $2, $3)',
      [key, station, ticketId],
    );
  }

  issueTicket(
    station: string,
    req: { business: Ticket['business']; green: boolean; requestKey: string },
    newId: () => string = () => `tk-${crypto.randomUUID()}`,
  ) {
    return this.mutate(async (c) => {
      const held = await SqlFloor.replay(c.sql, req.requestKey, station);
      if (held) return { ticket: held, waitingAhead: rules.waitingAhead(held, c.tickets) };
      const ticket = unwrap(
        rules.issue(
          {
            id: newId(),
            business: req.business,
            green: req.green,
            now: c.now,
            kiosk: station,
            rev: c.rev,
          },
          c.tickets,
        ),
      );
      await SqlFloor.put(c, ticket);
      await SqlFloor.keep(c.sql, req.requestKey, station, ticket.id);
      return { ticket, waitingAhead: rules.waitingAhead(ticket, c.tickets) };
    });
  }

  callNext(station: string, req: { window: string; clerkId: string; requestKey: string }) {
    return this.mutate(async (c) => {
      const held = await SqlFloor.replay(c.sql, req.requestKey, station);
      if (held) return held;
      const next = unwrap(
        rules.callNext(c.settings, c.tickets, this.act(req.window, req.clerkId, c)),
      );
      if (!next) return null;
      await SqlFloor.put(c, next);
      await SqlFloor.keep(c.sql, req.requestKey, station, next.id);
      return next;
    });
  }

  private act = (window: string, clerkId: string, c: Ctx): rules.Act => ({
    window,
    clerkId,
    now: c.now,
    rev: c.rev,
  });

  /** A rule on one ticket of the day (locked with the others); written only when it changed. */
  change(ticketId: string, rule: (t: Ticket, c: Ctx) => rules.RuleResult<Ticket>) {
    return this.mutate(async (c) => {
      const t = c.tickets.find((x) => x.id === ticketId);
      if (!t) throw new Refused({ ok: false, code: 'not_found', message: 'no such ticket today' });
      const next = unwrap(rule(t, c));
      if (next !== t) await SqlFloor.put(c, next);
      return next;
    });
  }

  recall(req: { ticketId: string; window: string; clerkId: string }) {
    return this.change(req.ticketId, (t, c) =>
      rules.recall(t, this.act(req.window, req.clerkId, c)),
    );
  }
  skip(req: { ticketId: string; window: string; clerkId: string }) {
    return this.change(req.ticketId, (t, c) =>
      rules.skip(t, c.settings, this.act(req.window, req.clerkId, c)),
    );
  }
  transfer(req: {
    ticketId: string;
    to: { business?: Ticket['business']; window?: string };
    clerkId: string;
  }) {
    return this.change(req.ticketId, (t, c) =>
      rules.transfer(t, req.to, c.settings, this.act(t.window ?? '', req.clerkId, c)),
    );
  }
  serve(req: { ticketId: string; window: string; clerkId: string }) {
    return this.change(req.ticketId, (t, c) =>
      rules.serve(t, this.act(req.window, req.clerkId, c)),
    );
  }
  linkCase(req: { ticketId: string; caseId: string; clerkId: string }) {
    return this.change(req.ticketId, (t, c) => rules.linkCase(t, req.caseId, c.rev));
  }
  finish(req: { ticketId: string; window: string; clerkId: string }) {
    return this.change(req.ticketId, (t, c) =>
      rules.finish(t, this.act(req.window, req.clerkId, c)),
    );
  }

  saveSettings(settings: FloorSettings) {
    const checked = rules.checkSettings(settings);
    if (!checked.ok) return Promise.resolve<FloorResult<FloorSettings>>(checked);
    return this.mutate(async (c) => {
      c.changed = true;
      await c.sql.query('UPDATE floor_state SET settings = $1 WHERE id = 1', [
        JSON.stringify(checked.value),
      ]);
      return checked.value;
    });
  }
}
