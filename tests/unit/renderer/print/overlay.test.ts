// Overlay printing: every value lands exactly at its layout position plus the calibration
// offset — checked in the HTML, in Chromium's layout, and in the PDF's word boxes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  renderOverlay,
  type Calibration,
  type OverlayLayout,
} from '../../../../renderer/src/print/overlay';
import { defaultOverlayLayouts } from '../../../../renderer/src/print/overlayLayouts';
import { CROSS_MM, renderCalibrationPage } from '../../../../renderer/src/print/calibration';
import { htmlToPdf } from '../../../print/chromium';
import { chromiumPageForTests } from '../../../print/chromiumPage';
import { certificateSamples, renderOverlaySample } from '../../../print/sampleDocs';
import { pdfInfo, pdfText, wordBoxes, writeTemp } from '../../../print/pdfTools';

/** A one-field layout; tests override what they vary. */
const layoutOf = (overrides: Partial<OverlayLayout['fields'][number]> = {}): OverlayLayout => ({
  paper: { widthMm: 210, heightMm: 297 },
  fields: [{ key: 'certNumber', xMm: 40, yMm: 50, widthMm: 80, fontSizePt: 12, ...overrides }],
});

/** Where each field prints according to the HTML: its left/top plus the sheet's translate. */
function positions(html: string): Map<string, { left: number; top: number }> {
  const shift = /class="cal" style="transform:translate\((-?[\d.]+)mm,(-?[\d.]+)mm\)"/.exec(html);
  const dx = Number(shift?.[1] ?? NaN);
  const dy = Number(shift?.[2] ?? NaN);
  const re = /data-key="([^"]+)" style="left:(-?[\d.]+)mm;top:(-?[\d.]+)mm/g;
  return new Map(
    [...html.matchAll(re)].map((m) => [
      m[1] ?? '',
      { left: Number(m[2]) + dx, top: Number(m[3]) + dy },
    ]),
  );
}

describe('renderOverlay (HTML)', () => {
  it('shifts every field by exactly the calibration offsets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: -500, max: 500 }),
        (dx100, dy100) => {
          const cal: Calibration = { dxMm: dx100 / 100, dyMm: dy100 / 100 };
          const layout = defaultOverlayLayouts.landUse;
          const got = positions(renderOverlay(layout, certificateSamples.landUse.values, cal).html);
          for (const f of layout.fields) {
            const p = got.get(f.key);
            expect(p, f.key).toBeDefined();
            expect(p?.left).toBeCloseTo(f.xMm + cal.dxMm, 2);
            expect(p?.top).toBeCloseTo(f.yMm + cal.dyMm, 2);
          }
        },
      ),
    );
  });

  it('prints only the values: no labels, no form, paper at zero margin', () => {
    const { html, paper } = renderOverlay(
      layoutOf(),
      { certNumber: '建字第1号' },
      { dxMm: 0, dyMm: 0 },
    );
    expect(paper).toEqual({ widthMm: 210, heightMm: 297 });
    expect(html).toContain('@page{size:210mm 297mm;margin:0}');
    expect(html).toContain('>建字第1号<');
    expect(html).not.toContain('许可证号');
  });

  it('shows the scanned form on screen only', () => {
    const { html } = renderOverlay(
      layoutOf(),
      { certNumber: 'x' },
      { dxMm: 0, dyMm: 0 },
      {
        backgroundImage: 'data:image/png;base64,AAAA',
      },
    );
    expect(html).toContain('class="form-bg"');
    expect(html).toContain('@media print{.form-bg{display:none}}');
  });

  it('skips empty values and escapes the rest', () => {
    const layout = layoutOf();
    layout.fields.push({ key: 'empty', xMm: 1, yMm: 1, widthMm: 1, fontSizePt: 9 });
    const { html } = renderOverlay(layout, { certNumber: '<b>', empty: '' }, { dxMm: 0, dyMm: 0 });
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('data-key="empty"');
  });
});

describe('overlay in Chromium and PDF', () => {
  const page = chromiumPageForTests();

  it('lays every field out at layout + offset (Chromium geometry)', async () => {
    const cal = { dxMm: 2.5, dyMm: -1.75 };
    await page().setContent(renderOverlaySample('engineering', cal).html);
    const boxes = await page().evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-key]')].map((el) => {
        const r = el.getBoundingClientRect();
        return { key: el.dataset.key ?? '', left: (r.left * 25.4) / 96, top: (r.top * 25.4) / 96 };
      }),
    );
    expect(boxes.length).toBe(defaultOverlayLayouts.engineering.fields.length);
    for (const b of boxes) {
      const f = defaultOverlayLayouts.engineering.fields.find((x) => x.key === b.key);
      expect(b.left).toBeCloseTo((f?.xMm ?? NaN) + cal.dxMm, 1);
      expect(b.top).toBeCloseTo((f?.yMm ?? NaN) + cal.dyMm, 1);
    }
  });

  it('moves the certificate number in the PDF by exactly the offsets (pdftotext -bbox)', async () => {
    const number = certificateSamples.engineering.values.certNumber ?? '';
    const at = async (cal: Calibration) => {
      const file = writeTemp(await htmlToPdf(page(), renderOverlaySample('engineering', cal)));
      expect(pdfInfo(file).pages).toBe(1);
      const box = wordBoxes(file).find((w) => w.word === number);
      expect(box, `word ${number} in ${pdfText(file)}`).toBeDefined();
      return box ?? { xMinMm: NaN, yMinMm: NaN };
    };
    const base = await at({ dxMm: 0, dyMm: 0 });
    const moved = await at({ dxMm: 3.5, dyMm: -2.25 });
    // The word box starts at the glyph, not the div, so compare the shift, not the absolute.
    expect(moved.xMinMm - base.xMinMm).toBeCloseTo(3.5, 2);
    expect(moved.yMinMm - base.yMinMm).toBeCloseTo(-2.25, 2);
    expect(base.xMinMm).toBeCloseTo(defaultOverlayLayouts.engineering.fields[0]?.xMm ?? NaN, 0);
  });

  it('prints a one-page calibration grid whose crosses follow the offsets', async () => {
    const cal = { dxMm: 1.5, dyMm: 2 };
    const doc = renderCalibrationPage(cal);
    const file = writeTemp(await htmlToPdf(page(), doc));
    expect(pdfInfo(file)).toMatchObject({ pages: 1 });
    expect(pdfText(file)).toContain('套打校准页');
    await page().setContent(doc.html);
    const cross = await page().evaluate(() => {
      const c = document.querySelector('.cross circle')?.getBoundingClientRect();
      return c
        ? { x: ((c.left + c.width / 2) * 25.4) / 96, y: ((c.top + c.height / 2) * 25.4) / 96 }
        : null;
    });
    expect(cross?.x).toBeCloseTo(CROSS_MM.x + cal.dxMm, 1);
    expect(cross?.y).toBeCloseTo(CROSS_MM.y + cal.dyMm, 1);
  });
});
