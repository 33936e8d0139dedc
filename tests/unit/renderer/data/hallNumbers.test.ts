// Certificate numbers from the hall on enrolled stations (data/hallNumbers.ts): each station its
// own fake-indexeddb database, the hall the server's own in-memory number store behind the
// model transport (tests/unit/renderer/data/sync/hallModel.ts).
import { afterEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import {
  attemptKey,
  dispatchWithHallNumber,
  type NumberAttempt,
  type NumberTransport,
} from '../../../../renderer/src/data/hallNumbers';
import type { Actor, Command } from '../../../../renderer/src/domain';
import { actors } from '../domain/workflowFixtures';
import { HallModel, ModelTransport } from './sync/hallModel';
import { dbName, NOW, openDb, stationNamed, takeIn } from './sync/fixtures';

const open: OneWindowDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function station(code: string, name = dbName(code)) {
  const db = await stationNamed(code, name);
  open.push(db);
  return db;
}

/** Taken in, reviewed, verified, approved: ready to issue. */
async function approved(db: OneWindowDb, caseId: string) {
  await takeIn(db, caseId);
  for (const [type, actor] of [
    ['review', actors.reviewer],
    ['verify', actors.chief],
    ['approve', actors.director],
  ] as const) {
    const r = await dispatch(db, { type, caseId, opinion: '同意' } as Command, {
      actor,
      now: NOW,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.refusal));
  }
}

const issue = (caseId: string, external = false, number = ''): Command => ({
  type: 'certificateIssued',
  caseId,
  number,
  external,
});

const issueOn = (
  db: OneWindowDb,
  t: NumberTransport,
  caseId: string,
  actor: Actor = actors.clerk,
) => dispatchWithHallNumber(db, t, issue(caseId), { actor, now: NOW });

const issuedEvent = async (db: OneWindowDb, caseId: string) =>
  (await db.events.where('streamId').equals(`case:${caseId}`).toArray()).find(
    (e) => e.type === 'certificateIssued',
  )?.payload as { number: string; seq: number | null; external: boolean } | undefined;

describe('certificate numbers from the hall', () => {
  it('two stations issuing get 1 and 2 of the bureau; their own counters stay untouched', async () => {
    const hall = new HallModel();
    const a = await station('HJ01');
    const b = await station('HJ02');
    await approved(a, 'ca');
    await approved(b, 'cb');
    const ra = await issueOn(a, new ModelTransport(hall, 'HJ01'), 'ca');
    const rb = await issueOn(b, new ModelTransport(hall, 'HJ02'), 'cb');
    expect(ra.ok && ra.state?.certificate?.number).toBe('建字第410108202600001号');
    expect(rb.ok && rb.state?.certificate?.number).toBe('建字第410108202600002号');
    expect(await issuedEvent(a, 'ca')).toMatchObject({ seq: 1, external: false });
    expect(await issuedEvent(b, 'cb')).toMatchObject({ seq: 2, external: false });
    expect((await b.certificates.toArray()).map((c) => c.number)).toEqual([
      '建字第410108202600002号',
    ]);
    // The station counter of the lone path was neither read into the number nor moved.
    expect(await a.meta.get('seq:cert:constructionPermit:2026')).toBeUndefined();
    // The attempt ended with the issue it numbered.
    expect(await a.meta.get(attemptKey('ca', 'certificateIssued'))).toBeUndefined();
    expect(
      hall.numbers.allocations('cert:constructionPermit:2026').map((x) => [x.seq, x.caseId]),
    ).toEqual([
      [1, 'ca'],
      [2, 'cb'],
    ]);
  });

  it('a retry after a lost answer gets the same number back, never a second one', async () => {
    const hall = new HallModel();
    const a = await station('HJ01');
    const b = await station('HJ02');
    await approved(a, 'ca');
    await approved(b, 'cb');
    const ta = new ModelTransport(hall, 'HJ01');
    ta.faults.lostAnswer = 1; // the hall allocates, the answer never arrives
    const lost = await issueOn(a, ta, 'ca');
    expect(lost).toEqual({ ok: false, refusal: { code: 'hall_offline' } });
    expect((await a.cases.get('ca'))?.status).toBe('approved');
    const kept = (await a.meta.get(attemptKey('ca', 'certificateIssued')))?.value as NumberAttempt;
    expect(kept).toMatchObject({ certType: 'constructionPermit', year: 2026, caseId: 'ca' });
    // Meanwhile B takes the next number.
    const rb = await issueOn(b, new ModelTransport(hall, 'HJ02'), 'cb');
    expect(rb.ok && rb.state?.certificate?.number).toBe('建字第410108202600002号');

    ta.faults.lostAnswer = 0;
    const again = await issueOn(a, ta, 'ca');
    expect(again.ok && again.state?.certificate?.number).toBe('建字第410108202600001号');
    expect(ta.calls.filter((c) => c.startsWith('number '))).toEqual([
      `number ${kept.requestKey}`,
      `number ${kept.requestKey}`,
    ]);
    expect(hall.numbers.allocations('cert:constructionPermit:2026').map((x) => x.seq)).toEqual([
      1, 2,
    ]);
  });

  it('a crash between the hall answer and the record: reopened, the issue gets the same number', async () => {
    const hall = new HallModel();
    const name = dbName('HJ01');
    const a = await station('HJ01', name);
    await approved(a, 'ca');
    const model = new ModelTransport(hall, 'HJ01');
    const crashing: NumberTransport = {
      allocateNumber: async (args) => {
        await model.allocateNumber(args);
        throw new Error('the app was closed');
      },
    };
    await expect(issueOn(a, crashing, 'ca')).rejects.toThrow('the app was closed');
    a.close();
    const reopened = openDb(name);
    open.push(reopened);
    const r = await issueOn(reopened, model, 'ca');
    expect(r.ok && r.state?.certificate?.number).toBe('建字第410108202600001号');
    expect(hall.numbers.allocations('cert:constructionPermit:2026')).toHaveLength(1);
  });

  it('offline: refused with the reason, nothing recorded; a national-system number still goes in', async () => {
    const hall = new HallModel();
    const a = await station('HJ01');
    await approved(a, 'ca');
    const t = new ModelTransport(hall, 'HJ01');
    t.faults.partitioned = true;
    const before = await a.events.count();
    expect(await issueOn(a, t, 'ca')).toEqual({ ok: false, refusal: { code: 'hall_offline' } });
    expect(await a.events.count()).toBe(before);
    expect(hall.numbers.byKey.size).toBe(0);

    const external = await dispatchWithHallNumber(a, t, issue('ca', true, 'ZRZY-2026-0001234'), {
      actor: actors.clerk,
      now: NOW,
    });
    expect(external.ok && external.state?.certificate).toMatchObject({
      number: 'ZRZY-2026-0001234',
      external: true,
    });
    expect(t.calls.filter((c) => c.startsWith('number '))).toHaveLength(1);
  });

  it('a refused issue never asks the hall for a number', async () => {
    const hall = new HallModel();
    const a = await station('HJ01');
    await approved(a, 'ca');
    const t = new ModelTransport(hall, 'HJ01');
    const r = await issueOn(a, t, 'ca', actors.reviewer);
    expect(r).toMatchObject({ ok: false, refusal: { code: 'forbidden_role' } });
    const stale = await dispatchWithHallNumber(a, t, issue('ca'), {
      actor: actors.clerk,
      now: NOW,
      expectedVersion: 1,
    });
    expect(stale).toMatchObject({ ok: false, refusal: { code: 'stale' } });
    expect(t.calls).toEqual([]);
    expect(await a.meta.get(attemptKey('ca', 'certificateIssued'))).toBeUndefined();
  });

  it('a voided certificate is reissued under the next hall number', async () => {
    const hall = new HallModel();
    const a = await station('HJ01');
    await approved(a, 'ca');
    const t = new ModelTransport(hall, 'HJ01');
    await issueOn(a, t, 'ca');
    const voided = await dispatch(
      a,
      { type: 'certificateVoided', caseId: 'ca', reason: '打印错误' },
      { actor: actors.chief, now: NOW },
    );
    expect(voided.ok).toBe(true);
    const r = await dispatchWithHallNumber(
      a,
      t,
      { type: 'certificateReissued', caseId: 'ca', number: '', external: false },
      { actor: actors.clerk, now: NOW },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.refusal));
    expect(r.state?.certificate?.number).toBe('建字第410108202600002号');
    expect(hall.numbers.allocations('cert:constructionPermit:2026').map((x) => x.seq)).toEqual([
      1, 2,
    ]);
  });
});
