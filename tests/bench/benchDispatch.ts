// Dispatch benchmark: the accept command of a complete intake, through the real dispatcher
// (decide, number allocation, hash-chained append, read tables) on the seeded database, against
// raw strict puts measured in the same rounds.
import type { OneWindowDb } from '../../renderer/src/data/db';
import { dispatch } from '../../renderer/src/data/dispatch';
import { setupStation, getStation } from '../../renderer/src/data/station';
import { projectCase } from '../../renderer/src/data/projection';
import {
  defaultCatalogue,
  findMatter,
  makeCreditCode,
  materialsFor,
  decide,
  evolve,
  type Actor,
  type CaseState,
  type Command,
} from '../../renderer/src/domain';

const clerk: Actor = { id: 'u-bench', name: '王窗口', role: 'clerk' };
const answers = { agent: 'no', deptOpinion: 'no', demolition: 'no' };

function acceptCommand(i: number): Command {
  const matter = findMatter(defaultCatalogue, 'GCGH-JZ')!;
  return {
    type: 'accept',
    caseId: `bench-accept-${i}-${Date.now()}`,
    caseNo: '',
    intake: {
      matterCode: 'GCGH-JZ',
      applicant: {
        kind: 'enterprise',
        name: `郑州宏达置业有限公司${i}`,
        creditCode: makeCreditCode('91410108MA44XY123'),
      },
      contact: { name: '张经办', phone: '13812345678' },
      projectName: `宏达住宅小区${i}期`,
      channel: 'window',
      greenChannel: false,
      answers,
      materials: materialsFor(matter, answers)
        .filter((m) => m.needed)
        .map((m) => ({
          materialId: m.id,
          received: true,
          form: m.form,
          copies: m.copies,
          pages: 3,
          conforming: true,
        })),
      fields: { location: '惠济区江山路', floorArea: '52000', scale: '住宅6栋' },
      delivery: 'pickup',
    },
  };
}

export interface WriteFigures {
  tinyPut: Quantiles;
  caseRowPut: Quantiles;
  dispatch: Quantiles;
}

interface Quantiles {
  p50: number;
  p95: number;
}

/**
 * The write side, measured interleaved: each round runs a raw strict put of one case row (the
 * row an accept writes, with the cases table's indexes), a raw strict put of a 20-byte row, and a
 * dispatch of an accept — in turn, so all three see the same background work of the database
 * (compaction after seeding 100,000 cases, other load on the machine) and their ratios compare
 * like with like.
 */
export async function benchWrites(
  db: OneWindowDb,
  n: number,
  sampleRounds: (
    n: number,
    ops: Record<keyof WriteFigures, (i: number) => Promise<unknown>>,
  ) => Promise<WriteFigures>,
): Promise<WriteFigures> {
  if (!(await getStation(db))) {
    await setupStation(
      db,
      {
        officeName: '郑州市惠济区自然资源和规划局',
        officeShortName: '惠济资规',
        divisionCode: '410108',
        stationCode: 'HJ01',
        admin: { username: 'admin', name: '管理员', password: 'bench-admin-pass' },
      },
      { iterations: 1000 },
    );
  }
  // Numbers run per day: keep within one day's 9,999 by using a fixed working day.
  const now = new Date('2026-06-15T02:00:00Z');
  // The case row an accept writes: decided and projected by the domain, outside any transaction.
  const decided = decide(
    null,
    { ...acceptCommand(0), caseNo: 'HJ09-20260615-0001' } as Command,
    clerk,
    now,
  );
  if (!decided.ok) throw new Error(`accept refused: ${decided.refusal.code}`);
  let state: CaseState | null = null;
  for (const e of decided.events) state = evolve(state, e);
  const row = projectCase(state!);
  const scratch = db.table('meta');
  // In this order in every round, as before: case-row put, 20-byte put, dispatch.
  const rounds = {
    caseRowPut: (i: number) =>
      db.transaction('rw', db.cases, () =>
        db.cases.put({ ...row, id: `bench-row-${i}`, caseNo: `HJ09-20260615-${i}` }),
      ),
    tinyPut: (i: number) =>
      db.transaction('rw', scratch, () => scratch.put({ key: `bench-${i}`, value: i })),
    dispatch: async (i: number) => {
      const r = await dispatch(db, acceptCommand(i), { actor: clerk, now });
      if (!r.ok) throw new Error(`dispatch refused: ${r.refusal.code}`);
    },
  };
  return sampleRounds(n, rounds);
}
