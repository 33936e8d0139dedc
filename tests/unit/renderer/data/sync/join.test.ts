// Joining stations that already hold data (issue 17 item 4): two island databases (each its own
// fake-indexeddb) and the in-memory hall (the server's own push rules and store). A station that
// ran alone is enrolled; its sync engine reads the hall's events without storing them, lists
// every clash — a sign-in name (same person / different person), a certificate number, a notice
// number (the station code: joinRecheck.test.ts) — and holds its push and its pull until an
// administrator settled each; then it pushes and both stations converge. A join with no clash
// goes straight through; a station set up for the hall (nothing of its own) is clear at once.
import { describe, expect, it } from 'vitest';
import { signIn } from '../../../../../renderer/src/data/auth';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { flaggedActions } from '../../../../../renderer/src/data/flaggedActions';
import { beginJoin, readJoin } from '../../../../../renderer/src/data/join/joinCheck';
import {
  recordedNumberClashes,
  settleClash,
} from '../../../../../renderer/src/data/join/joinSettle';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { USER_CLASHES_KEY } from '../../../../../renderer/src/data/sync/staff';
import { createUser } from '../../../../../renderer/src/data/users';
import { actors } from '../../domain/workflowFixtures';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, stationNamed } from './fixtures';
import { adminOf, enrolWith, issued, mine, open, opts, station, syncAll } from './joinFixtures';

describe('joining a station that already holds data', () => {
  it('lists every clash, holds the push until each is settled, then converges', async () => {
    const hall = new HallModel();
    // The hall: station A, with users 张三 (zhangsan) and 李四 (lisi), a case with notice 受〔2026〕1号
    // and certificate 建字第410108202600001号.
    const a = await station('HJ01');
    const ea = new SyncEngine({
      db: a,
      transport: new ModelTransport(hall, 'HJ01'),
      now: () => NOW,
    });
    const zhangsanA = await createUser(
      a,
      await adminOf(a),
      { username: 'zhangsan', name: '张三', password: 'Zhang-san-2026', role: 'clerk' },
      opts,
    );
    const lisiA = await createUser(
      a,
      await adminOf(a),
      { username: 'lisi', name: '李四', password: 'Li-si-hall-2026', role: 'reviewer' },
      opts,
    );
    await issued(a, 'case-a');
    await syncAll(ea);
    const hallBefore = hall.lastGseq;

    // The island B ran alone: its own 张三 (the same person) and 李思 (another person, lisi too),
    // a case with the same notice and certificate numbers.
    const b = await station('HJ02');
    const adminB = await adminOf(b);
    const zhangsanB = await createUser(
      b,
      adminB,
      { username: 'zhangsan', name: '张三', password: 'Zhang-island-26', role: 'clerk' },
      opts,
    );
    const lisiB = await createUser(
      b,
      adminB,
      { username: 'lisi', name: '李思', password: 'Li-si-island-26', role: 'clerk' },
      opts,
    );
    await issued(b, 'case-b');
    expect((await b.certificates.toArray()).map((c) => c.number)).toEqual([
      '建字第410108202600001号',
    ]);

    const enrolled = await enrolWith(b, adminB);
    expect(enrolled.ok).toBe(true);
    expect((await readJoin(b))?.status).toBe('checking');
    const netB = new ModelTransport(hall, 'HJ02');
    const eb = new SyncEngine({ db: b, transport: netB, now: () => NOW });
    expect(await eb.pushAll()).toEqual({ kind: 'held' });
    expect(await eb.pullOnce()).toEqual({ kind: 'held' });

    const record = (await readJoin(b))!;
    expect(record.status).toBe('held');
    expect(record.clashes.map((c) => [c.kind, c.key])).toEqual([
      ['username', 'admin'],
      ['username', 'lisi'],
      ['username', 'zhangsan'],
      ['certificate', '建字第410108202600001号'],
      ['notice', '惠济规划受〔2026〕1号'],
    ]);
    expect(record.clashes.find((c) => c.key === 'lisi')).toEqual({
      id: 'username:lisi',
      kind: 'username',
      key: 'lisi',
      own: { userId: lisiB.id, name: '李思', role: 'clerk' },
      other: { userId: lisiA.id, name: '李四', role: 'reviewer', stationId: 'HJ01' },
    });
    const caseNoA = (await a.cases.get('case-a'))!.caseNo;
    const caseNoB = (await b.cases.get('case-b'))!.caseNo;
    expect(record.clashes.find((c) => c.kind === 'certificate')).toMatchObject({
      own: { caseId: 'case-b', caseNo: caseNoB },
      other: { stationId: 'HJ01', caseId: 'case-a', caseNo: caseNoA },
    });
    expect(record.clashes.find((c) => c.kind === 'notice')).toMatchObject({
      own: { caseId: 'case-b', docType: 'acceptance' },
      other: { stationId: 'HJ01', caseId: 'case-a', docType: 'acceptance' },
    });
    expect(eb.store.get()).toMatchObject({ phase: 'held', held: { open: 5, withdrawn: false } });
    // Nothing pushed, nothing of the hall's stored: the check read the hall without keeping it.
    expect(hall.lastGseq).toBe(hallBefore);
    expect(await b.events.filter((e) => e.stationId === 'HJ01').count()).toBe(0);
    expect(await b.events.filter((e) => e.gseq !== undefined).count()).toBe(0);

    // Settling: refusals first.
    const settle = (input: Parameters<typeof settleClash>[2]) => settleClash(b, adminB, input, NOW);
    expect(
      await settleClash(b, actors.clerk, {
        clashId: 'username:lisi',
        decision: 'same_person',
        note: '',
      }),
    ).toEqual({ ok: false, problem: 'not_admin' });
    expect(
      await settle({
        clashId: `certificate:建字第410108202600001号`,
        decision: 'recorded',
        note: '',
      }),
    ).toEqual({ ok: false, problem: 'note_required' });
    expect(
      await settle({ clashId: 'username:lisi', decision: 'recorded', note: '不是同一人' }),
    ).toEqual({ ok: false, problem: 'decision_unfit' });
    expect(await settle({ clashId: 'username:admin', decision: 'same_person', note: '' })).toEqual({
      ok: false,
      problem: 'self_last',
    });
    expect(
      await settle({
        clashId: 'username:lisi',
        decision: 'different_person',
        note: '',
        renameTo: 'zhangsan',
      }),
    ).toEqual({ ok: false, problem: 'username_taken' });
    expect(
      await settle({
        clashId: 'username:lisi',
        decision: 'different_person',
        note: '',
        renameTo: '李',
      }),
    ).toEqual({ ok: false, problem: 'username_invalid' });
    expect(await settle({ clashId: 'username:nobody', decision: 'same_person', note: '' })).toEqual(
      {
        ok: false,
        problem: 'not_found',
      },
    );

    // Each settled; the push stays held until the last.
    const ok = async (input: Parameters<typeof settleClash>[2]) => {
      const r = await settle(input);
      if (!r.ok) throw new Error(r.problem);
      return r.record;
    };
    await ok({ clashId: 'username:zhangsan', decision: 'same_person', note: '同一人，用大厅账号' });
    await ok({
      clashId: 'username:lisi',
      decision: 'different_person',
      note: '',
      renameTo: 'lisi2',
    });
    await ok({
      clashId: 'certificate:建字第410108202600001号',
      decision: 'recorded',
      note: '两证均已送达，报局办公室备案',
    });
    const beforeLast = await ok({
      clashId: 'notice:惠济规划受〔2026〕1号',
      decision: 'recorded',
      note: '受理通知书已交申请人，不改号',
    });
    expect(beforeLast.clashes.map((c) => c.id)).toEqual(['username:admin']);
    expect(await eb.pushAll()).toEqual({ kind: 'held' });
    expect(eb.store.get().held).toEqual({ open: 1, withdrawn: false });
    expect(hall.lastGseq).toBe(hallBefore);
    const last = await ok({ clashId: 'username:admin', decision: 'same_person', note: '' });
    expect(last).toMatchObject({ status: 'checking', clashes: [] });

    // The check runs again, finds nothing, the push goes; both converge.
    await syncAll(eb, ea);
    expect((await readJoin(b))?.status).toBe('clear');
    expect(eb.store.get().held).toBeUndefined();
    expect(eb.store.get().phase).toBe('synced');
    expect(mine(hall, 'HJ02')).toBe(await b.events.filter((e) => e.stationId === 'HJ02').count());
    expect(await b.events.filter((e) => e.gseq === undefined).count()).toBe(0);

    const usersOf = async (db: OneWindowDb) =>
      (await db.users.toArray())
        .map(
          (u) =>
            `${u.username} ${u.name} ${u.id === zhangsanB.id || u.id === lisiB.id || u.id === adminB.id ? 'B' : 'A'} ${u.disabled}`,
        )
        .sort();
    const expected = [
      'admin 管理员 A 0',
      'admin.hj02 管理员 B 1',
      'lisi 李四 A 0',
      'lisi2 李思 B 0',
      'zhangsan 张三 A 0',
      'zhangsan.hj02 张三 B 1',
    ];
    expect(await usersOf(b)).toEqual(expected);
    expect(await usersOf(a)).toEqual(expected);
    expect((await a.meta.get(USER_CLASHES_KEY))?.value).toBeUndefined();
    expect((await b.users.get(zhangsanA.id))!.passwordHash).toBe(
      (await a.users.get(zhangsanA.id))!.passwordHash,
    );
    // 张三 signs in on B with the hall's account; his island account is closed. 李思 is lisi2.
    expect((await signIn(b, 'zhangsan', 'Zhang-san-2026', opts)).ok).toBe(true);
    expect(await signIn(b, 'zhangsan.hj02', 'Zhang-island-26', opts)).toEqual({
      ok: false,
      reason: 'disabled',
    });
    const li = await signIn(b, 'lisi2', 'Li-si-island-26', opts);
    expect(li.ok && li.user).toEqual({
      id: lisiB.id,
      name: '李思',
      role: 'clerk',
      username: 'lisi2',
    });
    expect((await signIn(a, 'lisi2', 'Li-si-island-26', opts)).ok).toBe(true);

    // Both certificates stand on both stations; the clash of numbers is recorded on both.
    for (const db of [a, b])
      expect(
        (await db.certificates.toArray()).map((c) => `${c.caseId} ${c.number}`).sort(),
      ).toEqual(['case-a 建字第410108202600001号', 'case-b 建字第410108202600001号']);
    const recorded = await recordedNumberClashes(b);
    expect(
      recorded.map((r) => [r.kind, r.number, r.stationId, r.note, r.other['stationId']]),
    ).toEqual([
      ['certificate', '建字第410108202600001号', 'HJ02', '两证均已送达，报局办公室备案', 'HJ01'],
      ['notice', '惠济规划受〔2026〕1号', 'HJ02', '受理通知书已交申请人，不改号', 'HJ01'],
    ]);
    expect(await recordedNumberClashes(a)).toEqual(recorded);
    // B's administrator settled before closing the account: nothing of theirs follows the disabling.
    for (const db of [a, b]) {
      const flagged = await flaggedActions(db, await adminOf(a));
      expect(flagged.ok && flagged.actions.filter((f) => f.reason === 'disabled')).toEqual([]);
    }
    // Every settlement is an event in the hall.
    expect(
      hall.events
        .filter((h) => h.event.type === 'join.clash_settled')
        .map((h) => h.event.payload['decision']),
    ).toEqual(['same_person', 'different_person', 'recorded', 'recorded', 'same_person']);
  });

  it('a join with no clash goes straight through', async () => {
    const hall = new HallModel();
    const a = await station('HJ01');
    await createUser(
      a,
      await adminOf(a),
      { username: 'wangwu', name: '王五', password: 'Wang-wu-hall-26', role: 'clerk' },
      opts,
    );
    const ea = new SyncEngine({
      db: a,
      transport: new ModelTransport(hall, 'HJ01'),
      now: () => NOW,
    });
    await syncAll(ea);
    const b = await station('HJ02', 'banzhang');
    await issued(b, 'case-b');
    await enrolWith(b, await adminOf(b));
    const eb = new SyncEngine({
      db: b,
      transport: new ModelTransport(hall, 'HJ02'),
      now: () => NOW,
    });
    const pushed = await eb.pushAll();
    expect(pushed.kind).toBe('pushed');
    expect(await readJoin(b)).toMatchObject({ status: 'clear', clashes: [] });
    await syncAll(eb, ea);
    expect(await a.cases.get('case-b')).toBeDefined();
    expect((await b.users.toArray()).map((u) => u.username).sort()).toEqual([
      'admin',
      'banzhang',
      'wangwu',
    ]);
    expect(eb.store.get().phase).toBe('synced');
  });

  it('a station set up for the hall, holding nothing of its own, is clear without a check', async () => {
    const b = await stationNamed('HJ03');
    open.push(b);
    expect(await beginJoin(b)).toEqual({ status: 'clear', checkedAt: null, clashes: [] });
  });
});
