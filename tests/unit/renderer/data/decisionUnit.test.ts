// One unit of work per decision: the intake decision, its document number and the scans linked
// with it are one dispatch — one transaction, one set of events. A fault injected after (and
// instead of) each write inside that dispatch leaves nothing written, and pressing again then
// succeeds with the very numbers the failed attempt would have used: the series stay gapless.
import { afterEach, describe, expect, it } from 'vitest';
import type { Table } from 'dexie';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { documentTypeOf } from '../../../../renderer/src/data/decisionRecords';
import { documentsOfCase, recordedDocument } from '../../../../renderer/src/data/documents';
import { attachmentsOfCase } from '../../../../renderer/src/data/attachments';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import type { Command, IntakeDetails } from '../../../../renderer/src/domain';
import { actors, intakeOf } from '../domain/workflowFixtures';
import { stationDb } from './helpers';

const now = new Date('2026-03-02T02:00:00Z');
let db: OneWindowDb;
afterEach(() => db?.close());

const scans = [
  { id: 'sha-aaa', name: '申请表.pdf', size: 1200, mime: 'application/pdf' },
  { id: 'sha-bbb', name: '营业执照.jpg', size: 3400, mime: 'image/jpeg' },
];

/** A walk-in: only the name and the matter (decideIntake: refused or asked to supplement quickly). */
const walkIn: IntakeDetails = intakeOf({
  applicant: { kind: 'enterprise', name: '郑州某某置业有限公司', creditCode: '' },
  contact: { name: '', phone: '' },
  projectName: '',
  projectCode: undefined,
  materials: [],
  answers: {},
  fields: {},
});

const decisions: { name: string; command: Command; docType: string; word: string }[] = [
  {
    name: '受理',
    command: { type: 'accept', caseId: 'c1', caseNo: '', intake: intakeOf() },
    docType: 'acceptance',
    word: '受',
  },
  {
    name: '补正',
    command: {
      type: 'requestSupplement',
      caseId: 'c1',
      caseNo: '',
      intake: walkIn,
      missing: [{ materialId: 'applicationForm', name: '建设工程规划许可申请表' }],
    },
    docType: 'supplement',
    word: '补',
  },
  {
    name: '不予受理 (walk-in)',
    command: {
      type: 'refuse',
      caseId: 'c1',
      caseNo: '',
      intake: walkIn,
      ground: 'noLicenceNeeded',
      detail: '围墙翻新不需要办理建设工程规划许可。',
    },
    docType: 'refusal',
    word: '不受',
  },
];

const WRITES = ['add', 'bulkAdd', 'put', 'bulkPut', 'update', 'delete', 'bulkDelete'] as const;

/**
 * Wraps every write method of every table: each call is counted, and the `fault`-th one fails —
 * 'after': the write is issued, then its promise rejects; 'instead': it throws before writing.
 */
function injectFaults(d: OneWindowDb, fault: number, mode: 'after' | 'instead') {
  const calls: string[] = [];
  // Dexie hands out a new Table object on each access, all of one class per database: the
  // methods are wrapped on that class, and the table is named by `this`.
  const proto = Object.getPrototypeOf(d.cases) as Record<string, (...a: unknown[]) => unknown>;
  const originals = WRITES.map((m) => [m, proto[m]!] as const);
  for (const [method, original] of originals) {
    proto[method] = function (this: Table, ...args: unknown[]) {
      calls.push(`${this.name}.${method}`);
      if (calls.length !== fault) return original.apply(this, args);
      const failure = new Error(`injected fault at write ${fault} (${this.name}.${method})`);
      if (mode === 'instead') throw failure;
      return (original.apply(this, args) as Promise<unknown>).then(() => {
        throw failure;
      });
    };
  }
  return {
    calls,
    restore: () => originals.forEach(([method, original]) => (proto[method] = original)),
  };
}

async function snapshot(d: OneWindowDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) out[t.name] = await t.toArray();
  return out;
}

describe('one unit of work per intake decision', () => {
  it('names the notice each decision prints, and the commands that print none', () => {
    const types = (
      [
        ['accept', 'acceptance'],
        ['acceptWithDeficiencies', 'acceptance'],
        ['requestSupplement', 'supplement'],
        ['refuse', 'refusal'],
        ['suspend', 'suspension'],
        ['resume', 'resumption'],
        ['extend', 'extension'],
        ['deny', 'denial'],
        ['review', null],
        ['approve', null],
      ] as const
    ).map(([type, doc]) => [documentTypeOf({ type } as Command), doc]);
    for (const [got, want] of types) expect(got).toBe(want);
    const delivered = (method: 'pickup' | 'post') =>
      documentTypeOf({ type: 'delivered', caseId: 'c1', delivery: { method } } as Command);
    expect([delivered('pickup'), delivered('post')]).toEqual(['service', null]);
  });

  for (const d of decisions) {
    it(`${d.name}: the case, its number and its scans in one transaction; a fault after or instead of any write leaves nothing, and the retry gets the same numbers`, async () => {
      db = await stationDb(now);
      const before = await snapshot(db);
      const options = { actor: actors.clerk, now, attachments: scans };

      // How many writes the dispatch issues, counted on a copy of the same station.
      const probeDb = await stationDb(now);
      const probe = injectFaults(probeDb, Number.POSITIVE_INFINITY, 'after');
      expect((await dispatch(probeDb, d.command, options)).ok).toBe(true);
      probe.restore();
      probeDb.close();
      // Events with their chain head and counters, the case row, the document row, the scans
      // (and, for a decision naming a project, the applicant and project).
      expect(probe.calls).toEqual(
        expect.arrayContaining([
          'events.bulkAdd',
          'meta.bulkPut',
          'cases.put',
          'documents.bulkPut',
          'files.bulkPut',
        ]),
      );
      expect(probe.calls.length).toBeGreaterThanOrEqual(5);

      for (const mode of ['after', 'instead'] as const) {
        for (let n = 1; n <= probe.calls.length; n++) {
          const f = injectFaults(db, n, mode);
          await expect(dispatch(db, d.command, options), `${mode} write ${n}`).rejects.toThrow(
            `injected fault at write ${n}`,
          );
          f.restore();
          expect(await snapshot(db), `${mode} write ${n}: nothing written`).toEqual(before);
        }
      }

      // Pressing again: recorded, with the first numbers of the day and of the year.
      const r = await dispatch(db, d.command, options);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.caseNo).toBe('HJ01-20260302-0001');
      const number = `惠济规划${d.word}〔2026〕1号`;
      expect(r.documents).toEqual([
        {
          id: `${d.docType}:2026:1`,
          number,
          docType: d.docType,
          year: 2026,
          seq: 1,
          caseId: 'c1',
          at: '2026-03-02T02:00:00.000Z',
        },
      ]);
      // The papers read what was recorded.
      expect(await documentsOfCase(db, 'c1')).toEqual(r.documents);
      expect((await recordedDocument(db, 'c1', d.docType)).number).toBe(number);
      expect(await attachmentsOfCase(db, 'c1')).toEqual(scans);
      expect((await db.meta.get(`seq:doc:${d.docType}:2026`))?.value).toBe(1);
      // One set of events, in one chain: the decision, its number, its scans.
      const events = (await db.events.orderBy('pos').toArray()).slice(-3);
      expect(events.map((e) => [e.streamId, e.type])).toEqual([
        ['case:c1', r.events[0]!.type],
        ['documents', 'documentNumberAllocated'],
        ['case-files:c1', 'attachmentsLinked'],
      ]);
      expect(events[1]!.payload).toEqual({
        docType: d.docType,
        number,
        caseId: 'c1',
        year: 2026,
        seq: 1,
      });
      expect((await verifyLog(db, now)).ok).toBe(true);
    });
  }

  it('a refused decision consumes no number: the next one gets it', async () => {
    db = await stationDb(now);
    const refuse = decisions[2]!.command as Extract<Command, { type: 'refuse' }>;
    // No reason given: refused by the domain.
    const bad = await dispatch(db, { ...refuse, detail: ' ' }, { actor: actors.clerk, now });
    expect(bad).toEqual({ ok: false, refusal: { code: 'reason_required' } });
    expect(await db.documents.count()).toBe(0);
    expect(await db.meta.get('seq:doc:refusal:2026')).toBeUndefined();
    const good = await dispatch(db, refuse, { actor: actors.clerk, now });
    expect(good.ok && good.documents.map((x) => x.number)).toEqual(['惠济规划不受〔2026〕1号']);
    // A second case takes the next number of the series; nothing links scans it was not given.
    const second = await dispatch(
      db,
      { ...refuse, caseId: 'c2' },
      { actor: actors.clerk, now: new Date('2026-03-02T03:00:00Z') },
    );
    expect(second.ok && second.documents.map((x) => x.number)).toEqual(['惠济规划不受〔2026〕2号']);
    expect(await db.files.count()).toBe(0);
  });

  it('numbers by the hall’s year: 00:30 on 1 January in Beijing is the new year', async () => {
    db = await stationDb(now);
    const refuse = decisions[2]!.command;
    // 2026-12-31T16:30Z is 2027-01-01 00:30 in Beijing (and still 2026 in most of the world).
    const r = await dispatch(db, refuse, {
      actor: actors.clerk,
      now: new Date('2026-12-31T16:30:00Z'),
    });
    expect(r.ok && r.documents.map((x) => [x.id, x.number])).toEqual([
      ['refusal:2027:1', '惠济规划不受〔2027〕1号'],
    ]);
  });
});
