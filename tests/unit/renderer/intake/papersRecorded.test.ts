// The intake papers are rendered from what the decision recorded: the document number its
// dispatch allocated and the time it was recorded, on the hall's clock. Rendering writes nothing
// and allocates nothing, so it can run again with the same result — and the machine's zone (set
// to New York here) never reaches the paper.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The papers module reaches the host and the settings store, which look for a window when they
// are first imported: the global object stands in for it (nothing is printed or archived).
vi.hoisted(() => {
  Object.assign(globalThis, { window: globalThis });
});
// The templates as they render, without embedding the bundled font (fetched in the browser).
vi.mock('../../../../renderer/src/features/printing/printService', async () => {
  const { renderDocument } = await import('../../../../renderer/src/print/render');
  return {
    renderForPrint: async (template: never, data: never) => renderDocument(template, data),
  };
});
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { setupStation } from '../../../../renderer/src/data/station';
import { appDb } from '../../../../renderer/src/data/stationDb';
import { useSessionStore } from '../../../../renderer/src/app/stores/sessionStore';
import type { CaseState } from '../../../../renderer/src/domain';
import {
  intakePapers,
  papersOfRecordedCase,
} from '../../../../renderer/src/features/intake/papers';
import { intakeOf } from '../domain/workflowFixtures';

const saved = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

// 10:07 on Monday 2 March 2026 in the hall; 21:07 on Sunday 1 March in New York.
const now = new Date('2026-03-02T02:07:00Z');
const title = (k: string) => k;

async function snapshot() {
  const db = appDb();
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

describe('intake papers from the recorded decision', () => {
  it('prints the recorded number and the hall’s time, and renders again to the same paper without writing', async () => {
    const db = appDb();
    const { admin, station } = await setupStation(
      db,
      {
        officeName: '郑州市惠济区自然资源和规划局',
        officeShortName: '惠济规划',
        divisionCode: '410108',
        stationCode: 'HJ01',
        admin: { username: 'admin', name: '王管理', password: 'Str0ng-enough-pass' },
      },
      { now, iterations: 1000 },
    );
    useSessionStore.getState().signedIn({ ...admin, role: 'admin', username: 'admin' });
    const clerk = { id: admin.id, name: '张敏', role: 'clerk' as const };
    const r = await dispatch(
      db,
      { type: 'accept', caseId: 'c1', caseNo: '', intake: intakeOf() },
      { actor: clerk, now },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(now.getHours()).toBe(21); // the machine's zone really is New York

    const before = await snapshot();
    const jobs = await intakePapers(r.state as CaseState, station, r.documents, title);
    expect(jobs.map((j) => j.docType)).toEqual(['acceptanceNotice', 'receiptA4']);
    const [notice, receipt] = jobs.map((j) => j.doc.html);
    expect(notice).toContain('惠济规划受〔2026〕1号');
    expect(receipt).toContain('2026年3月2日 10:07');
    expect(receipt).not.toContain('21:07');
    // Rendering wrote nothing: no number allocated, no event.
    expect(await snapshot()).toEqual(before);

    // Again, from the stored case alone (what 重新准备文书 does): the very same papers.
    const again = await papersOfRecordedCase('c1', title);
    expect(again.map((j) => j.doc.html)).toEqual([notice, receipt]);
    expect(await snapshot()).toEqual(before);
  });
});
