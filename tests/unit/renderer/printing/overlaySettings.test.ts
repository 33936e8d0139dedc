// What the overlay job takes from the settings: the certificate printer, that printer's own
// calibration, the stock size and the administrator's field positions.
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../../electron/contract';
import {
  calibrationOf,
  certificatePaperOf,
  certificatePrinter,
  layoutToSave,
  overlayLayoutOf,
} from '../../../../renderer/src/features/printing/overlaySettings';
import { renderOverlay } from '../../../../renderer/src/print/overlay';
import { renderDocument } from '../../../../renderer/src/print/render';
import { ruralPermitSample } from '../../../../renderer/src/print/samples';
import { templates } from '../../../../renderer/src/print/templates';
import { overlayReadiness } from '../../../../renderer/src/features/issuance/printMode';
import { defaultOverlayLayouts } from '../../../../renderer/src/print/overlayLayouts';

const settingsOf = (over: Partial<Settings> = {}): Settings => ({
  ...structuredClone(defaultSettings),
  ...over,
});

describe('overlay settings', () => {
  it('certificates go to their own printer, else to the A4 printer', () => {
    const printers = { a4: 'HP LaserJet', receipt: 'XP-80C', certificate: '' };
    expect(certificatePrinter(settingsOf({ printers }))).toBe('HP LaserJet');
    expect(
      certificatePrinter(settingsOf({ printers: { ...printers, certificate: 'EPSON LQ' } })),
    ).toBe('EPSON LQ');
  });

  it("uses the chosen printer's calibration, never another printer's", () => {
    // Two printers shift differently: mixing them up moves every value on the stock.
    const s = settingsOf({
      calibrations: { 'HP LaserJet': { dxMm: 1.5, dyMm: -1 }, 'EPSON LQ': { dxMm: -3, dyMm: 2 } },
    });
    expect(calibrationOf(s, 'EPSON LQ')).toEqual({ dxMm: -3, dyMm: 2 });
    expect(calibrationOf(s, 'unmeasured')).toEqual({ dxMm: 0, dyMm: 0 });
  });

  it('the layout takes the stock size and the edited fields, else the built-in fields', () => {
    const edited = [{ key: 'builder', xMm: 33, yMm: 44, widthMm: 90, fontSizePt: 15 }];
    const s = settingsOf({
      certificatePapers: {
        ...defaultSettings.certificatePapers,
        rural: { widthMm: 280, heightMm: 200 },
      },
      overlayLayouts: { rural: edited },
    });
    expect(overlayLayoutOf(s, 'rural')).toEqual({
      paper: { widthMm: 280, heightMm: 200 },
      fields: edited,
    });
    expect(overlayLayoutOf(s, 'engineering').fields).toEqual(
      defaultOverlayLayouts.engineering.fields,
    );
  });

  it('renders the edited position shifted by the calibration of the chosen printer', () => {
    const s = settingsOf({
      overlayLayouts: {
        rural: [{ key: 'builder', xMm: 33, yMm: 44, widthMm: 90, fontSizePt: 15 }],
      },
      calibrations: { P: { dxMm: 1.25, dyMm: -0.5 } },
    });
    const doc = renderOverlay(
      overlayLayoutOf(s, 'rural'),
      { builder: '李建国' },
      calibrationOf(s, 'P'),
    );
    expect(doc.html).toContain('left:33mm;top:44mm;width:90mm;font-size:15pt');
    expect(doc.html).toContain('translate(1.25mm,-0.5mm)');
    expect(doc.paper).toEqual({ widthMm: 210, heightMm: 297 });
  });

  it('a full-page certificate is rendered on the stock size of its own certificate', () => {
    const s = settingsOf({
      certificatePapers: {
        ...defaultSettings.certificatePapers,
        rural: { widthMm: 280, heightMm: 200 },
      },
    });
    const doc = renderDocument(templates.ruralPermit, ruralPermitSample, {
      paper: certificatePaperOf(s, 'rural'),
    });
    expect(doc.paper).toEqual({ widthMm: 280, heightMm: 200 });
    expect(doc.html).toContain('size: 280mm 200mm');
    expect(certificatePaperOf(s, 'engineering')).toMatchObject({ widthMm: 210, heightMm: 297 });
  });

  it('saving the built-in layout unchanged stores it, and that is what makes 套打 available', () => {
    const s = { ...defaultSettings };
    expect(overlayReadiness(s, 'landUse').layoutSetUp).toBe(false);
    const saved = layoutToSave(defaultOverlayLayouts.landUse.fields);
    expect(saved).toEqual(defaultOverlayLayouts.landUse.fields);
    expect(saved[0]).not.toBe(defaultOverlayLayouts.landUse.fields[0]); // a copy, not shared
    const after = { ...s, overlayLayouts: { landUse: saved } };
    expect(overlayReadiness(after, 'landUse').layoutSetUp).toBe(true);
    expect(overlayLayoutOf(after, 'landUse').fields).toEqual(saved);
  });
});
