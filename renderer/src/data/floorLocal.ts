// The local floor store (issue 18, docs/floor.md): the hall floor on one PC, in the station's own
// IndexedDB (schema v8: floorTickets, floorMeta). The kiosk, the display and the counter windows
// are browser windows of one origin; each mutation is one read-write IndexedDB transaction over
// the floor tables, which IndexedDB runs one after another — so two windows calling at once never
// get one ticket — and Dexie's liveQuery tells the other windows (it follows writes of other
// tabs of the origin too). The order rules are domain/floor/rules.ts, applied inside the
// transaction. Floor state is not case history: no event, no fold.
import { liveQuery } from 'dexie';
import * as rules from '../domain/floor/rules';
import type {
  FloorPort,
  FloorResult,
  FloorSettings,
  FloorSnapshot,
  Ticket,
} from '../domain/floor/types';
import type { OneWindowDb } from './db';
import { getStation } from './station';

const SETTINGS = 'settings';
const REV = 'rev';
const requestRow = (key: string) => `request:${key}`;

export interface LocalFloorOptions {
  now?: () => Date;
  newId?: () => string;
  /** The kiosk's station code on the tickets it issues; default: this station's code. */
  kiosk?: string;
}

interface Ctx {
  rev: number;
  settings: FloorSettings;
  day: string;
  now: Date;
  changed: boolean;
}

type Failure = Extract<FloorResult<never>, { ok: false }>;
const fail = (code: Failure['code'], message: string): Failure => ({ ok: false, code, message });

/** A rule's refusal, thrown out of the transaction so it rolls back, then answered. */
class Refused extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

const unwrap = <T>(r: rules.RuleResult<T>): T => {
  if (!r.ok) throw new Refused(r);
  return r.value;
};

async function readSettings(db: OneWindowDb): Promise<FloorSettings> {
  const row = await db.floorMeta.get(SETTINGS);
  return (row?.value as FloorSettings | undefined) ?? rules.DEFAULT_FLOOR_SETTINGS;
}

async function readRev(db: OneWindowDb): Promise<number> {
  return ((await db.floorMeta.get(REV))?.value as number | undefined) ?? 0;
}

export function localFloor(db: OneWindowDb, o: LocalFloorOptions = {}): FloorPort {
  const now = o.now ?? (() => new Date());
  const newId = o.newId ?? (() => `tk-${crypto.randomUUID()}`);

  async function readSnapshot(): Promise<FloorSnapshot> {
    const day = rules.floorDay(now());
    const [tickets, settings, rev] = await Promise.all([
      db.floorTickets.where('day').equals(day).toArray(),
      readSettings(db),
      readRev(db),
    ]);
    return { day, rev, tickets, settings };
  }

  /** One mutation: the rules inside one rw transaction; the rev moves once per change. */
  async function mutate<T>(fn: (ctx: Ctx) => Promise<T>): Promise<FloorResult<T>> {
    try {
      const value = await db.transaction(
        'rw',
        [db.floorTickets, db.floorMeta, db.users],
        async () => {
          const rev = (await readRev(db)) + 1;
          const at = now();
          const c: Ctx = {
            rev,
            settings: await readSettings(db),
            day: rules.floorDay(at),
            now: at,
            changed: false,
          };
          const out = await fn(c);
          // The rev moves only when something changed (a replay or an empty call moves nothing).
          if (c.changed) await db.floorMeta.put({ key: REV, value: rev });
          return out;
        },
      );
      return { ok: true, value };
    } catch (e) {
      if (e instanceof Refused) return e.failure;
      throw e;
    }
  }

  /** A counter's clerk: an active user of this station (the data layer checks, not the screen). */
  async function requireClerk(clerkId: string) {
    const u = await db.users.get(clerkId);
    if (!u || u.disabled) throw new Refused(fail('refused', 'not an active user'));
  }

  async function ticketOf(id: string): Promise<Ticket> {
    const t = await db.floorTickets.get(id);
    if (!t) throw new Refused(fail('not_found', 'no such ticket'));
    return t;
  }

  /** The ticket a request key already produced (a retry), if any. */
  async function replay(key: string): Promise<Ticket | undefined> {
    const held = await db.floorMeta.get(requestRow(key));
    if (!held) return undefined;
    return db.floorTickets.get((held.value as { ticketId: string }).ticketId);
  }

  const acting = (window: string, clerkId: string, c: { now: Date; rev: number }): rules.Act => ({
    window,
    clerkId,
    now: c.now,
    rev: c.rev,
  });

  const port: FloorPort = {
    mode: 'local',

    async snapshot() {
      return { ok: true, value: await readSnapshot() };
    },

    watch(onChange) {
      let last = -1;
      const sub = liveQuery(readSnapshot).subscribe({
        next(s) {
          if (s.rev === last) return;
          last = s.rev;
          onChange(s);
        },
        error: () => undefined,
      });
      return () => sub.unsubscribe();
    },

    async issueTicket(req) {
      const kiosk = o.kiosk ?? (await getStation(db))?.stationCode ?? 'LOCAL';
      return mutate(async (c) => {
        const held = await replay(req.requestKey);
        const day = await db.floorTickets.where('day').equals(c.day).toArray();
        if (held) return { ticket: held, waitingAhead: rules.waitingAhead(held, day) };
        const ticket = unwrap(
          rules.issue(
            {
              id: newId(),
              business: req.business,
              green: req.green,
              now: c.now,
              kiosk,
              rev: c.rev,
            },
            day,
          ),
        );
        c.changed = true;
        await db.floorTickets.add(ticket);
        await db.floorMeta.put({ key: requestRow(req.requestKey), value: { ticketId: ticket.id } });
        return { ticket, waitingAhead: rules.waitingAhead(ticket, day) };
      });
    },

    async callNext(req) {
      return mutate(async (c) => {
        await requireClerk(req.clerkId);
        const held = await replay(req.requestKey);
        if (held) return held;
        const day = await db.floorTickets.where('day').equals(c.day).toArray();
        const next = unwrap(rules.callNext(c.settings, day, acting(req.window, req.clerkId, c)));
        if (!next) return null;
        c.changed = true;
        await db.floorTickets.put(next);
        await db.floorMeta.put({ key: requestRow(req.requestKey), value: { ticketId: next.id } });
        return next;
      });
    },

    recall: (req) =>
      change(req.ticketId, req.clerkId, (t, c) =>
        rules.recall(t, acting(req.window, req.clerkId, c)),
      ),

    skip: (req) =>
      change(req.ticketId, req.clerkId, (t, c) =>
        rules.skip(t, c.settings, acting(req.window, req.clerkId, c)),
      ),

    transfer: (req) =>
      change(req.ticketId, req.clerkId, (t, c) =>
        rules.transfer(t, req.to, c.settings, acting(t.window ?? '', req.clerkId, c)),
      ),

    serve: (req) =>
      change(req.ticketId, req.clerkId, (t, c) =>
        rules.serve(t, acting(req.window, req.clerkId, c)),
      ),

    linkCase: (req) =>
      change(req.ticketId, req.clerkId, (t, c) => rules.linkCase(t, req.caseId, c.rev)),

    finish: (req) =>
      change(req.ticketId, req.clerkId, (t, c) =>
        rules.finish(t, acting(req.window, req.clerkId, c)),
      ),

    async saveSettings(req) {
      const checked = rules.checkSettings(req.settings);
      if (!checked.ok) return checked;
      return mutate(async (c) => {
        c.changed = true;
        const u = await db.users.get(req.userId);
        if (!u || u.disabled || u.role !== 'admin') {
          throw new Refused(fail('refused', 'only an administrator sets up the floor'));
        }
        await db.floorMeta.put({ key: SETTINGS, value: checked.value });
        return checked.value;
      });
    },
  };

  /** A rule on one ticket; written only when it changed it (serve/finish again write nothing). */
  function change(
    ticketId: string,
    clerkId: string,
    rule: (t: Ticket, c: Ctx) => rules.RuleResult<Ticket>,
  ): Promise<FloorResult<Ticket>> {
    return mutate(async (c) => {
      await requireClerk(clerkId);
      const t = await ticketOf(ticketId);
      const next = unwrap(rule(t, c));
      if (next !== t) {
        c.changed = true;
        await db.floorTickets.put(next);
      }
      return next;
    });
  }

  return port;
}
