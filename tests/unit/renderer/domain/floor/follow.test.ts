// The follow-the-queue page's pure parts (docs/floor.md): the public address the administrator
// types, the page's URL, the shape of a ticket id, and what the page says of a ticket — the
// people ahead by the order rules (the kiosk's count, or the named window's queue).
import { describe, expect, it } from 'vitest';
import {
  FOLLOW_TICKET_ID,
  checkPublicUrl,
  followStatus,
  followUrl,
  isFinal,
} from '../../../../../renderer/src/domain/floor/follow';
import { issue, peopleAhead, waitingAhead } from '../../../../../renderer/src/domain/floor/rules';
import type {
  BusinessType,
  FloorSettings,
  Ticket,
} from '../../../../../renderer/src/domain/floor/types';

const settings: FloorSettings = {
  maxCalls: 3,
  windows: [
    { id: 'HJ01', number: 1, businesses: ['counselling'], green: false },
    { id: 'HJ03', number: 3, businesses: ['collection'], green: false },
  ],
};
let seq = 0;
function ticket(business: BusinessType, time: string, more: Partial<Ticket> = {}): Ticket {
  seq += 1;
  const now = new Date(`2026-12-01T${time}+08:00`);
  const r = issue({ id: `t${seq}`, business, green: false, now, kiosk: 'QH01', rev: seq }, []);
  if (!r.ok) throw new Error(r.message);
  return { ...r.value, number: `A${String(seq).padStart(3, '0')}`, ...more };
}

describe('the public address', () => {
  it('takes http and https with a host and a path, without the trailing slash', () => {
    expect(checkPublicUrl(' https://dt.example.gov.cn/hall/ ')).toEqual({
      ok: true,
      url: 'https://dt.example.gov.cn/hall',
    });
    expect(checkPublicUrl('HTTP://10.1.2.3:4470')).toEqual({
      ok: true,
      url: 'http://10.1.2.3:4470',
    });
  });

  it('refuses what a phone cannot open as the page’s base, with the reason', () => {
    expect(checkPublicUrl('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkPublicUrl('dt.example.gov.cn')).toEqual({ ok: false, problem: 'scheme' });
    expect(checkPublicUrl('ftp://dt.example.gov.cn')).toEqual({ ok: false, problem: 'scheme' });
    expect(checkPublicUrl('javascript:alert(1)')).toEqual({ ok: false, problem: 'scheme' });
    expect(checkPublicUrl('https://dt.example.gov.cn/?x=1')).toEqual({
      ok: false,
      problem: 'query',
    });
    expect(checkPublicUrl('https://dt.example.gov.cn/#top')).toEqual({
      ok: false,
      problem: 'query',
    });
    expect(checkPublicUrl('https://admin:pw@dt.example.gov.cn')).toEqual({
      ok: false,
      problem: 'credentials',
    });
    expect(checkPublicUrl('https://dt.exa mple.cn')).toEqual({ ok: false, problem: 'malformed' });
    expect(checkPublicUrl('https://"><script>')).toEqual({ ok: false, problem: 'malformed' });
    expect(checkPublicUrl('https://')).toEqual({ ok: false, problem: 'malformed' });
  });

  it('makes the page’s address from the id, and none from a bad base', () => {
    expect(followUrl('https://dt.example.gov.cn/', 'tk-1')).toBe(
      'https://dt.example.gov.cn/q/tk-1',
    );
    expect(followUrl('https://dt.example.gov.cn', 'a/b')).toBe('https://dt.example.gov.cn/q/a%2Fb');
    expect(followUrl('nope', 'tk-1')).toBeNull();
  });

  it('knows a hall ticket id from anything else', () => {
    expect(FOLLOW_TICKET_ID.test(`tk-${crypto.randomUUID()}`)).toBe(true);
    expect(FOLLOW_TICKET_ID.test('tk-1')).toBe(false);
    expect(FOLLOW_TICKET_ID.test('A023')).toBe(false);
    expect(FOLLOW_TICKET_ID.test(`tk-${crypto.randomUUID()}x`)).toBe(false);
  });
});

describe('what the page says of a ticket', () => {
  it('counts the people ahead as the kiosk printed them, a green ticket first', () => {
    const a = ticket('counselling', '09:00:00');
    const b = ticket('counselling', '09:01:00');
    const g = ticket('counselling', '09:02:00', { green: true });
    const c = ticket('collection', '08:59:00');
    const day = [a, b, g, c];
    expect(followStatus(b, day, settings)).toEqual({ kind: 'waiting', ahead: 2 });
    expect(followStatus(g, day, settings)).toEqual({ kind: 'waiting', ahead: 0 });
    expect(peopleAhead(b, day, settings)).toBe(waitingAhead(b, day));
  });

  it('a ticket transferred to a window counts that window’s queue; to a business, its queue', () => {
    const c1 = ticket('collection', '09:00:00');
    const t = ticket('counselling', '08:50:00', {
      transferredTo: { window: 'HJ03', at: '2026-12-01T01:30:00Z', by: 'u1' },
    });
    const c2 = ticket('collection', '09:05:00');
    // An earlier counselling ticket is ahead in counselling, not at window 3.
    const a = ticket('counselling', '08:40:00');
    expect(waitingAhead(t, [a, c1, t, c2])).toBe(1);
    expect(followStatus(t, [a, c1, t, c2], settings)).toEqual({
      kind: 'transferredWindow',
      window: { number: 3 },
      ahead: 0,
    });
    const moved = ticket('counselling', '09:10:00', {
      transferredTo: { business: 'collection', at: '2026-12-01T01:30:00Z', by: 'u1' },
    });
    expect(followStatus(moved, [c1, c2, moved], settings)).toEqual({
      kind: 'transferredBusiness',
      business: 'collection',
      ahead: 2,
    });
  });

  it('names the window called to by its number, or by its code where the settings lack it', () => {
    const called = ticket('counselling', '09:00:00', { status: 'called', window: 'HJ01' });
    expect(followStatus(called, [called], settings)).toEqual({
      kind: 'called',
      window: { number: 1 },
    });
    const away = { ...called, status: 'serving' as const, window: 'HJ09' };
    expect(followStatus(away, [away], settings)).toEqual({
      kind: 'serving',
      window: { code: 'HJ09' },
    });
    expect(peopleAhead(called, [called], settings)).toBeNull();
  });

  it('the final statuses stop the page’s refresh', () => {
    const kinds = (['done', 'noShow', 'cancelled'] as const).map((status) => {
      const t = ticket('counselling', '09:00:00', { status });
      return followStatus(t, [t], settings);
    });
    expect(kinds).toEqual([{ kind: 'done' }, { kind: 'noShow' }, { kind: 'cancelled' }]);
    expect(kinds.every(isFinal)).toBe(true);
    expect(isFinal({ kind: 'waiting', ahead: 1 })).toBe(false);
  });
});
