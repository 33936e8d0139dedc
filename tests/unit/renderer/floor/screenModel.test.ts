import { describe, expect, it } from 'vitest';
import type { FloorSnapshot, Ticket } from '../../../../renderer/src/domain/floor/types';
import {
  callingNow,
  newCalls,
  recentCalls,
  ticketQrPayload,
  waitingByBusiness,
  windowName,
} from '../../../../renderer/src/features/floor/screenModel';

let n = 0;
const ticketOf = (over: Partial<Ticket> = {}): Ticket => {
  n += 1;
  return {
    id: `t${n}`,
    number: `A${String(n).padStart(3, '0')}`,
    business: 'counselling',
    green: false,
    day: '2026-12-01',
    issuedAt: `2026-12-01T01:${String(n).padStart(2, '0')}:00.000Z`,
    issuedBy: 'KS01',
    status: 'waiting',
    calls: [],
    rev: n,
    ...over,
  };
};
const call = (at: string, window: string) => ({ at, window, clerkId: 'u1' });
const snapshotOf = (tickets: Ticket[]): FloorSnapshot => ({
  day: '2026-12-01',
  rev: 1,
  tickets,
  settings: { maxCalls: 3, windows: [] },
});

describe('waiting counts', () => {
  it('counts waiting tickets per business, a transferred one under its new business', () => {
    const counts = waitingByBusiness([
      ticketOf(),
      ticketOf(),
      ticketOf({ business: 'collection', status: 'called' }),
      ticketOf({
        business: 'counselling',
        transferredTo: { business: 'enquiry', at: 'x', by: 'u' },
      }),
      // Sent on to one window: that window's alone, not in the counselling queue (as the kiosk's
      // printed count, rules.ts waitingAhead).
      ticketOf({ business: 'counselling', transferredTo: { window: 'HJ03', at: 'x', by: 'u' } }),
    ]);
    expect(counts).toEqual({
      counselling: 2,
      intakeLandUse: 0,
      intakeEngineering: 0,
      intakeCompletion: 0,
      collection: 0,
      enquiry: 1,
    });
  });
});

describe('calls on the display', () => {
  const a = ticketOf({
    number: 'A001',
    status: 'serving',
    window: 'HJ01',
    calls: [call('2026-12-01T01:10:00Z', 'HJ01')],
  });
  const b = ticketOf({
    number: 'B001',
    status: 'called',
    window: 'HJ02',
    calls: [call('2026-12-01T01:12:00Z', 'HJ02'), call('2026-12-01T01:14:00Z', 'HJ02')],
  });
  // Called at HJ01 before A001 and finished: HJ01 shows its newer call, A001.
  const c = ticketOf({
    number: 'A000',
    status: 'done',
    window: 'HJ01',
    calls: [call('2026-12-01T01:05:00Z', 'HJ01')],
  });
  // HJ03's latest ticket was skipped: HJ03 shows nothing in the big panel.
  const d = ticketOf({
    number: 'C001',
    status: 'noShow',
    window: 'HJ03',
    calls: [call('2026-12-01T01:13:00Z', 'HJ03')],
  });

  it('shows per window its latest call while the ticket is called or served, newest first', () => {
    expect(callingNow([a, b, c, d]).map((x) => [x.number, x.window])).toEqual([
      ['B001', 'HJ02'],
      ['A001', 'HJ01'],
    ]);
  });

  it('lists the last calls with recalls, newest first', () => {
    expect(recentCalls([a, b, c, d], 4).map((x) => `${x.number}>${x.window}`)).toEqual([
      'B001>HJ02',
      'C001>HJ03',
      'B001>HJ02',
      'A001>HJ01',
    ]);
  });

  it('announces only calls made after the first snapshot, oldest first, a recall again', () => {
    const first = newCalls(null, snapshotOf([a, c]));
    expect(first.fresh).toEqual([]);
    const second = newCalls(first.seen, snapshotOf([a, b, c, d]));
    expect(second.fresh.map((x) => `${x.number}@${x.at.slice(11, 16)}`)).toEqual([
      'B001@01:12',
      'C001@01:13',
      'B001@01:14',
    ]);
    expect(newCalls(second.seen, snapshotOf([a, b, c, d])).fresh).toEqual([]);
  });
});

describe('names and payloads', () => {
  it('names a window by its number, or by its code where the settings do not know it', () => {
    const windows = [{ id: 'HJ02', number: 2, businesses: [], green: false }];
    expect(windowName(windows, 'HJ02')).toEqual({ kind: 'number', number: 2 });
    expect(windowName(windows, 'HJ09')).toEqual({ kind: 'code', code: 'HJ09' });
  });

  it('puts only the ticket id in the QR code: the office website where the hall has no public page', () => {
    const site = (website: string) => ({ website });
    expect(ticketQrPayload('t-1', site('https://zrzy.example.gov.cn/q'))).toBe(
      'https://zrzy.example.gov.cn/q?ticket=t-1',
    );
    expect(ticketQrPayload('t 1', site('https://x.cn/q?a=1'))).toBe(
      'https://x.cn/q?a=1&ticket=t%201',
    );
    // No follow-the-queue page and no website: no QR code at all.
    expect(ticketQrPayload('t-1', site(''))).toBeNull();
    expect(ticketQrPayload('t-1', site('not a site'))).toBeNull();
    expect(ticketQrPayload('t-1', { publicUrl: undefined, website: '  ' })).toBeNull();
  });

  it('prints the hall’s own page where the hall tells its public address, before the website', () => {
    const id = 'tk-0b5c2a7e-3f1d-4c8e-9a6b-1d2e3f4a5b6c';
    expect(
      ticketQrPayload(id, {
        publicUrl: 'https://dt.example.gov.cn/hall/',
        website: 'https://x.cn',
      }),
    ).toBe(`https://dt.example.gov.cn/hall/q/${id}`);
    expect(ticketQrPayload(id, { publicUrl: 'http://10.1.2.3:4470', website: '' })).toBe(
      `http://10.1.2.3:4470/q/${id}`,
    );
    // A public address that is not one (the server checks it at start; the kiosk again): the
    // website's fallback, else none.
    expect(ticketQrPayload(id, { publicUrl: 'ftp://x.cn', website: 'https://x.cn/q' })).toBe(
      `https://x.cn/q?ticket=${id}`,
    );
    expect(ticketQrPayload(id, { publicUrl: 'https://x.cn/?a=1', website: '' })).toBeNull();
  });
});
