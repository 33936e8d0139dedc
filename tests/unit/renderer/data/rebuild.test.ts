// Rebuilding the read tables from the log: a station that went through every command compares
// clean; with its read tables wiped, a rebuild gives every row back byte for byte — but for what
// the log cannot hold (data/notDerivable.ts), which rows made from nothing get empty.
import { afterEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { READ_TABLES, rowBytes, type ReadTable } from '../../../../renderer/src/data/fold';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import { keptFields, NOT_DERIVABLE } from '../../../../renderer/src/data/notDerivable';
import { FOLDED_SETTINGS, rebuildReadTables } from '../../../../renderer/src/data/rebuild';
import { fullStation } from './fullStation';

let db: OneWindowDb | undefined;
afterEach(() => db?.close());

async function dump(d: OneWindowDb, tables: readonly ReadTable[] = READ_TABLES) {
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const rows = (await d.table(t).toArray()) as Record<string, unknown>[];
    out[t] = rows
      .filter((r) => t !== 'settings' || FOLDED_SETTINGS.includes(String(r['key'])))
      .map(rowBytes)
      .sort();
  }
  return out;
}

describe('rebuild from the log', () => {
  it('a station through every command compares clean: every read table is the fold of its log', async () => {
    const s = await fullStation();
    db = s.db;
    const r = await rebuildReadTables(db, s.admin);
    if (!r.ok) throw new Error(r.code);
    expect(
      r.report.tables.filter((t) => t.missing.length + t.extra.length + t.changed.length > 0),
    ).toEqual([]);
    expect(r.report.differences).toBe(0);
    expect(r.report.outcomes).toEqual([]);
    // Every table has rows: the station really went through everything.
    for (const t of r.report.tables) expect(t.rebuilt, t.table).toBeGreaterThan(0);
    expect(r.report.events).toBe(await db.events.count());
    // Read in small chunks, the log folds the same.
    expect(await rebuildReadTables(db, s.admin, { chunk: 7 })).toEqual(r);
  }, 60_000);

  it('wiped read tables are rebuilt identically, and the rebuild is recorded', async () => {
    const s = await fullStation();
    db = s.db;
    // Users stay: the administrator is checked against the stored row (the next test wipes them).
    const wiped = READ_TABLES.filter((t) => t !== 'users');
    const before = await dump(db);
    for (const t of wiped) await db.table(t).clear();
    const r = await rebuildReadTables(db, s.admin, {
      apply: true,
      now: new Date('2026-04-01T02:00:00Z'),
    });
    if (!r.ok) throw new Error(r.code);
    expect(r.report.mode).toBe('apply');
    expect(r.report.differences).toBeGreaterThan(20);
    expect(r.report.tables.find((t) => t.table === 'cases')).toMatchObject({
      stored: 0,
      rebuilt: 5,
      missing: ['c1', 'c2', 'c3', 'c4', 'c5'],
      extra: [],
      changed: [],
    });
    const after = await dump(db);
    // Byte for byte, but the HTML of the two papers (not in the log: rebuilt empty).
    const strip = (rows: string[]) => rows.map((r) => r.replace(/"html":"[^"]*"/, '"html":""'));
    for (const t of READ_TABLES) {
      if (t === 'files') expect(after[t]).toEqual(strip(before[t]!));
      else expect(after[t], t).toEqual(before[t]);
    }
    const last = (await db.events.orderBy('pos').last())!;
    expect(last).toMatchObject({ type: 'station.tables_rebuilt', streamId: 'station' });
    expect(last.payload['tables']).toEqual(wiped);
    expect((await verifyLog(db, new Date())).ok).toBe(true);
    // And now it compares clean.
    const again = await rebuildReadTables(db, s.admin);
    expect(again.ok && again.report.differences).toBe(0);
  }, 60_000);

  it('users come back without their secrets, as notDerivable lists', async () => {
    const s = await fullStation();
    db = s.db;
    const users = await db.users.toArray();
    const adminRow = users.find((u) => u.id === s.admin.id)!;
    await db.users.clear();
    await db.users.put(adminRow);
    const r = await rebuildReadTables(db, s.admin, { apply: true });
    if (!r.ok) throw new Error(r.code);
    expect(r.report.tables.find((t) => t.table === 'users')?.missing).toHaveLength(
      users.length - 1,
    );
    const secrets = keptFields('users');
    expect(secrets).toEqual(['passwordHash', 'failedAttempts', 'lockedUntil']);
    const rebuilt = await db.users.toArray();
    const pub = (u: object) =>
      Object.fromEntries(Object.entries(u).filter(([k]) => !secrets.includes(k)));
    expect(rebuilt.map(pub)).toEqual(users.map(pub));
    const chief = rebuilt.find((u) => u.id === s.chief.id)!;
    expect([chief.passwordHash, chief.failedAttempts, chief.lockedUntil]).toEqual(['', 0, null]);
    expect(rebuilt.find((u) => u.id === s.admin.id)).toEqual(adminRow);
    // Each entry of the list says why.
    for (const n of NOT_DERIVABLE) expect(n.reason.length).toBeGreaterThan(40);
  }, 60_000);

  it('reports a stored row that differs from the log, and a row the log does not know', async () => {
    const s = await fullStation();
    db = s.db;
    await db.cases.update('c5', { applicantName: '被改动的名字' });
    await db.certificates.put({
      id: 'x:1',
      number: 'X1',
      caseId: 'x',
      certType: 't',
      status: 'current',
      data: {},
    });
    const r = await rebuildReadTables(db, s.admin);
    if (!r.ok) throw new Error(r.code);
    expect(r.report.mode).toBe('compare');
    expect(r.report.differences).toBe(2);
    expect(r.report.tables.find((t) => t.table === 'cases')?.changed).toEqual(['c5']);
    expect(r.report.tables.find((t) => t.table === 'certificates')?.extra).toEqual(['x:1']);
    // A comparison writes nothing.
    expect((await db.cases.get('c5'))?.applicantName).toBe('被改动的名字');
  }, 60_000);

  it('only the administrator as stored; never from a log whose verification found a break', async () => {
    const s = await fullStation();
    db = s.db;
    for (const who of [s.chief, s.director, { ...s.clerk, role: 'admin' }])
      expect(await rebuildReadTables(db, who, { apply: true })).toEqual({
        ok: false,
        code: 'forbidden',
      });
    await db.meta.put({
      key: 'integrity',
      value: { ok: false, checked: 1, total: 2, checkedAt: '' },
    });
    expect(await rebuildReadTables(db, s.admin, { apply: true })).toEqual({
      ok: false,
      code: 'log_broken',
    });
    expect((await rebuildReadTables(db, s.admin)).ok).toBe(true);
  }, 60_000);
});
