// How the certificate prints: which mode the screen starts with, what is remembered, when 套打
// is refused, and which earlier print a reprint points at.
import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsPatchSchema, type Settings } from '../../../../electron/contract';
import type { PrintRecord } from '../../../../renderer/src/data/prints';
import {
  initialPrintMode,
  overlayReadiness,
  overlayRefusal,
  printsOfCertificate,
  rememberedModesOf,
  rememberPatch,
  type OverlayReadiness,
} from '../../../../renderer/src/features/issuance/printMode';
import { defaultOverlayLayouts } from '../../../../renderer/src/print/overlayLayouts';
import { FIRST, SECOND, issuedCase, reissuedCase, voidedCase } from './issuedCase';

const settingsOf = (over: Partial<Settings> = {}): Settings => ({
  ...structuredClone(defaultSettings),
  ...over,
});
const measured = () => ({ engineering: defaultOverlayLayouts.engineering.fields.slice(0, 3) });
const ready = (over: Partial<OverlayReadiness> = {}): OverlayReadiness => ({
  layoutSetUp: true,
  printerSet: true,
  ...over,
});

describe('overlayReadiness', () => {
  it('needs positions an administrator saved; the built-in first guess does not count', () => {
    // The built-in layout is stored as "absent": printing it onto numbered stock wastes forms.
    expect(overlayReadiness(settingsOf(), 'engineering').layoutSetUp).toBe(false);
    expect(
      overlayReadiness(settingsOf({ overlayLayouts: { engineering: [] } }), 'engineering'),
    ).toMatchObject({ layoutSetUp: false });
    const s = settingsOf({ overlayLayouts: measured() });
    expect(overlayReadiness(s, 'engineering').layoutSetUp).toBe(true);
    // Per certificate: the engineering layout says nothing about the land-use stock.
    expect(overlayReadiness(s, 'landUse').layoutSetUp).toBe(false);
  });

  it('counts a certificate printer only when one of its own is chosen', () => {
    const printers = { a4: 'HP LaserJet', receipt: '', certificate: '' };
    expect(overlayReadiness(settingsOf({ printers }), 'engineering').printerSet).toBe(false);
    expect(
      overlayReadiness(
        settingsOf({ printers: { ...printers, certificate: 'EPSON LQ-1600K' } }),
        'engineering',
      ).printerSet,
    ).toBe(true);
  });
});

describe('initialPrintMode', () => {
  it('defaults to 套打 only with both a layout and a certificate printer', () => {
    expect(initialPrintMode(ready())).toBe('overlay');
    expect(initialPrintMode(ready({ printerSet: false }))).toBe('full');
    expect(initialPrintMode(ready({ layoutSetUp: false }))).toBe('full');
  });

  it("follows the clerk's last choice for the certificate", () => {
    expect(initialPrintMode(ready(), 'full')).toBe('full');
    // Chosen knowingly without a certificate printer (the screen warns): kept.
    expect(initialPrintMode(ready({ printerSet: false }), 'overlay')).toBe('overlay');
  });

  it('never starts in 套打 once the layout is gone, whatever was remembered', () => {
    expect(initialPrintMode(ready({ layoutSetUp: false }), 'overlay')).toBe('full');
  });
});

describe('overlayRefusal (the print path)', () => {
  const r = ready();

  it('lets the current certificate of an issued case be overlay-printed', () => {
    expect(overlayRefusal(issuedCase(), FIRST, r)).toBeNull();
  });

  it('refuses a voided certificate, before and after the reissue', () => {
    expect(overlayRefusal(voidedCase(), FIRST, r)).toBe('voided');
    // After the reissue the old number must still not print on fresh stock; the new one may.
    expect(overlayRefusal(reissuedCase(), FIRST, r)).toBe('voided');
    expect(overlayRefusal(reissuedCase(), SECOND, r)).toBeNull();
  });

  it('refuses a number that is not the case’s certificate, and a missing layout', () => {
    expect(overlayRefusal(issuedCase(), '建字第410108202600099号', r)).toBe('noCertificate');
    expect(overlayRefusal(issuedCase(), FIRST, ready({ layoutSetUp: false }))).toBe('noLayout');
  });
});

describe('remembering the choice in the settings', () => {
  it('reads what is stored; the settings contract refuses anything malformed', () => {
    const s = { ...settingsOf(), certificatePrintModes: { engineering: 'overlay', rural: 'full' } };
    expect(rememberedModesOf(s as Settings)).toEqual({ engineering: 'overlay', rural: 'full' });
    expect(rememberedModesOf(settingsOf())).toEqual({});
    expect(
      settingsPatchSchema.safeParse({ certificatePrintModes: { engineering: 'sideways' } }).success,
    ).toBe(false);
  });

  it("changes one certificate's choice and keeps the others", () => {
    const s = { ...settingsOf(), certificatePrintModes: { rural: 'overlay' } } as Settings;
    const patch = rememberPatch(s, 'engineering', 'full');
    expect(patch).toEqual({ certificatePrintModes: { rural: 'overlay', engineering: 'full' } });
    expect(settingsPatchSchema.safeParse(patch).success).toBe(true);
  });
});

/** A print record; tests override what they vary. */
const printOf = (over: Partial<PrintRecord>): PrintRecord => ({
  archiveId: 'a1',
  sha256: '0'.repeat(64),
  caseId: 'c1',
  docType: 'certificate',
  title: `证书 ${FIRST}`,
  kind: 'a4',
  html: '<html></html>',
  paper: { widthMm: 210, heightMm: 297 },
  reprintOf: null,
  printedAt: '2026-03-02T02:00:00Z',
  by: { id: 'u-clerk', name: '王窗口', role: 'clerk' },
  ...over,
});

describe('printsOfCertificate', () => {
  it('points every reprint at the first print of the number, whichever its mode', () => {
    const prints = [
      printOf({ archiveId: 'rcpt', docType: 'receipt', title: '收件回执' }),
      printOf({
        archiveId: 'ov1',
        docType: 'certificate_overlay_engineering',
        title: `证书 ${FIRST}（套打）`,
      }),
      printOf({ archiveId: 'full1', reprintOf: 'ov1' }),
      printOf({ archiveId: 'other', title: `证书 ${SECOND}` }),
    ];
    const got = printsOfCertificate(prints, FIRST);
    expect(got.original?.archiveId).toBe('ov1');
    // The full-page paper to reprint byte for byte is the last full page of this number.
    expect(got.lastFullPage?.archiveId).toBe('full1');
    expect(printsOfCertificate(prints, SECOND).original?.archiveId).toBe('other');
  });

  it('finds nothing before the first print (that print is then the original)', () => {
    expect(printsOfCertificate([], FIRST)).toEqual({
      original: undefined,
      lastFullPage: undefined,
    });
  });
});
