// Dispatch benchmark: the accept command of a complete intake, through the real dispatcher
// (decide, number allocation, hash-chained append, read tables) on the seeded database.
import type { OneWindowDb } from '../../renderer/src/data/db';
import { dispatch } from '../../renderer/src/data/dispatch';
import { setupStation, getStation } from '../../renderer/src/data/station';
import {
  defaultCatalogue,
  findMatter,
  makeCreditCode,
  materialsFor,
  type Actor,
  type Command,
} from '../../renderer/src/domain';

type Sampler = (
  n: number,
  fn: (i: number) => Promise<unknown>,
) => Promise<{ p50: number; p95: number }>;

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

export async function benchDispatch(
  db: OneWindowDb,
  n: number,
  sample: Sampler,
): Promise<{ p50: number; p95: number } | null> {
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
  return sample(n, async (i) => {
    const r = await dispatch(db, acceptCommand(i), { actor: clerk, now });
    if (!r.ok) throw new Error(`dispatch refused: ${r.refusal.code}`);
  });
}
