// Re-coding an island whose station code the hall already holds (issue 17 item 4): X is the
// hall's HJ09; Y ran alone as HJ09 with two cases (notices 1 and 2), one of them issued (a
// certificate with its signed QR code). Y is re-coded as HJ10: its chain verifies, every case is
// found by its old and its new number, the old log is archived and verifies against the recorded
// head, the QR code still verifies, the read tables are the fold of the new log — and then Y
// pushes under HJ10 and X holds Y's cases under the new numbers, the old ones kept.
import { describe, expect, it } from 'vitest';
import { readJoin } from '../../../../../renderer/src/data/join/joinCheck';
import { settleClash } from '../../../../../renderer/src/data/join/joinSettle';
import {
  recodeAndEnrol,
  verifyRecodedArchive,
} from '../../../../../renderer/src/data/join/joinRecodeFlow';
import { verifyLog } from '../../../../../renderer/src/data/integrity';
import { readHead } from '../../../../../renderer/src/data/log';
import { caseByNumber, findCases } from '../../../../../renderer/src/data/queries';
import { rebuildReadTables } from '../../../../../renderer/src/data/rebuild';
import { getStation } from '../../../../../renderer/src/data/station';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { signClaim } from '../../../../../renderer/src/features/issuance/qrPayload';
import { verifyCertificate } from '../../../../../renderer/src/features/issuance/verify';
import { ModelTransport } from './hallModel';
import { NOW } from './fixtures';
import { mine, syncAll } from './joinFixtures';
import { fakeHall, islandWithTheHallsCode } from './joinRecodeFixtures';

const NOTE = '大厅的 HJ09 是一号窗口；本机改用 HJ10';

async function officeKey() {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const spki = btoa(
    String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey))),
  );
  const sign = async (payload: string) => {
    const sig = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      pair.privateKey,
      new TextEncoder().encode(payload),
    );
    return { signature: btoa(String.fromCharCode(...new Uint8Array(sig))) };
  };
  return { office: async () => ({ spki, keyId: '0123456789abcdef' }), sign };
}

describe('re-coding an island whose station code the hall holds', () => {
  it('re-chains the log under the new code, keeps every old number and the old log, then pushes', async () => {
    const { hall, x, ex, y, adminY, stale } = await islandWithTheHallsCode();
    const before = await y.events.toArray();
    const oldHead = await readHead(y);
    const cert = (await y.certificates.toArray())[0]!;
    const key = await officeKey();
    const qr = await signClaim(
      {
        v: 1,
        no: cert.number,
        t: cert.certType,
        h: '郑州市惠济区某置业有限公司',
        d: '2026-03-02',
        k: '0123456789abcdef',
      },
      key.sign,
    );
    expect((await verifyCertificate(y, qr, key.office)).kind).toBe('genuine');
    const documents = await y.documents.toArray();
    // Under one code the hall's HJ09 events look like Y's own: only the code clashes, yet.
    expect((await readJoin(y))!.clashes.map((c) => c.id)).toEqual(['station_code:HJ09']);

    const { host, state } = fakeHall(hall, 'HJ09');
    const r = await recodeAndEnrol(
      y,
      adminY,
      { newCode: ' hj10 ', note: NOTE, enrolmentCode: 'abcd-efgh-jklm', label: '二号窗口' },
      host,
      () => NOW,
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(state.enrolled).toEqual(['HJ10 ABCD-EFGH-JKLM 二号窗口']);
    const mapping = [
      { caseId: 'case-y1', from: 'HJ09-20260302-0001', to: 'HJ10-20260302-0001' },
      { caseId: 'case-y2', from: 'HJ09-20260302-0002', to: 'HJ10-20260302-0002' },
    ];
    expect(r.summary).toMatchObject({
      from: 'HJ09',
      to: 'HJ10',
      events: before.length,
      cases: mapping,
    });

    // The new log: every event under HJ10, the chain verifying, station.recoded at its head.
    const after = await y.events.toArray();
    expect(after.length).toBe(before.length + 2 + 1 + 1);
    expect(after.every((e) => e.stationId === 'HJ10' && e.id.startsWith('HJ10-'))).toBe(true);
    expect(after.map((e) => e.id)).toEqual(after.map((_, i) => `HJ10-${i + 1}`));
    expect(await verifyLog(y, NOW)).toMatchObject({
      ok: true,
      checked: after.length,
      total: after.length,
    });
    const head = await readHead(y);
    const last = after.at(-1)!;
    expect(head).toEqual({ chainId: 'HJ10', stationSeq: after.length, hash: last.hash });
    expect(last.type).toBe('station.recoded');
    expect(last.id).toBe(r.summary.recoding);
    expect(last.actor.name).toBe('管理员');
    expect(last.payload).toEqual({
      from: 'HJ09',
      to: 'HJ10',
      heads: [oldHead],
      events: before.length,
      cases: mapping,
      note: NOTE,
    });
    expect(after.at(-2)).toMatchObject({
      type: 'join.clash_settled',
      streamId: 'join:HJ10',
      payload: { clashId: 'station_code:HJ09', decision: 'recoded', recodedTo: 'HJ10', note: NOTE },
    });
    // Payloads as written; only the envelope moved (the intake still says the number it gave).
    expect(after.slice(0, before.length).map((e) => [e.type, e.payload, e.at])).toEqual(
      before.map((e) => [e.type, e.payload, e.at]),
    );
    expect((await getStation(y))?.stationCode).toBe('HJ10');

    // Every case by its old and its new number; the old one kept on the row and in the state.
    for (const m of mapping) {
      expect((await caseByNumber(y, m.from))?.id).toBe(m.caseId);
      expect((await caseByNumber(y, m.to))?.id).toBe(m.caseId);
      expect((await caseByNumber(y, `OW-CASE:${m.from}`))?.id).toBe(m.caseId);
      expect((await findCases(y, m.from)).map((c) => c.id)).toEqual([m.caseId]);
      const row = (await y.cases.get(m.caseId))!;
      expect([row.caseNo, row.formerNumbers]).toEqual([m.to, [m.from]]);
    }
    // Notice and certificate numbers unchanged; the QR code signed before still verifies.
    expect(await y.documents.toArray()).toEqual(documents);
    expect((await y.certificates.toArray()).map((c) => c.number)).toEqual([cert.number]);
    expect(await verifyCertificate(y, qr, key.office)).toMatchObject({
      kind: 'genuine',
      number: cert.number,
      caseNo: 'HJ10-20260302-0002',
    });
    // The read tables are the fold of the new log.
    const rebuilt = await rebuildReadTables(y, adminY);
    expect(rebuilt.ok && rebuilt.report.differences).toBe(0);

    // The old log, byte for byte, beside the new ids; it verifies against the recorded head.
    const archive = await y.recodedEvents.where('recoding').equals(r.summary.recoding).toArray();
    expect(archive.map((a) => a.event).sort((a, b) => a.pos! - b.pos!)).toEqual(before);
    expect(archive.find((a) => a.oldId === 'HJ09-1')?.newId).toBe('HJ10-1');
    expect(await verifyRecodedArchive(y, r.summary.recoding)).toEqual({
      ok: true,
      events: before.length,
    });

    // Under HJ10 the check runs again: X's notice 1, no longer under Y's code, clashes; then Y pushes.
    expect(r.record.status).toBe('checking');
    // The engine that ran under HJ09 holds (it would check and push as HJ09): nothing moves.
    const hallBefore = hall.lastGseq;
    expect(await stale.pushAll()).toEqual({ kind: 'held' });
    expect(await stale.pullOnce()).toEqual({ kind: 'held' });
    expect([hall.lastGseq, (await readJoin(y))?.status]).toEqual([hallBefore, 'checking']);
    const ey = new SyncEngine({
      db: y,
      transport: new ModelTransport(hall, 'HJ10'),
      now: () => NOW,
    });
    expect(await ey.pushAll()).toEqual({ kind: 'held' });
    const again = (await readJoin(y))!;
    expect(again.clashes.map((c) => [c.id, c.own['caseNo']])).toEqual([
      ['notice:惠济规划受〔2026〕1号', 'HJ10-20260302-0001'],
    ]);
    await settleClash(
      y,
      adminY,
      { clashId: again.clashes[0]!.id, decision: 'recorded', note: '已交申请人，不改号' },
      NOW,
    );
    await syncAll(ey, ex);
    expect((await readJoin(y))?.status).toBe('clear');
    expect(mine(hall, 'HJ10')).toBe(await y.events.filter((e) => e.stationId === 'HJ10').count());
    expect(hall.headsOf('HJ09').map((h) => h.status)).toEqual(['open']);
    expect(hall.headsOf('HJ10').map((h) => [h.chainId, h.status])).toEqual([['HJ10', 'open']]);
    for (const m of mapping) {
      const row = (await x.cases.get(m.caseId))!;
      expect([row.caseNo, row.formerNumbers]).toEqual([m.to, [m.from]]);
      expect((await findCases(x, m.to)).map((c) => c.id)).toEqual([m.caseId]);
      expect((await findCases(x, m.from)).map((c) => c.id)).toContain(m.caseId);
    }
    // HJ09-20260302-0001 was given twice (both PCs ran as HJ09): a search lists both cases.
    for (const db of [x, y])
      expect((await findCases(db, 'HJ09-20260302-0001')).map((c) => c.id)).toEqual([
        'case-x',
        'case-y1',
      ]);
    expect((await x.cases.get('case-x'))?.caseNo).toBe('HJ09-20260302-0001');
    expect(await verifyLog(x, NOW)).toMatchObject({ ok: true });
  });
});
