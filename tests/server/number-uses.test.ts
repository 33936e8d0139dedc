// The pure rules for an island's own numbers (server/core/numberUses.ts): a certificate's year
// found in its number or, failing that, in the event's time in China; and what a push's uses do —
// taken in above the series with the passed-over seqs explained, marked where passed over for
// the same station, a clash where another station holds or used the number, nothing twice.
import { describe, expect, it } from 'vitest';
import {
  MAX_ISLAND_JUMP,
  placeUse,
  planIslandUses,
  type UseRow,
} from '../../server/core/numberUses';

const use = (seriesId: string, seq: number, eventId: string, usedRef = `#${seq}`) => ({
  seriesId,
  seq,
  caseId: `c-${eventId}`,
  usedRef,
  eventId,
});

describe('placeUse', () => {
  it("names a certificate's series by the year in its number, else by its time in China", () => {
    const cert = (number: string, at: string) =>
      placeUse({ ...use('cert:constructionPermit:*', 12, 'e1', number), at })?.seriesId;
    // Issued at 23:30 on 31 December in Zhengzhou (15:30 UTC): the number says 2026.
    expect(cert('建字第410108202600012号', '2026-12-31T15:30:00.000Z')).toBe(
      'cert:constructionPermit:2026',
    );
    // 16:30 UTC on 31 December is 00:30 on 1 January in China: the new year's number.
    expect(cert('建字第410108202700012号', '2026-12-31T16:30:00.000Z')).toBe(
      'cert:constructionPermit:2027',
    );
    // A rule without the year in the number: the event's local year (UTC+8).
    expect(cert('JZ-00012', '2026-12-31T16:30:00.000Z')).toBe('cert:constructionPermit:2027');
    expect(placeUse(use('cert:constructionPermit:*', 12, 'e1', 'JZ-00012'))).toBeNull();
    expect(placeUse(use('doc:acceptance:2026', 3, 'e1'))?.seriesId).toBe('doc:acceptance:2026');
  });
});

describe('planIslandUses', () => {
  const row = (stationCode: string, status: UseRow['status'], extra: Partial<UseRow> = {}) => ({
    stationCode,
    status,
    caseId: null,
    usedEventId: null,
    usedRef: null,
    voidReason: null,
    ...extra,
  });

  it('takes in above the series, explains what it passes over, records clashes below', () => {
    const rows = new Map<string, UseRow>([
      ['doc:acceptance:2026#1', row('HJ01', 'used', { usedEventId: 'a1', usedRef: '受1号' })],
      ['doc:acceptance:2026#2', row('HJ01', 'leased')],
      ['doc:acceptance:2026#3', row('HJ03', 'leased')],
    ]);
    const plan = planIslandUses(
      'HJ03',
      // Out of order in the push; 6 and 4 both above the series' 3.
      [6, 1, 4, 2, 3].map((q) => use('doc:acceptance:2026', q, `i${q}`)),
      (s, q) => rows.get(`${s}#${q}`),
      () => 3,
    );
    expect([...plan.raise]).toEqual([['doc:acceptance:2026', 6]]);
    expect(plan.take.map((u) => u.seq)).toEqual([4, 6]);
    expect(plan.gaps).toEqual([
      { seriesId: 'doc:acceptance:2026', from: 5, to: 5, note: 'HJ03 #6' },
    ]);
    expect(plan.mark.map((u) => u.seq)).toEqual([3]);
    expect(plan.clashes.map((c) => [c.use.seq, c.other.stationCode, c.other.status])).toEqual([
      [1, 'HJ01', 'used'],
      [2, 'HJ01', 'leased'],
    ]);
  });

  it('a use too far past the series is a clash against the hall: no raise, no million gap rows', () => {
    const plan = planIslandUses(
      'HJ03',
      [
        use('doc:acceptance:2026', 5 + MAX_ISLAND_JUMP + 1, 'far'),
        use('doc:acceptance:2026', 5, 'n5'),
      ],
      () => undefined,
      () => 3,
    );
    expect(plan.clashes.map((c) => [c.use.eventId, c.other.stationCode, c.other.status])).toEqual([
      ['far', 'HALL', 'out_of_range'],
    ]);
    expect(plan.clashes[0]!.other.usedRef).toBe(`> 5 + ${MAX_ISLAND_JUMP}`);
    // The near use is taken in as before; the far one moved nothing.
    expect([...plan.raise]).toEqual([['doc:acceptance:2026', 5]]);
    expect(plan.gaps).toEqual([
      { seriesId: 'doc:acceptance:2026', from: 4, to: 4, note: 'HJ03 #5' },
    ]);
    // Exactly at the bound is still an island's number.
    const edge = planIslandUses(
      'HJ03',
      [use('doc:acceptance:2026', 3 + MAX_ISLAND_JUMP, 'edge')],
      () => undefined,
      () => 3,
    );
    expect(edge.clashes).toEqual([]);
    expect([...edge.raise]).toEqual([['doc:acceptance:2026', 3 + MAX_ISLAND_JUMP]]);
  });

  it('marks a passed-over seq of the same station used; another case or station is a clash', () => {
    const rows = new Map<string, UseRow>([
      ['cert:x:2026#5', row('HJ03', 'voided', { voidReason: 'island_gap: HJ03 #6' })],
      ['cert:x:2026#4', row('HJ03', 'reserved', { caseId: 'other-case' })],
      ['cert:x:2026#2', row('HJ02', 'voided', { voidReason: 'island_gap: HJ02 #3' })],
      ['cert:x:2026#1', row('HJ03', 'used', { usedEventId: 'i1' })],
    ]);
    const plan = planIslandUses(
      'HJ03',
      [
        use('cert:x:2026', 5, 'i5'),
        use('cert:x:2026', 4, 'i4'),
        use('cert:x:2026', 2, 'i2'),
      ].concat([use('cert:x:2026', 1, 'i1')]),
      (s, q) => rows.get(`${s}#${q}`),
      () => 6,
    );
    expect(plan.mark.map((u) => u.seq)).toEqual([5]);
    expect(plan.clashes.map((c) => c.use.seq)).toEqual([2, 4]);
    // 1 was marked by this very event already: nothing again.
    expect(plan.take).toEqual([]);
    expect(plan.raise.size).toBe(0);
  });
});
