import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isValidExternalNumber,
  nextCaseNumber,
  nextCertificateNumber,
  nextDocumentNumber,
  parseCaseNumber,
} from '../../../../renderer/src/domain/numbering';

describe('case numbers', () => {
  it('carry the station code, the date and a 4-digit sequence', () => {
    expect(nextCaseNumber('HJ01', '2026-03-02', 6)).toEqual({
      ok: true,
      number: 'HJ01-20260302-0007',
      seq: 7,
    });
    expect(parseCaseNumber('HJ01-20260302-0007')).toEqual({
      stationCode: 'HJ01',
      date: '2026-03-02',
      seq: 7,
    });
  });

  it('property: two different stations never produce the same number', () => {
    const station = fc.stringMatching(/^[A-Z0-9]{2,8}$/);
    fc.assert(
      fc.property(station, station, fc.nat(9998), fc.nat(9998), (a, b, sa, sb) => {
        fc.pre(a !== b);
        const na = nextCaseNumber(a, '2026-03-02', sa);
        const nb = nextCaseNumber(b, '2026-03-02', sb);
        expect(na.ok && nb.ok && na.number !== nb.number).toBe(true);
      }),
    );
  });

  it('refuses a bad station code, a bad date and a full day', () => {
    expect(nextCaseNumber('hj-1', '2026-03-02', 0)).toEqual({
      ok: false,
      code: 'invalid_station_code',
    });
    expect(nextCaseNumber('HJ01', '2026-02-30', 0)).toEqual({ ok: false, code: 'invalid_date' });
    expect(nextCaseNumber('HJ01', '2026-03-02', 9999)).toEqual({
      ok: false,
      code: 'sequence_exhausted',
    });
  });
});

describe('document and certificate numbers', () => {
  it('document numbers: office + type + 〔year〕 + sequence + 号', () => {
    expect(nextDocumentNumber('惠济规划', 'acceptance', 2026, 14)).toMatchObject({
      number: '惠济规划受〔2026〕15号',
      seq: 15,
    });
  });

  it('certificate numbers follow the old style by default (the example in docs/domain.md)', () => {
    expect(
      nextCertificateNumber({ prefix: '地字', division: '410108', year: 2026, lastSeq: 12 }),
    ).toEqual({ ok: true, number: '地字第410108202600013号', seq: 13 });
  });

  it('property: consecutive allocations are gapless', () => {
    fc.assert(
      fc.property(fc.nat(99_990), (last) => {
        const a = nextCertificateNumber({
          prefix: '建字',
          division: '410108',
          year: 2026,
          lastSeq: last,
        });
        const b = a.ok
          ? nextCertificateNumber({
              prefix: '建字',
              division: '410108',
              year: 2026,
              lastSeq: a.seq,
            })
          : a;
        expect(a.ok && b.ok && b.seq - a.seq === 1 && a.seq === last + 1).toBe(true);
      }),
    );
  });

  it('a configurable rule, and refusal when the sequence runs out', () => {
    const rule = { template: '{prefix}〔{year}〕{seq}', seqDigits: 3 };
    expect(
      nextCertificateNumber({ prefix: '建字', division: '', year: 2026, lastSeq: 0 }, rule),
    ).toMatchObject({
      number: '建字〔2026〕001',
    });
    expect(
      nextCertificateNumber({ prefix: '建字', division: '', year: 2026, lastSeq: 999 }, rule),
    ).toEqual({
      ok: false,
      code: 'sequence_exhausted',
    });
  });

  it('external numbers are accepted with a loose shape check', () => {
    expect(isValidExternalNumber('410108202600123')).toBe(true);
    expect(isValidExternalNumber('建字第410108202600013号')).toBe(true);
    expect(isValidExternalNumber('12345')).toBe(false);
    expect(isValidExternalNumber('41010 8202600123')).toBe(false);
    expect(isValidExternalNumber('ABC-1', /^[A-Z]{3}-\d$/)).toBe(true);
  });
});
