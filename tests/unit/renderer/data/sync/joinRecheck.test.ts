// Joining stations that already hold data (issue 17 item 4), continued from join.test.ts: a
// station code the hall holds for another PC is listed and settled by withdrawing — nothing
// pushed, nothing stored, the other PC's chain untouched; and a clash that reaches the hall while
// the others are being settled is listed when the check runs again before the push.
import { describe, expect, it } from 'vitest';
import { JOINED_KEY } from '../../../../../renderer/src/data/hallPresence';
import { readJoin } from '../../../../../renderer/src/data/join/joinCheck';
import {
  recordedNumberClashes,
  settleClash,
} from '../../../../../renderer/src/data/join/joinSettle';
import { HallModel } from './hallModel';
import { NOW, takeIn } from './fixtures';
import { adminOf, engineOf, enrolWith, hallWithHJ09, mine, station, syncAll } from './joinFixtures';

describe('joining: the station code, and the check run again', () => {
  it('a station code the hall holds for another PC: listed, withdrawn, nothing pushed or stored', async () => {
    const { hall } = await hallWithHJ09();
    const before = hall.lastGseq;

    const y = await station('HJ09', 'guanli');
    await takeIn(y, 'case-y');
    const adminY = await adminOf(y);
    await enrolWith(y, adminY);
    const ey = engineOf(y, hall, 'HJ09');
    expect(await ey.pushAll()).toEqual({ kind: 'held' });
    const record = (await readJoin(y))!;
    const ownEvents = await y.events.count();
    expect(record.clashes.map((c) => [c.kind, c.key, c.own, c.other])).toEqual([
      ['station_code', 'HJ09', { events: ownEvents }, { events: before }],
    ]);
    expect(
      await settleClash(y, adminY, {
        clashId: 'station_code:HJ09',
        decision: 'withdraw',
        note: '',
      }),
    ).toEqual({ ok: false, problem: 'note_required' });
    const r = await settleClash(y, adminY, {
      clashId: 'station_code:HJ09',
      decision: 'withdraw',
      note: '大厅的 HJ09 是一号窗口；本机另行登记',
    });
    expect(r.ok && r.record.status).toBe('withdrawn');
    expect(await ey.pushAll()).toEqual({ kind: 'held' });
    expect(await ey.pullOnce()).toEqual({ kind: 'held' });
    expect(ey.store.get().held).toEqual({ open: 0, withdrawn: true });
    // The hall is as it was (X's chain not quarantined), Y holds nothing of the hall's.
    expect(hall.lastGseq).toBe(before);
    expect(hall.headsOf('HJ09').map((h) => h.status)).toEqual(['open']);
    expect(await y.events.filter((e) => e.gseq !== undefined).count()).toBe(0);
    // Alone again: user administration no longer waits for the hall.
    expect(await y.meta.get(JOINED_KEY)).toBeUndefined();
  });

  it('a clash that reaches the hall while the others are settled is listed at the re-check', async () => {
    const hall = new HallModel();
    const a = await station('HJ01');
    const ea = engineOf(a, hall, 'HJ01');
    await takeIn(a, 'case-a1');
    await syncAll(ea);
    // B holds notices 1 and 2; the hall only 1 when B joins.
    const b = await station('HJ02', 'banzhang');
    await takeIn(b, 'case-b1');
    await takeIn(b, 'case-b2');
    const adminB = await adminOf(b);
    await enrolWith(b, adminB);
    const eb = engineOf(b, hall, 'HJ02');
    expect(await eb.pushAll()).toEqual({ kind: 'held' });
    expect((await readJoin(b))!.clashes.map((c) => c.id)).toEqual(['notice:惠济规划受〔2026〕1号']);
    // Meanwhile A takes the next case in: its notice 2 reaches the hall.
    await takeIn(a, 'case-a2');
    await syncAll(ea);
    const r = await settleClash(
      b,
      adminB,
      { clashId: 'notice:惠济规划受〔2026〕1号', decision: 'recorded', note: '已交申请人，不改号' },
      NOW,
    );
    expect(r.ok && r.record.status).toBe('checking');
    expect(await eb.pushAll()).toEqual({ kind: 'held' });
    expect(await readJoin(b)).toMatchObject({
      status: 'held',
      clashes: [{ id: 'notice:惠济规划受〔2026〕2号', own: { caseId: 'case-b2' } }],
    });
    expect(mine(hall, 'HJ02')).toBe(0);
    await settleClash(
      b,
      adminB,
      { clashId: 'notice:惠济规划受〔2026〕2号', decision: 'recorded', note: '已交申请人，不改号' },
      NOW,
    );
    await syncAll(eb, ea);
    expect((await readJoin(b))?.status).toBe('clear');
    expect((await recordedNumberClashes(a)).map((c) => c.number)).toEqual([
      '惠济规划受〔2026〕1号',
      '惠济规划受〔2026〕2号',
    ]);
  });
});
