import 'fake-indexeddb/auto'; // liveQuery (watch) looks for the global indexedDB
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { declareVersions, OneWindowDb } from '../../../../renderer/src/data/db';
import { localFloor } from '../../../../renderer/src/data/floorLocal';
import type { FloorSettings, FloorSnapshot } from '../../../../renderer/src/domain/floor/types';
import { stationWithStaff } from './helpers';

const settings: FloorSettings = {
  maxCalls: 2,
  windows: [
    { id: 'HJ01', number: 1, businesses: ['counselling'], green: false },
    { id: 'HJ02', number: 2, businesses: ['counselling', 'collection'], green: true },
  ],
};

async function floor() {
  const start = new Date('2026-12-01T01:00:00Z'); // 09:00 in the hall
  const staff = await stationWithStaff(start);
  let clock = start.getTime();
  let n = 0;
  const port = localFloor(staff.db, {
    now: () => new Date(clock),
    newId: () => `tk-${++n}`,
  });
  const tick = (seconds: number) => {
    clock += seconds * 1000;
  };
  expect(await port.saveSettings({ settings, userId: staff.admin.id })).toEqual({
    ok: true,
    value: settings,
  });
  return { ...staff, port, tick };
}

const must = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('the local floor store', () => {
  it('issues numbered tickets, idempotent by request key', async () => {
    const { port, tick } = await floor();
    const a = must(
      await port.issueTicket({ business: 'counselling', green: false, requestKey: 'k1' }),
    );
    tick(10);
    const b = must(
      await port.issueTicket({ business: 'counselling', green: false, requestKey: 'k2' }),
    );
    const again = must(
      await port.issueTicket({ business: 'counselling', green: false, requestKey: 'k1' }),
    );
    expect([a.ticket.number, b.ticket.number, again.ticket.number]).toEqual([
      'A001',
      'A002',
      'A001',
    ]);
    expect(b.waitingAhead).toBe(1);
    expect(a.ticket.issuedBy).toBe('HJ01');
    const snap = must(await port.snapshot());
    expect(snap.day).toBe('2026-12-01');
    expect(snap.tickets.map((t) => t.number).sort()).toEqual(['A001', 'A002']);
    expect(snap.settings).toEqual(settings);
  });

  it('two windows calling at once never get one ticket; a retried call gets its own again', async () => {
    const { port, clerk, admin, tick } = await floor();
    for (const k of ['a', 'b', 'c']) {
      must(await port.issueTicket({ business: 'counselling', green: false, requestKey: k }));
      tick(1);
    }
    const [one, two] = await Promise.all([
      port.callNext({ window: 'HJ01', clerkId: clerk.id, requestKey: 'w1' }),
      port.callNext({ window: 'HJ02', clerkId: admin.id, requestKey: 'w2' }),
    ]);
    const numbers = [must(one)!.number, must(two)!.number].sort();
    expect(numbers).toEqual(['A001', 'A002']);
    const retry = must(
      await port.callNext({ window: 'HJ01', clerkId: clerk.id, requestKey: 'w1' }),
    );
    expect(retry!.number).toBe(must(one)!.number);
    expect(retry!.calls).toHaveLength(1);
  });

  it('calls green first, skips only after maxCalls, serves, links and finishes', async () => {
    const { port, clerk, tick } = await floor();
    must(await port.issueTicket({ business: 'counselling', green: false, requestKey: 'a' }));
    tick(60);
    must(await port.issueTicket({ business: 'counselling', green: true, requestKey: 'g' }));
    tick(60);
    const first = must(
      await port.callNext({ window: 'HJ01', clerkId: clerk.id, requestKey: 'c1' }),
    )!;
    expect(first.number).toBe('A002');
    expect(first.green).toBe(true);
    const act = { ticketId: first.id, window: 'HJ01', clerkId: clerk.id };
    expect(await port.skip(act)).toMatchObject({ ok: false, code: 'refused' });
    expect(
      await port.callNext({ window: 'HJ01', clerkId: clerk.id, requestKey: 'c2' }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    tick(30);
    must(await port.recall(act));
    expect(must(await port.skip(act)).status).toBe('noShow');
    const second = must(
      await port.callNext({ window: 'HJ01', clerkId: clerk.id, requestKey: 'c3' }),
    )!;
    expect(second.number).toBe('A001');
    tick(20);
    const serving = must(await port.serve({ ...act, ticketId: second.id }));
    expect(serving.status).toBe('serving');
    must(await port.linkCase({ ticketId: second.id, caseId: 'case-9', clerkId: clerk.id }));
    tick(300);
    const done = must(await port.finish({ ...act, ticketId: second.id }));
    expect(done).toMatchObject({
      status: 'done',
      caseId: 'case-9',
      issuedAt: '2026-12-01T01:00:00.000Z',
      servingFrom: '2026-12-01T01:02:50.000Z',
      finishedAt: '2026-12-01T01:07:50.000Z',
    });
    expect(must(await port.callNext({ window: 'HJ01', clerkId: clerk.id, requestKey: 'c4' }))).toBe(
      null,
    );
  });

  it('refuses a call from someone not an active user, and settings from a clerk', async () => {
    const { port, clerk } = await floor();
    expect(
      await port.callNext({ window: 'HJ01', clerkId: 'u-nobody', requestKey: 'x' }),
    ).toMatchObject({ ok: false, code: 'refused', message: 'not an active user' });
    expect(await port.saveSettings({ settings, userId: clerk.id })).toMatchObject({
      ok: false,
      code: 'refused',
    });
    expect(
      await port.saveSettings({ settings: { ...settings, maxCalls: 0 }, userId: clerk.id }),
    ).toMatchObject({ ok: false, code: 'bad_request', message: 'maxCalls is 1 to 9' });
  });

  it('watch follows every change', async () => {
    const { port } = await floor();
    const seen: FloorSnapshot[] = [];
    const stop = port.watch((s) => seen.push(s));
    await until(() => seen.length === 1);
    must(await port.issueTicket({ business: 'collection', green: false, requestKey: 'e' }));
    await until(() => seen.at(-1)!.tickets.length === 1);
    expect(seen.at(-1)!.tickets[0]!.number).toBe('E001');
    expect(seen.at(-1)!.rev).toBeGreaterThan(seen[0]!.rev);
    stop();
  });
});

async function until(ok: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('schema v8', () => {
  it('a v6 database opens at v8 with its rows and empty floor tables', async () => {
    const name = `floor-v6-${Date.now()}`;
    const v6 = new Dexie(name, { indexedDB, IDBKeyRange });
    declareVersions(v6, 6);
    await v6.table('meta').put({ key: 'kept', value: 42 });
    v6.close();
    const v8 = new OneWindowDb(name, { indexedDB, IDBKeyRange });
    await v8.open();
    // v9 (the rating device's requests) came after.
    expect(v8.verno).toBeGreaterThanOrEqual(8);
    expect(await v8.meta.get('kept')).toEqual({ key: 'kept', value: 42 });
    expect(await v8.floorTickets.count()).toBe(0);
    expect(await v8.floorMeta.count()).toBe(0);
    v8.close();
  });
});
