// Overlay printing (套打): only the values, absolutely positioned in millimetres on pre-printed
// certificate stock, shifted by the printer's calibration offsets. Layouts are data so an
// administrator can edit them; the defaults below are starting points to be measured on the
// real stock (its size is unconfirmed).
import type { PrintLocale } from './chineseDate';
import { fontFaceCss, fontStack, type FontSource, type PrintFont } from './fonts';
import { qrSvg } from './qr';
import { assembleDocument, escapeHtml, type RenderedDocument } from './render';

export interface OverlayField {
  key: string;
  xMm: number;
  yMm: number;
  widthMm: number;
  fontSizePt: number;
  /** 'qr' prints the value as a QR code widthMm square (the certificate's signed payload). */
  kind?: 'text' | 'qr';
}

export interface OverlayLayout {
  paper: { widthMm: number; heightMm: number };
  fields: OverlayField[];
}

/** Where this printer really puts things: + moves right / down. Per printer, measured. */
export interface Calibration {
  dxMm: number;
  dyMm: number;
}

export interface OverlayOptions {
  locale?: PrintLocale;
  font?: PrintFont;
  fontSource?: FontSource;
  /** A scan of the blank form, shown on screen only so the clerk sees where values land. */
  backgroundImage?: string;
}

/** Millimetres as CSS, rounded to 0.01 mm so a float never prints as 12.300000000000001mm. */
export const mm = (v: number): string => `${Math.round(v * 100) / 100}mm`;

/** Where a field really prints: its layout position plus the printer's offset. */
export function fieldPosition(field: OverlayField, calibration: Calibration) {
  return { leftMm: field.xMm + calibration.dxMm, topMm: field.yMm + calibration.dyMm };
}

/**
 * The calibration shift as a transform: Chromium snaps left/top text to whole CSS pixels
 * (0.26 mm) in the PDF, while a translate keeps the exact sub-millimetre offset.
 */
export const calibrationTransform = (c: Calibration): string =>
  `transform:translate(${mm(c.dxMm)},${mm(c.dyMm)})`;

export function overlayCss(width: number, height: number, bodyFont: string): string {
  return `
@page{size:${width}mm ${height}mm;margin:0}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:${bodyFont};color:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sheet{position:relative;width:${width}mm;height:${height}mm;overflow:hidden;background:#fff}
.form-bg{position:absolute;inset:0;width:100%;height:100%;object-fit:fill;opacity:0.5}
@media print{.form-bg{display:none}}
.cal{position:absolute;inset:0}
.f{position:absolute;line-height:1.3;white-space:pre-wrap;overflow-wrap:anywhere}
`;
}

export function renderOverlay(
  layout: OverlayLayout,
  values: Readonly<Record<string, string>>,
  calibration: Calibration,
  options: OverlayOptions = {},
): RenderedDocument {
  const { widthMm, heightMm } = layout.paper;
  const fields = layout.fields
    .filter((f) => (values[f.key] ?? '') !== '')
    .map((f) => {
      const style = `left:${mm(f.xMm)};top:${mm(f.yMm)};width:${mm(f.widthMm)};font-size:${f.fontSizePt}pt`;
      const value = values[f.key] ?? '';
      const content = f.kind === 'qr' ? qrSvg(value, f.widthMm) : escapeHtml(value);
      return `<div class="f" data-key="${escapeHtml(f.key)}" style="${style}">${content}</div>`;
    })
    .join('');
  const bg = options.backgroundImage
    ? `<img class="form-bg" alt="" src="${escapeHtml(options.backgroundImage)}">`
    : '';
  const body = `<div class="sheet">${bg}<div class="cal" style="${calibrationTransform(calibration)}">${fields}</div></div>`;
  const faces = options.fontSource ? fontFaceCss(options.fontSource, body, '') : '';
  const css = faces + overlayCss(widthMm, heightMm, fontStack(options.font ?? 'bundled'));
  return {
    html: assembleDocument({
      title: 'overlay',
      lang: options.locale ?? 'zh-CN',
      css,
      body,
      fontSource: options.fontSource,
    }),
    paper: { widthMm, heightMm },
  };
}
