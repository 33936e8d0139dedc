import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import { caseByNumber, inbox } from '../../../../renderer/src/data/queries';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import type { Command } from '../../../../renderer/src/domain';
import { acceptOf, actors, intakeOf } from '../domain/workflowFixtures';
import { stationDb } from './helpers';
import { STATION_KEY } from '../../../../renderer/src/data/station';

let db: OneWindowDb;
// 2026-03-02 is a Monday: no holiday nearby, so due dates are plain arithmetic.
const now = new Date('2026-03-02T02:00:00Z');

beforeEach(async () => {
  db = await stationDb(now);
});
afterEach(() => db.close());

const newCase = (id: string): Command => ({
  ...(acceptOf() as Extract<Command, { type: 'accept' }>),
  caseId: id,
  caseNo: '',
});

describe('dispatch', () => {
  it('accepts a case: allocates the number, appends chained events, updates the read tables', async () => {
    const r = await dispatch(db, newCase('c1'), { actor: actors.clerk, now });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.caseNo).toBe('HJ01-20260302-0001');
    const row = await caseByNumber(db, 'HJ01-20260302-0001');
    expect(row).toMatchObject({ id: 'c1', status: 'review', inboxRole: 'reviewer', version: 1 });
    expect((await inbox(db, 'reviewer')).map((c) => c.id)).toEqual(['c1']);
    expect(await db.parties.count()).toBe(1);
    expect((await verifyLog(db, now)).ok).toBe(true);
    // The second case of the day gets the next number.
    const r2 = await dispatch(db, newCase('c2'), { actor: actors.clerk, now });
    expect(r2.ok && r2.caseNo).toBe('HJ01-20260302-0002');
  });

  it('numbers from the counter it reads in the transaction, even when the station it remembered changed', async () => {
    // dispatch reads the day's counter with the station (one request) using the station code it
    // last saw; a guess that does not match the stored station must not be used.
    expect((await dispatch(db, newCase('c1'), { actor: actors.clerk, now })).ok).toBe(true);
    const row = (await db.meta.get(STATION_KEY))!;
    await db.meta.put({ ...row, value: { ...(row.value as object), stationCode: 'HJ02' } });
    await db.meta.put({ key: 'seq:case:HJ02:2026-03-02', value: 41 });
    const r = await dispatch(db, newCase('c2'), { actor: actors.clerk, now });
    expect(r.ok && r.caseNo).toBe('HJ02-20260302-0042');
    const r3 = await dispatch(db, newCase('c3'), { actor: actors.clerk, now });
    expect(r3.ok && r3.caseNo).toBe('HJ02-20260302-0043');
    // The first station's counter is untouched.
    expect((await db.meta.get('seq:case:HJ01:2026-03-02'))?.value).toBe(1);
    expect((await verifyLog(db, now)).ok).toBe(true);
  });

  it("refuses a clerk's approve in the domain, and writes nothing", async () => {
    await dispatch(db, newCase('c1'), { actor: actors.clerk, now });
    const before = await db.events.count();
    const r = await dispatch(
      db,
      { type: 'approve', caseId: 'c1', opinion: '同意' },
      { actor: actors.clerk, now },
    );
    expect(r).toEqual({
      ok: false,
      refusal: { code: 'forbidden_role', params: { command: 'approve', role: 'clerk' } },
    });
    expect(await db.events.count()).toBe(before);
  });

  it('refuses a stale command: the case changed since the screen loaded it', async () => {
    await dispatch(db, newCase('c1'), { actor: actors.clerk, now });
    const ok = await dispatch(
      db,
      { type: 'review', caseId: 'c1', opinion: '材料齐全，符合规划条件' },
      { actor: actors.reviewer, now, expectedVersion: 1 },
    );
    expect(ok.ok).toBe(true);
    // A second reviewer screen still shows version 1.
    const stale = await dispatch(
      db,
      { type: 'suspend', caseId: 'c1', kind: 'hearing', reason: '听证' },
      { actor: actors.reviewer, now, expectedVersion: 1 },
    );
    expect(stale).toEqual({ ok: false, refusal: { code: 'stale', params: { version: 2 } } });
  });

  it('is all or nothing: a failure part-way through leaves nothing written', async () => {
    const events = await db.events.count();
    const head = await db.meta.get('chainHead');
    // Make the read-table update fail after the events were appended.
    const put = db.cases.put.bind(db.cases);
    db.cases.put = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.cases.put;
    await expect(dispatch(db, newCase('c1'), { actor: actors.clerk, now })).rejects.toThrow(
      'disk full',
    );
    db.cases.put = put;
    expect(await db.events.count()).toBe(events);
    expect(await db.meta.get('chainHead')).toEqual(head);
    expect(await db.meta.get('seq:case:HJ01:2026-03-02')).toBeUndefined();
    expect(await db.cases.count()).toBe(0);
    // And the number was not consumed: the next case still gets 0001.
    const r = await dispatch(db, newCase('c1'), { actor: actors.clerk, now });
    expect(r.ok && r.caseNo).toBe('HJ01-20260302-0001');
  });

  it('serialises concurrent dispatches on one case: exactly one of two racing reviews wins', async () => {
    await dispatch(db, newCase('c1'), { actor: actors.clerk, now });
    const review = (opinion: string) =>
      dispatch(
        db,
        { type: 'review', caseId: 'c1', opinion },
        { actor: actors.reviewer, now, expectedVersion: 1 },
      );
    const [a, b] = await Promise.all([review('同意'), review('同意（另一窗口）')]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect((await db.cases.get('c1'))?.version).toBe(2);
  });

  it('allocates certificate numbers without gaps, and a refused issue consumes none', async () => {
    await dispatch(db, newCase('c1'), { actor: actors.clerk, now });
    for (const [type, actor] of [
      ['review', actors.reviewer],
      ['verify', actors.chief],
      ['approve', actors.director],
    ] as const) {
      const r = await dispatch(db, { type, caseId: 'c1', opinion: '同意' } as Command, {
        actor,
        now,
      });
      expect(r.ok).toBe(true);
    }
    // A reviewer may not issue: refused, and no number is used up.
    const refused = await dispatch(
      db,
      { type: 'certificateIssued', caseId: 'c1', number: '', external: false },
      { actor: actors.reviewer, now },
    );
    expect(refused.ok).toBe(false);
    const issued = await dispatch(
      db,
      { type: 'certificateIssued', caseId: 'c1', number: '', external: false },
      { actor: actors.clerk, now },
    );
    expect(issued.ok && issued.state?.certificate?.number).toBe('建字第410108202600001号');
    expect(await db.certificates.count()).toBe(1);
  });

  it('refuses an intake with an invalid credit code, and nothing is half-saved', async () => {
    const bad = {
      ...(acceptOf() as Extract<Command, { type: 'accept' }>),
      caseNo: '',
      intake: intakeOf({
        applicant: { kind: 'enterprise', name: '某公司', creditCode: '91410108MA44XY1230' },
      }),
    };
    const r = await dispatch(db, bad, { actor: actors.clerk, now });
    expect(r).toMatchObject({ ok: false, refusal: { code: 'credit_code_check_failed' } });
    expect(await db.cases.count()).toBe(0);
    expect(await db.parties.count()).toBe(0);
  });
});
