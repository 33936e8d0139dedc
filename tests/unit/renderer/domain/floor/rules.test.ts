import { describe, expect, it } from 'vitest';
import {
  callNext,
  checkSettings,
  compareQueue,
  finish,
  floorDay,
  issue,
  linkCase,
  maySkip,
  nextTicketNumber,
  queueFor,
  recall,
  serve,
  servingSeconds,
  skip,
  transfer,
  waitingAhead,
  waitingFor,
  waitingSeconds,
  type Act,
} from '../../../../../renderer/src/domain/floor/rules';
import type {
  BusinessType,
  FloorSettings,
  FloorWindow,
  Ticket,
} from '../../../../../renderer/src/domain/floor/types';

const settings: FloorSettings = {
  maxCalls: 3,
  windows: [
    { id: 'HJ01', number: 1, businesses: ['counselling'], green: false },
    { id: 'HJ02', number: 2, businesses: ['counselling', 'intakeLandUse'], green: true },
    { id: 'HJ03', number: 3, businesses: ['collection'], green: false },
  ],
};

// 09:00 in the hall (Asia/Shanghai) is 01:00 UTC.
const at = (hhmmss: string) => new Date(`2026-12-01T${hhmmss}+08:00`);
let seq = 0;
function ticket(business: BusinessType, time: string, more: Partial<Ticket> = {}): Ticket {
  seq += 1;
  const r = issue(
    { id: `t${seq}`, business, green: false, now: at(time), kiosk: 'QH01', rev: seq },
    [],
  );
  if (!r.ok) throw new Error(r.message);
  return { ...r.value, number: `X${String(seq).padStart(3, '0')}`, ...more };
}
const act = (window: string, time: string, clerkId = 'u-clerk'): Act => ({
  window,
  clerkId,
  now: at(time),
  rev: 100,
});
const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('ticket numbering', () => {
  it('is the letter and three digits, from 001 per letter and hall day', () => {
    const day = '2026-12-01';
    expect(nextTicketNumber('counselling', day, [])).toEqual({ ok: true, value: 'A001' });
    const held = [
      { number: 'A001', day },
      { number: 'A022', day },
      { number: 'B005', day },
      { number: 'A040', day: '2026-11-30' },
    ];
    expect(nextTicketNumber('counselling', day, held)).toEqual({ ok: true, value: 'A023' });
    expect(nextTicketNumber('intakeLandUse', day, held)).toEqual({ ok: true, value: 'B006' });
    expect(nextTicketNumber('collection', day, held)).toEqual({ ok: true, value: 'E001' });
    expect(nextTicketNumber('counselling', '2026-12-02', held)).toEqual({
      ok: true,
      value: 'A001',
    });
  });

  it('refuses the thousandth ticket of a letter in a day', () => {
    const r = nextTicketNumber('enquiry', '2026-12-01', [{ number: 'F999', day: '2026-12-01' }]);
    expect(r).toMatchObject({ ok: false, code: 'refused', reason: 'numbers_used_up' });
  });

  it('counts the hall day in Asia/Shanghai: 23:30 UTC is the next morning', () => {
    expect(floorDay('2026-11-30T23:30:00Z')).toBe('2026-12-01');
    const t = value(
      issue(
        {
          id: 'x',
          business: 'intakeCompletion',
          green: true,
          now: new Date('2026-11-30T23:30:00Z'),
          kiosk: 'QH01',
          rev: 7,
        },
        [],
      ),
    );
    expect(t).toEqual({
      id: 'x',
      number: 'D001',
      business: 'intakeCompletion',
      green: true,
      day: '2026-12-01',
      issuedAt: '2026-11-30T23:30:00.000Z',
      issuedBy: 'QH01',
      status: 'waiting',
      calls: [],
      rev: 7,
    });
  });
});

describe('call next', () => {
  it('takes only the businesses the window serves, earliest first', () => {
    const a = ticket('collection', '09:00:00');
    const b = ticket('counselling', '09:01:00');
    const c = ticket('counselling', '09:02:00');
    const next = value(callNext(settings, [c, a, b], act('HJ01', '09:05:00')));
    expect(next?.id).toBe(b.id);
    expect(next?.status).toBe('called');
    expect(next?.window).toBe('HJ01');
    expect(next?.calls).toEqual([
      { at: '2026-12-01T01:05:00.000Z', window: 'HJ01', clerkId: 'u-clerk' },
    ]);
    expect(value(callNext(settings, [a, b, c], act('HJ03', '09:05:00')))?.id).toBe(a.id);
  });

  it('calls a green-channel ticket before earlier ordinary ones', () => {
    const early = ticket('counselling', '09:00:00');
    const green = ticket('counselling', '09:30:00', { green: true });
    expect(value(callNext(settings, [early, green], act('HJ01', '09:31:00')))?.id).toBe(green.id);
    expect(queueFor(settings.windows[0]!, [early, green]).map((t) => t.id)).toEqual([
      green.id,
      early.id,
    ]);
  });

  it('a green-channel window takes green tickets of every business, others only theirs', () => {
    const collectionGreen = ticket('collection', '09:00:00', { green: true });
    const counselling = ticket('counselling', '08:59:00');
    expect(
      value(callNext(settings, [collectionGreen, counselling], act('HJ02', '09:01:00')))?.id,
    ).toBe(collectionGreen.id);
    expect(
      value(callNext(settings, [collectionGreen, counselling], act('HJ01', '09:01:00')))?.id,
    ).toBe(counselling.id);
  });

  it('ties in issue time go by number', () => {
    const x = ticket('counselling', '09:00:00', { number: 'A002' });
    const y = ticket('counselling', '09:00:00', { number: 'A001' });
    expect(compareQueue(x, y)).toBe(1);
    expect(value(callNext(settings, [x, y], act('HJ01', '09:01:00')))?.number).toBe('A001');
  });

  it('answers null when nothing waits for the window', () => {
    const a = ticket('collection', '09:00:00');
    expect(callNext(settings, [a], act('HJ01', '09:01:00'))).toEqual({ ok: true, value: null });
  });

  it('refuses an unknown window and a window that still has a ticket', () => {
    const a = ticket('counselling', '09:00:00');
    expect(callNext(settings, [a], act('HJ09', '09:01:00'))).toMatchObject({
      ok: false,
      code: 'not_found',
      reason: 'unknown_window',
    });
    const called = value(callNext(settings, [a], act('HJ01', '09:01:00')))!;
    const b = ticket('counselling', '09:02:00');
    expect(callNext(settings, [called, b], act('HJ01', '09:03:00'))).toMatchObject({
      ok: false,
      code: 'conflict',
      reason: 'window_busy',
    });
  });

  it('never gives a ticket already called to another window', () => {
    const a = ticket('counselling', '09:00:00');
    const b = ticket('counselling', '09:01:00');
    const first = value(callNext(settings, [a, b], act('HJ01', '09:02:00')))!;
    const second = value(callNext(settings, [first, b], act('HJ02', '09:02:00')))!;
    expect([first.id, second.id]).toEqual([a.id, b.id]);
  });
});

describe('recall and skip', () => {
  it('recall appends a call; skip only after maxCalls calls', () => {
    const a = ticket('counselling', '09:00:00');
    let t = value(callNext(settings, [a], act('HJ01', '09:01:00')))!;
    expect(skip(t, settings, act('HJ01', '09:01:30'))).toMatchObject({
      ok: false,
      reason: 'too_few_calls',
      message: 'X' + t.number.slice(1) + ' was called 1 of 3 times',
    });
    t = value(recall(t, act('HJ01', '09:02:00')));
    expect(maySkip(t, settings)).toBe(false);
    t = value(recall(t, act('HJ01', '09:03:00')));
    expect(t.calls.map((c) => c.at)).toEqual([
      '2026-12-01T01:01:00.000Z',
      '2026-12-01T01:02:00.000Z',
      '2026-12-01T01:03:00.000Z',
    ]);
    expect(maySkip(t, settings)).toBe(true);
    const gone = value(skip(t, settings, act('HJ01', '09:04:00')));
    expect(gone.status).toBe('noShow');
    expect(gone.finishedAt).toBe('2026-12-01T01:04:00.000Z');
  });

  it('another window can neither recall nor skip it', () => {
    const a = ticket('counselling', '09:00:00');
    const t = value(callNext(settings, [a], act('HJ01', '09:01:00')))!;
    expect(recall(t, act('HJ02', '09:02:00'))).toMatchObject({ reason: 'not_at_window' });
    expect(skip(t, { ...settings, maxCalls: 1 }, act('HJ02', '09:02:00'))).toMatchObject({
      reason: 'not_at_window',
    });
  });

  it('a waiting ticket cannot be recalled', () => {
    const a = ticket('counselling', '09:00:00', { window: 'HJ01' });
    expect(recall(a, act('HJ01', '09:02:00'))).toMatchObject({
      ok: false,
      reason: 'wrong_status',
    });
  });
});

describe('transfer', () => {
  it('to another business: waits there with its issue time, ahead of later tickets', () => {
    const a = ticket('counselling', '09:00:00');
    const later = ticket('collection', '09:10:00');
    const called = value(callNext(settings, [a], act('HJ01', '09:20:00')))!;
    const moved = value(
      transfer(called, { business: 'collection' }, settings, act('HJ01', '09:21:00')),
    );
    expect(moved.status).toBe('waiting');
    expect(moved.window).toBeUndefined();
    expect(moved.issuedAt).toBe(a.issuedAt);
    expect(moved.transferredTo).toEqual({
      business: 'collection',
      at: '2026-12-01T01:21:00.000Z',
      by: 'u-clerk',
    });
    expect(value(callNext(settings, [moved, later], act('HJ03', '09:22:00')))?.id).toBe(a.id);
    // …and no longer at a counselling window.
    expect(callNext(settings, [moved], act('HJ01', '09:22:00'))).toEqual({ ok: true, value: null });
  });

  it('to a named window: only that window calls it, and its calls count again', () => {
    const a = ticket('counselling', '09:00:00');
    let t = value(callNext(settings, [a], act('HJ01', '09:01:00')))!;
    t = value(recall(t, act('HJ01', '09:02:00')));
    t = value(recall(t, act('HJ01', '09:03:00')));
    t = value(serve(t, act('HJ01', '09:04:00')));
    const moved = value(transfer(t, { window: 'HJ03' }, settings, act('HJ01', '09:05:00')));
    expect(moved.servingFrom).toBeUndefined();
    expect(callNext(settings, [moved], act('HJ02', '09:06:00'))).toEqual({ ok: true, value: null });
    const there = value(callNext(settings, [moved], act('HJ03', '09:06:00')))!;
    expect(there.window).toBe('HJ03');
    expect(there.calls).toHaveLength(4);
    expect(maySkip(there, settings)).toBe(false);
  });

  it('refuses a transfer to nowhere, to two places, to an unknown or its own window', () => {
    const a = ticket('counselling', '09:00:00');
    const t = value(callNext(settings, [a], act('HJ01', '09:01:00')))!;
    const a1 = act('HJ01', '09:02:00');
    expect(transfer(t, {}, settings, a1)).toMatchObject({ code: 'bad_request' });
    expect(transfer(t, { business: 'collection', window: 'HJ03' }, settings, a1)).toMatchObject({
      code: 'bad_request',
    });
    expect(transfer(t, { window: 'HJ09' }, settings, a1)).toMatchObject({
      code: 'not_found',
      reason: 'unknown_window',
    });
    expect(transfer(t, { window: 'HJ01' }, settings, a1)).toMatchObject({
      reason: 'bad_transfer',
    });
    expect(transfer(t, { window: 'HJ03' }, settings, act('HJ02', '09:02:00'))).toMatchObject({
      reason: 'not_at_window',
    });
  });
});

describe('serve, link and finish', () => {
  it('records the times; waiting = first call − issue, serving = finish − serve', () => {
    const a = ticket('counselling', '09:00:00');
    let t = value(callNext(settings, [a], act('HJ01', '09:12:30')))!;
    t = value(recall(t, act('HJ01', '09:13:00')));
    t = value(serve(t, act('HJ01', '09:14:00', 'u-li')));
    expect(t).toMatchObject({ status: 'serving', servingFrom: '2026-12-01T01:14:00.000Z' });
    expect(t.clerkId).toBe('u-li');
    expect(servingSeconds(t)).toBeNull();
    t = value(linkCase(t, 'case-1', 101));
    expect(t.caseId).toBe('case-1');
    t = value(finish(t, act('HJ01', '09:31:20')));
    expect(t.status).toBe('done');
    expect(waitingSeconds(t)).toBe(750);
    expect(servingSeconds(t)).toBe(1040);
  });

  it('serve and finish again at the same window answer the ticket as it is', () => {
    const a = ticket('counselling', '09:00:00');
    let t = value(callNext(settings, [a], act('HJ01', '09:01:00')))!;
    t = value(serve(t, act('HJ01', '09:02:00')));
    expect(value(serve(t, act('HJ01', '09:09:00')))).toBe(t);
    t = value(finish(t, act('HJ01', '09:03:00')));
    expect(value(finish(t, act('HJ01', '09:09:00')))).toBe(t);
    expect(finish(t, act('HJ02', '09:09:00'))).toMatchObject({ reason: 'not_at_window' });
  });

  it('finish needs the applicant at the counter; a waiting ticket has no case', () => {
    const a = ticket('counselling', '09:00:00');
    const t = value(callNext(settings, [a], act('HJ01', '09:01:00')))!;
    expect(finish(t, act('HJ01', '09:02:00'))).toMatchObject({ reason: 'wrong_status' });
    expect(linkCase(a, 'case-1', 5)).toMatchObject({ reason: 'wrong_status' });
    expect(waitingSeconds(a)).toBeNull();
  });
});

describe('counts and settings', () => {
  it('counts who waits for a window and ahead of a new ticket', () => {
    const a = ticket('counselling', '09:00:00');
    const b = ticket('intakeLandUse', '09:01:00');
    const c = ticket('counselling', '09:02:00');
    const g = ticket('collection', '09:03:00', { green: true });
    expect(waitingFor(settings.windows[0]!, [a, b, c, g])).toBe(2);
    expect(waitingFor(settings.windows[1]!, [a, b, c, g])).toBe(4);
    expect(waitingAhead(c, [a, b, c, g])).toBe(1);
    expect(waitingAhead(a, [a, b, c, g])).toBe(0);
  });

  it('does not count ahead of a new ticket one transferred to a named window, as the windows call', () => {
    const x = { at: '2026-12-01T01:30:00Z', by: 'u1' };
    // Counselling, sent on to window 3 (collection): only window 3 calls it.
    const toWindow = ticket('counselling', '09:00:00', { transferredTo: { window: 'HJ03', ...x } });
    // Collection, sent on to the counselling queue: every counselling window calls it.
    const toBusiness = ticket('collection', '09:01:00', {
      transferredTo: { business: 'counselling', ...x },
    });
    const n = ticket('counselling', '09:05:00');
    const day = [toWindow, toBusiness, n];
    const [w1, w2, w3] = settings.windows as [FloorWindow, FloorWindow, FloorWindow];
    expect(queueFor(w1, day).map((t) => t.id)).toEqual([toBusiness.id, n.id]);
    expect(queueFor(w2, day).map((t) => t.id)).toEqual([toBusiness.id, n.id]);
    expect(queueFor(w3, day).map((t) => t.id)).toEqual([toWindow.id]);
    expect(waitingAhead(n, day)).toBe(1);
    // Called in that order: window 1 takes the transferred collection ticket, window 2 the new one.
    const first = value(callNext(settings, day, act('HJ01', '09:06:00')))!;
    const second = value(
      callNext(
        settings,
        day.map((t) => (t.id === first.id ? first : t)),
        act('HJ02', '09:06:30'),
      ),
    )!;
    expect([first.id, second.id]).toEqual([toBusiness.id, n.id]);
  });

  it('checks the administrator’s settings', () => {
    expect(checkSettings(settings).ok).toBe(true);
    expect(checkSettings({ ...settings, maxCalls: 0 })).toMatchObject({ ok: false });
    const twice = { ...settings, windows: [settings.windows[0]!, settings.windows[0]!] };
    expect(checkSettings(twice)).toMatchObject({ message: 'window HJ01 twice' });
    const sameNumber = {
      ...settings,
      windows: [settings.windows[0]!, { ...settings.windows[2]!, number: 1 }],
    };
    expect(checkSettings(sameNumber)).toMatchObject({ message: 'window number 1 twice' });
    const idle = {
      ...settings,
      windows: [{ id: 'HJ05', number: 5, businesses: [], green: false }],
    };
    expect(checkSettings(idle)).toMatchObject({ message: 'window HJ05 serves nothing' });
    const lower = { ...settings, windows: [{ ...settings.windows[0]!, id: 'hj1' }] };
    expect(checkSettings(lower)).toMatchObject({ message: 'window id hj1' });
  });
});
