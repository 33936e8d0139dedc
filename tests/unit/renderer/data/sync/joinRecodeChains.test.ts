// Re-coding an island that holds two chains (issue 17 item 4): Y ran alone as HJ09, took in a
// case, was restored from its backup — the restore closes the chain HJ09 where the backup left it
// and opens HJ09.2 (data/backup.ts `chain.opened`) — and then issued a second case on HJ09.2. Both
// chains are re-chained under HJ10 (HJ09 → HJ10, HJ09.2 → HJ10.2): each verifies, the closed head
// moves with it, `chain.opened` names the new chain and hash, the archive holds both old chains
// and verifies against both recorded heads, and every case is found by its old and new number —
// here and, after the push, on the hall's HJ09.
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../../../../renderer/src/data/backup';
import { verifyLog } from '../../../../../renderer/src/data/integrity';
import { readJoin } from '../../../../../renderer/src/data/join/joinCheck';
import {
  recodeAndEnrol,
  verifyRecodedArchive,
} from '../../../../../renderer/src/data/join/joinRecodeFlow';
import { settleClash } from '../../../../../renderer/src/data/join/joinSettle';
import { chainIdOf, readHead } from '../../../../../renderer/src/data/log';
import { caseByNumber, findCases } from '../../../../../renderer/src/data/queries';
import { rebuildReadTables } from '../../../../../renderer/src/data/rebuild';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { ModelTransport } from './hallModel';
import { NOW, takeIn } from './fixtures';
import {
  adminOf,
  engineOf,
  enrolWith,
  hallWithHJ09,
  issued,
  station,
  syncAll,
} from './joinFixtures';
import { fakeHall } from './joinRecodeFixtures';

const NOTE = '大厅的 HJ09 是一号窗口；本机（恢复过备份）改用 HJ10';

/** X is the hall's HJ09; Y ran as HJ09 on two chains (a restore between its two cases). */
async function islandOfTwoChains() {
  const { hall, x, ex } = await hallWithHJ09();
  const y = await station('HJ09', 'guanli');
  await takeIn(y, 'case-y1');
  const adminY = await adminOf(y);
  await restoreBackup(y, await exportBackup(y, { now: NOW }), { actor: adminY, now: NOW });
  await issued(y, 'case-y2');
  await enrolWith(y, adminY);
  const ey = engineOf(y, hall, 'HJ09');
  expect(await ey.pushAll()).toEqual({ kind: 'held' });
  return { hall, x, ex, y, adminY };
}

describe('re-coding an island of two chains (a restored backup)', () => {
  it('re-chains both chains under the new code, archives both, finds every case by both numbers', async () => {
    const { hall, x, ex, y, adminY } = await islandOfTwoChains();
    const before = await y.events.toArray();
    const oldChains = [...new Set(before.map(chainIdOf))];
    expect(oldChains).toEqual(['HJ09', 'HJ09.2']);
    const oldOpen = await readHead(y);
    const oldClosed = (await y.meta.get('chainHead:HJ09'))!.value as {
      chainId: string;
      stationSeq: number;
      hash: string;
    };
    expect([oldOpen.chainId, oldClosed.chainId]).toEqual(['HJ09.2', 'HJ09']);
    const first = before.filter((e) => chainIdOf(e) === 'HJ09');
    const second = before.filter((e) => chainIdOf(e) === 'HJ09.2');
    expect(oldClosed).toEqual({
      chainId: 'HJ09',
      stationSeq: first.length,
      hash: first.at(-1)!.hash,
    });
    expect((await readJoin(y))!.clashes.map((c) => c.id)).toEqual(['station_code:HJ09']);

    const { host } = fakeHall(hall, 'HJ09');
    const r = await recodeAndEnrol(
      y,
      adminY,
      { newCode: 'HJ10', note: NOTE, enrolmentCode: 'abcd-efgh-jklm', label: '二号窗口' },
      host,
      () => NOW,
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    const mapping = [
      { caseId: 'case-y1', from: 'HJ09-20260302-0001', to: 'HJ10-20260302-0001' },
      { caseId: 'case-y2', from: 'HJ09-20260302-0002', to: 'HJ10-20260302-0002' },
    ];
    expect(r.summary).toMatchObject({ from: 'HJ09', to: 'HJ10', events: before.length });
    expect(r.summary.cases).toEqual(mapping);

    // Both chains under HJ10: ids by chain and seq, each verifying; the appended ones on HJ10.2.
    const after = await y.events.toArray();
    const ids = (chain: string) =>
      after.filter((e) => chainIdOf(e) === chain).map((e) => [e.id, e.stationId]);
    expect(ids('HJ10')).toEqual(first.map((_, i) => [`HJ10-${i + 1}`, 'HJ10']));
    expect(ids('HJ10.2')).toEqual(
      [...second, 0, 0, 0, 0].map((_, i) => [`HJ10.2-${i + 1}`, 'HJ10']),
    );
    expect(after.some((e) => e.id.startsWith('HJ09') || chainIdOf(e).startsWith('HJ09'))).toBe(
      false,
    );
    expect(await verifyLog(y, NOW)).toMatchObject({
      ok: true,
      checked: after.length,
      total: after.length,
    });
    // The heads follow: the open one on HJ10.2, the closed one moved from HJ09 to HJ10.
    const newFirst = after.filter((e) => chainIdOf(e) === 'HJ10');
    const newSecond = after.filter((e) => chainIdOf(e) === 'HJ10.2');
    expect(await readHead(y)).toEqual({
      chainId: 'HJ10.2',
      stationSeq: newSecond.length,
      hash: newSecond.at(-1)!.hash,
    });
    expect(await y.meta.get('chainHead:HJ09')).toBeUndefined();
    expect((await y.meta.get('chainHead:HJ10'))?.value).toEqual({
      chainId: 'HJ10',
      stationSeq: first.length,
      hash: newFirst.at(-1)!.hash,
    });
    // The restore's chain.opened names the new chain and its new hash (what it opened after).
    const opened = after.find((e) => e.type === 'chain.opened')!;
    expect(opened.id).toBe('HJ10.2-1');
    const previous = { chainId: 'HJ10', stationSeq: first.length, hash: newFirst.at(-1)!.hash };
    expect(opened.payload).toMatchObject({ reason: 'restore', previous, replaced: previous });
    // station.recoded records both old heads, the older chain first.
    expect(after.at(-1)).toMatchObject({
      type: 'station.recoded',
      id: r.summary.recoding,
      payload: { heads: [oldClosed, oldOpen], events: before.length, cases: mapping },
    });

    // The archive: both old chains byte for byte, each old id beside its new one; it verifies.
    const archive = await y.recodedEvents.where('recoding').equals(r.summary.recoding).toArray();
    expect(archive.map((a) => a.event).sort((a, b) => a.pos! - b.pos!)).toEqual(before);
    expect(
      ['HJ09-1', `HJ09-${first.length}`, 'HJ09.2-1', `HJ09.2-${second.length}`].map(
        (id) => archive.find((a) => a.oldId === id)?.newId,
      ),
    ).toEqual(['HJ10-1', `HJ10-${first.length}`, 'HJ10.2-1', `HJ10.2-${second.length}`]);
    expect(await verifyRecodedArchive(y, r.summary.recoding)).toEqual({
      ok: true,
      events: before.length,
    });

    // Every case by its old and its new number, one before the restore and one after.
    for (const m of mapping) {
      expect((await caseByNumber(y, m.from))?.id).toBe(m.caseId);
      expect((await caseByNumber(y, m.to))?.id).toBe(m.caseId);
      expect((await findCases(y, m.to)).map((c) => c.id)).toEqual([m.caseId]);
      const row = (await y.cases.get(m.caseId))!;
      expect([row.caseNo, row.formerNumbers]).toEqual([m.to, [m.from]]);
    }
    const rebuilt = await rebuildReadTables(y, adminY);
    expect(rebuilt.ok && rebuilt.report.differences).toBe(0);

    // Under HJ10 the check lists X's notice 1; settled, Y pushes both chains.
    const ey = new SyncEngine({
      db: y,
      transport: new ModelTransport(hall, 'HJ10'),
      now: () => NOW,
    });
    expect(await ey.pushAll()).toEqual({ kind: 'held' });
    const again = (await readJoin(y))!;
    expect(again.clashes.map((c) => c.id)).toEqual(['notice:惠济规划受〔2026〕1号']);
    await settleClash(
      y,
      adminY,
      { clashId: again.clashes[0]!.id, decision: 'recorded', note: '已交申请人，不改号' },
      NOW,
    );
    await syncAll(ey, ex);
    expect((await readJoin(y))?.status).toBe('clear');
    expect(hall.headsOf('HJ10').map((h) => [h.chainId, h.seq])).toEqual([
      ['HJ10', newFirst.length],
      ['HJ10.2', (await readHead(y)).stationSeq],
    ]);
    for (const m of mapping) {
      const row = (await x.cases.get(m.caseId))!;
      expect([row.caseNo, row.formerNumbers]).toEqual([m.to, [m.from]]);
      expect((await caseByNumber(x, m.to))?.id).toBe(m.caseId);
      expect((await findCases(x, m.from)).map((c) => c.id)).toContain(m.caseId);
    }
    expect(await verifyLog(x, NOW)).toMatchObject({ ok: true });
  });
});
