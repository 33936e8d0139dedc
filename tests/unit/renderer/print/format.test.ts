import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatChineseDate,
  formatChineseDateTime,
  formatEnglishDate,
} from '../../../../renderer/src/print/chineseDate';
import { maskIdNumber, maskPartyCode, maskPhone } from '../../../../renderer/src/domain/mask';
import { code128Pattern, code128Svg } from '../../../../renderer/src/print/barcode';
import { qrSvg } from '../../../../renderer/src/print/qr';
import { certificatePaper, pageRule, papers } from '../../../../renderer/src/print/paper';

describe('formatChineseDate', () => {
  it('prints the official form without leading zeros', () => {
    expect(formatChineseDate('2026-11-29')).toBe('2026年11月29日');
    // Single-digit month and day: official papers print 2026年1月4日, not 01月04日.
    expect(formatChineseDate('2026-01-04')).toBe('2026年1月4日');
  });

  it('keeps the time when one is given', () => {
    expect(formatChineseDateTime('2026-11-03T09:42')).toBe('2026年11月3日 09:42');
    expect(formatChineseDateTime('2026-11-03')).toBe('2026年11月3日');
  });

  it('refuses days that do not exist rather than printing them', () => {
    expect(() => formatChineseDate('2026-02-29')).toThrow(RangeError);
    expect(() => formatChineseDate('29/11/2026')).toThrow(RangeError);
  });

  it('round-trips every real day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-').map(Number);
          expect(formatChineseDate(iso)).toBe(`${y}年${m}月${day}日`);
        },
      ),
    );
  });

  it('has an English form for the English preview', () => {
    expect(formatEnglishDate('2026-11-29')).toBe('29 Nov 2026');
  });
});

describe('masking', () => {
  it('masks an 18-digit ID number as on the receipt', () => {
    expect(maskIdNumber('410108198503120039')).toBe('4101**********0039');
  });

  it('masks mobile phones but keeps enterprise codes, which are public', () => {
    expect(maskPhone('13937185206')).toBe('139****5206');
    expect(maskPartyCode('enterprise', '91410108MA9GK2L30M')).toBe('91410108MA9GK2L30M');
    expect(maskPartyCode('person', '11010519491231002X')).toBe('1101**********002X');
  });

  it('never shows more than the first four and last four characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9X]{9,20}$/), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(id.length);
        expect(masked.slice(4, -4)).toMatch(/^\*+$/);
      }),
    );
  });
});

describe('Code 128', () => {
  it('starts with Start B and ends with the stop pattern', () => {
    const p = code128Pattern('HJ2026110300137');
    // Start B = 11010010000 and stop = 1100011101011 in the Code 128 table.
    expect(p.startsWith('11010010000')).toBe(true);
    expect(p.endsWith('1100011101011')).toBe(true);
  });

  it('draws one rect per bar run, sized in millimetres', () => {
    const pattern = code128Pattern('HJ2026110300137');
    const runs = pattern.match(/1+/g) ?? [];
    const svg = code128Svg('HJ2026110300137', 0.3, 10);
    expect(svg.match(/<rect /g)).toHaveLength(runs.length);
    expect(svg).toContain(`width="${((pattern.length + 20) * 0.3).toFixed(2)}mm"`);
  });
});

describe('QR code', () => {
  it('renders an SVG of the asked size whose label is escaped', () => {
    const svg = qrSvg('https://x.test/?a=1&b="2"', 24);
    expect(svg).toContain('width="24mm"');
    expect(svg).toContain('&amp;b=&quot;2&quot;');
    expect(svg).toMatch(/d="M\d/);
  });
});

describe('paper', () => {
  it('writes the @page size and margins in millimetres', () => {
    expect(pageRule(papers.a4)).toBe('@page { size: 210mm 297mm; margin: 20mm 22mm 16mm 25mm; }');
  });

  it('leaves the roll height to the measurement', () => {
    expect(pageRule(papers.receipt80)).not.toContain('size');
    expect(pageRule(papers.receipt80, 150)).toContain('size: 80mm 150mm');
  });

  it('makes certificate stock of any size', () => {
    expect(certificatePaper(297, 420)).toMatchObject({ widthMm: 297, heightMm: 420 });
    expect(() => certificatePaper(0, 297)).toThrow(RangeError);
  });
});
