// Re-coding refused, and re-coding that fails midway (issue 17 item 4, joinRecode.test.ts for the
// way through): each refusal names its reason and changes nothing, here or in the hall; a failure
// inside the transaction leaves the old log, the old code and every old number as they were.
import { describe, expect, it, vi } from 'vitest';
import { ACKED_KEY } from '../../../../../renderer/src/data/sync/hallMeta';
import { recodeStation } from '../../../../../renderer/src/data/join/joinRecode';
import { recodeAndEnrol } from '../../../../../renderer/src/data/join/joinRecodeFlow';
import { readJoin } from '../../../../../renderer/src/data/join/joinCheck';
import { caseByNumber } from '../../../../../renderer/src/data/queries';
import { verifyLog } from '../../../../../renderer/src/data/integrity';
import { NOW } from './fixtures';
import { fakeHall, islandWithTheHallsCode, snapshot } from './joinRecodeFixtures';
import { station } from './joinFixtures';
import { actors } from '../../domain/workflowFixtures';

const input = (newCode: string, note = '本机改用新代码 HJ10') => ({
  newCode,
  note,
  enrolmentCode: 'ABCD-EFGH-JKLM',
  label: '二号窗口',
});

describe('re-coding refused', () => {
  it('for a code of the wrong form, its own code, one the hall holds, no note, a non-administrator', async () => {
    const { hall, y, adminY } = await islandWithTheHallsCode();
    // The hall holds HJ01 too (another window, enrolled and pushed).
    const w = await station('HJ01');
    const { SyncEngine } = await import('../../../../../renderer/src/data/sync/engine');
    const { ModelTransport } = await import('./hallModel');
    const { syncAll } = await import('./joinFixtures');
    await syncAll(
      new SyncEngine({ db: w, transport: new ModelTransport(hall, 'HJ01'), now: () => NOW }),
    );
    const before = await snapshot(y);
    const hallBefore = hall.lastGseq;
    const { host, state } = fakeHall(hall, 'HJ09');
    const run = (i: ReturnType<typeof input>, actor = adminY) =>
      recodeAndEnrol(y, actor, i, host, () => NOW);
    expect(await run(input('H'))).toEqual({ ok: false, problem: 'code_invalid' });
    expect(await run(input('10HJ'))).toEqual({ ok: false, problem: 'code_invalid' });
    expect(await run(input('HJ-1'))).toEqual({ ok: false, problem: 'code_invalid' });
    expect(await run(input('HJ123'))).toEqual({ ok: false, problem: 'code_invalid' });
    expect(await run(input(' hj09 '))).toEqual({ ok: false, problem: 'code_same' });
    expect(await run(input('HJ01'))).toEqual({ ok: false, problem: 'code_held' });
    expect(await run(input('HJ10', ' 改 '))).toEqual({ ok: false, problem: 'note_required' });
    expect(await run(input('HJ10'), actors.clerk)).toEqual({ ok: false, problem: 'not_admin' });
    expect(await run({ ...input('HJ10'), enrolmentCode: 'abc' })).toMatchObject({
      ok: false,
      problem: 'hall',
      error: { code: 'enrolment_code_invalid' },
    });
    // The transaction asks the hall's codes again: a code that reached the hall meanwhile.
    expect(await recodeStation(y, adminY, input('HJ10'), new Set(['HJ10']), NOW)).toEqual({
      ok: false,
      problem: 'code_held',
    });
    expect(state.enrolled).toEqual([]);
    expect(await snapshot(y)).toEqual(before);
    expect(hall.lastGseq).toBe(hallBefore);
  });

  it('when the hall already holds a chain under the new code (enrolled under it, answers its heads)', async () => {
    const { hall, y, adminY } = await islandWithTheHallsCode();
    const before = await snapshot(y);
    const { host } = fakeHall(hall, 'HJ09');
    // The hall's answer to the enrolment: HJ10 holds events already (not seen in its pull).
    const enrol = host.enrol;
    host.enrol = async (args) => ({
      ...(await enrol(args)),
      heads: [{ chainId: 'HJ10', seq: 3, hash: 'a'.repeat(64), status: 'open' }],
    });
    expect(await recodeAndEnrol(y, adminY, input('HJ10'), host, () => NOW)).toEqual({
      ok: false,
      problem: 'code_held',
    });
    expect(await snapshot(y)).toEqual(before);
  });

  it('after anything of the station reached the hall, and when the check does not hold it', async () => {
    const { hall, y, adminY } = await islandWithTheHallsCode();
    const { host } = fakeHall(hall, 'HJ09');
    // A push the hall acknowledged (a station enrolled before the check existed): its mark.
    await y.meta.put({ key: ACKED_KEY, value: { HJ09: { seq: 2, pos: 2 } } });
    expect(await recodeAndEnrol(y, adminY, input('HJ10'), host, () => NOW)).toEqual({
      ok: false,
      problem: 'pushed',
    });
    await y.meta.delete(ACKED_KEY);
    // An event the hall gave an order number to.
    await y.events.update(1, { gseq: 7 });
    expect(await recodeStation(y, adminY, input('HJ10'), new Set(), NOW)).toEqual({
      ok: false,
      problem: 'pushed',
    });
    await y.events
      .where('pos')
      .equals(1)
      .modify((e) => void delete e.gseq);
    // Withdrawn: the join check no longer holds a code clash to settle.
    await y.meta.put({
      key: 'hall:join',
      value: { status: 'withdrawn', checkedAt: null, clashes: [] },
    });
    expect(await recodeStation(y, adminY, input('HJ10'), new Set(), NOW)).toEqual({
      ok: false,
      problem: 'not_held',
    });
  });

  it('when a link of the old log does not verify', async () => {
    const { y, adminY } = await islandWithTheHallsCode();
    await y.events
      .where('pos')
      .equals(3)
      .modify((e) => {
        e.at = '2026-03-01T00:00:00.000Z';
      });
    const before = await snapshot(y);
    expect(await recodeStation(y, adminY, input('HJ10'), new Set(), NOW)).toEqual({
      ok: false,
      problem: 'log_broken',
    });
    expect(await snapshot(y)).toEqual(before);
  });
});

describe('re-coding that fails midway', () => {
  it('leaves the old log, the old code and every old number (one transaction)', async () => {
    const { y, adminY } = await islandWithTheHallsCode();
    const before = await snapshot(y);
    // The log and meta are rewritten, the renumbering appended, then the archive write fails.
    const spy = vi
      .spyOn(y.recodedEvents, 'bulkAdd')
      .mockImplementation(() => Promise.reject(new Error('disk full')) as never);
    await expect(recodeStation(y, adminY, input('HJ10'), new Set(), NOW)).rejects.toThrow(
      'disk full',
    );
    spy.mockRestore();
    expect(await snapshot(y)).toEqual(before);
    expect(await verifyLog(y, NOW)).toMatchObject({ ok: true });
    expect((await caseByNumber(y, 'HJ09-20260302-0001'))?.id).toBe('case-y1');
    expect(await caseByNumber(y, 'HJ10-20260302-0001')).toBeUndefined();
    expect((await readJoin(y))?.status).toBe('held');
    // Run again, it goes through.
    const r = await recodeStation(y, adminY, input('HJ10'), new Set(), NOW);
    expect(r.ok).toBe(true);
    expect((await caseByNumber(y, 'HJ10-20260302-0001'))?.id).toBe('case-y1');
  });
});
