// The 套打 job of an issued certificate, built by the issuance screen's own path (domain state →
// certificate content → overlayJob with the settings): every value at the administrator's
// position plus the certificate printer's calibration, read back from a real PDF with
// pdftotext -bbox; the form's outline in the preview and nowhere in the PDF.
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../../../electron/contract';
import type { Station } from '../../../../renderer/src/data/station';
import { overlayCertificateJob } from '../../../../renderer/src/features/issuance/certificatePrint';
import { defaultOverlayLayouts } from '../../../../renderer/src/print/overlayLayouts';
import { formatChineseDate } from '../../../../renderer/src/print/chineseDate';
import { htmlToPdf } from '../../../print/chromium';
import { chromiumPageForTests } from '../../../print/chromiumPage';
import { pdfInfo, pdfText, wordBoxes, writeTemp } from '../../../print/pdfTools';
import { FIRST, issuedCase, reissuedCase } from '../issuance/issuedCase';

// No Electron or browser host in Node: the signing key is a stub (the QR is not what is
// measured), and the bundled font comes from node_modules instead of Vite's asset URLs.
vi.mock('../../../../renderer/src/host', () => ({
  host: {
    keysPublicKey: async () => ({ spki: 'stub', keyId: '0123456789abcdef' }),
    keysSign: async () => ({ signature: btoa('s'.repeat(64)) }),
  },
  HostError: class HostError extends Error {},
}));
vi.mock('../../../../renderer/src/print/bundledFont', async () => {
  const { nodeFontSource } = await import('../../../print/nodeFontSource');
  return { prepareInlineFontSource: async () => nodeFontSource() };
});

const CERT_PRINTER = 'EPSON LQ-1600K';
/** The administrator moved the builder's value to x = 70 mm after measuring the stock. */
const adminFields = defaultOverlayLayouts.engineering.fields.map((f) =>
  f.key === 'builder' ? { ...f, xMm: 70 } : f,
);
const settingsOf = (calibration: { dxMm: number; dyMm: number }): Settings => ({
  ...structuredClone(defaultSettings),
  printers: { a4: 'HP LaserJet', receipt: '', certificate: CERT_PRINTER },
  // The A4 printer is calibrated differently: using its offsets would move every value.
  calibrations: { [CERT_PRINTER]: calibration, 'HP LaserJet': { dxMm: -4, dyMm: 3 } },
  overlayLayouts: { engineering: adminFields },
});
const station: Station = {
  stationId: 's1',
  stationCode: 'HJ01',
  divisionCode: '410108',
  officeName: '郑州市惠济区自然资源和规划局',
  officeShortName: '惠济资规',
  createdAt: '2026-01-05T00:00:00Z',
};
const values = {
  builder: '郑州某某置业有限公司',
  projectName: '某某小区二期',
  location: '惠济区江山路与天河路交叉口',
  scale: '住宅6栋，地上18层',
  attachments: '总平面图',
};
const at = (key: string) => adminFields.find((f) => f.key === key) ?? { xMm: NaN, yMm: NaN };

async function jobWith(calibration: { dxMm: number; dyMm: number }, state = issuedCase()) {
  const r = await overlayCertificateJob(state, FIRST, values, station, {
    settings: settingsOf(calibration),
    title: `证书 ${FIRST}（套打）`,
    outline: true,
  });
  if (!r.ok) throw new Error(r.refusal);
  return r.job;
}

const page = chromiumPageForTests();

describe('overlayCertificateJob', () => {
  it('is an overlay job for the certificate printer, for the case, under its own docType', async () => {
    const job = await jobWith({ dxMm: 0, dyMm: 0 });
    expect(job).toMatchObject({
      overlay: true,
      deviceName: CERT_PRINTER,
      docType: 'certificate_overlay_engineering',
      caseId: 'c1',
      title: `证书 ${FIRST}（套打）`,
      kind: 'a4',
    });
    // The recorded number and date, never the form's: a reprint prints the same number.
    expect(job.doc.html).toContain(`>${FIRST}<`);
    expect(job.doc.html).toContain(formatChineseDate(issuedCase().certificate?.issuedOn ?? ''));
  });

  it('refuses the voided number of a reissued case and says why', async () => {
    const r = await overlayCertificateJob(reissuedCase(), FIRST, values, station, {
      settings: settingsOf({ dxMm: 0, dyMm: 0 }),
      title: 'x',
    });
    expect(r).toEqual({ ok: false, refusal: 'voided' });
  });

  it('puts the outline of the form behind the values on screen only', async () => {
    const { html } = (await jobWith({ dxMm: 0, dyMm: 0 })).doc;
    const src = /<img class="form-bg" alt="" src="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(decodeURIComponent(src)).toContain('建设工程规划许可证');
    expect(html).toContain('@media print{.form-bg{display:none}}');
  });

  it('prints each value at layout + calibration in the PDF, and no form text', async () => {
    const cal = { dxMm: 2.5, dyMm: -1.5 };
    const boxesOf = async (c: { dxMm: number; dyMm: number }) => {
      const file = writeTemp(await htmlToPdf(page(), (await jobWith(c)).doc));
      expect(pdfInfo(file).pages).toBe(1);
      return { words: wordBoxes(file), text: pdfText(file) };
    };
    const base = await boxesOf({ dxMm: 0, dyMm: 0 });
    const moved = await boxesOf(cal);
    for (const [key, word] of [
      ['certNumber', FIRST],
      ['builder', values.builder],
      ['location', values.location],
    ] as const) {
      const b = base.words.find((w) => w.word === word);
      const m = moved.words.find((w) => w.word === word);
      expect(b && m, `${word} in ${moved.text}`).toBeTruthy();
      // The glyph box starts a hair inside the div: absolute within 0.5 mm, the shift exact.
      expect(b?.xMinMm).toBeCloseTo(at(key).xMm, 0);
      expect((m?.xMinMm ?? NaN) - (b?.xMinMm ?? NaN)).toBeCloseTo(cal.dxMm, 2);
      expect((m?.yMinMm ?? NaN) - (b?.yMinMm ?? NaN)).toBeCloseTo(cal.dyMm, 2);
    }
    for (const v of Object.values(values)) expect(moved.text).toContain(v);
    expect(moved.text).toContain(station.officeName);
    for (const formText of ['建设工程规划许可证', '许可证号', '建设单位', '发证机关'])
      expect(moved.text, formText).not.toContain(formText);
  });
});
