// The calibration page: a millimetre grid with numbered rulers and crosses at known positions.
// The clerk prints it, measures where the crosses really are, and enters the difference.
import { fontFaceCss, fontStack, type FontSource, type PrintFont } from './fonts';
import type { Calibration } from './overlay';
import { calibrationTransform, overlayCss } from './overlay';
import { assembleDocument, escapeHtml, type RenderedDocument } from './render';
import { makeTranslate } from './texts';
import type { PrintLocale } from './chineseDate';

export interface CalibrationOptions {
  paper?: { widthMm: number; heightMm: number };
  locale?: PrintLocale;
  font?: PrintFont;
  fontSource?: FontSource;
}

/** The nominal centre of the main cross, from the paper's top-left corner. */
export const CROSS_MM = { x: 30, y: 40 } as const;

function gridSvg(w: number, h: number): string {
  const lines: string[] = [];
  for (let x = 0; x <= w; x += 1) {
    const cls = x % 10 === 0 ? 'g10' : x % 5 === 0 ? 'g5' : 'g1';
    lines.push(`<line class="${cls}" x1="${x}" y1="0" x2="${x}" y2="${h}"/>`);
  }
  for (let y = 0; y <= h; y += 1) {
    const cls = y % 10 === 0 ? 'g10' : y % 5 === 0 ? 'g5' : 'g1';
    lines.push(`<line class="${cls}" x1="0" y1="${y}" x2="${w}" y2="${y}"/>`);
  }
  const labels: string[] = [];
  for (let x = 10; x < w; x += 10) labels.push(`<text x="${x + 0.4}" y="3.2">${x}</text>`);
  for (let y = 10; y < h; y += 10) labels.push(`<text x="0.6" y="${y - 0.5}">${y}</text>`);
  const cross = (cx: number, cy: number) =>
    `<g class="cross"><line x1="${cx - 8}" y1="${cy}" x2="${cx + 8}" y2="${cy}"/>` +
    `<line x1="${cx}" y1="${cy - 8}" x2="${cx}" y2="${cy + 8}"/>` +
    `<circle cx="${cx}" cy="${cy}" r="3"/></g>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="grid-svg" width="${w}mm" height="${h}mm" viewBox="0 0 ${w} ${h}">` +
    `<g>${lines.join('')}</g><g class="labels">${labels.join('')}</g>` +
    `${cross(CROSS_MM.x, CROSS_MM.y)}${cross(w - CROSS_MM.x, h - CROSS_MM.y)}</svg>`
  );
}

export function renderCalibrationPage(
  calibration: Calibration,
  options: CalibrationOptions = {},
): RenderedDocument {
  const { widthMm: w, heightMm: h } = options.paper ?? { widthMm: 210, heightMm: 297 };
  const t = makeTranslate(options.locale ?? 'zh-CN');
  const help =
    `<div class="help"><h1>${escapeHtml(t('overlay.calibrationTitle'))}</h1>` +
    `<p>${escapeHtml(t('overlay.calibrationHelp', { x: CROSS_MM.x, y: CROSS_MM.y }))}</p>` +
    `<p>${escapeHtml(t('overlay.calibrationOffset', { dx: calibration.dxMm, dy: calibration.dyMm }))}</p></div>`;
  // The whole page moves by the current calibration, so a second print checks the entered values.
  const body =
    `<div class="sheet"><div class="shift" style="${calibrationTransform(calibration)}">` +
    `${gridSvg(w, h)}${help}</div></div>`;
  const faces = options.fontSource ? fontFaceCss(options.fontSource, body, body) : '';
  const css =
    faces +
    overlayCss(w, h, fontStack(options.font ?? 'bundled')) +
    `
.shift{position:absolute;left:0;top:0;width:${w}mm;height:${h}mm}
.grid-svg{position:absolute;left:0;top:0}
.g1{stroke:#c8d8e8;stroke-width:0.08}
.g5{stroke:#8fb0d0;stroke-width:0.12}
.g10{stroke:#3c6e9e;stroke-width:0.2}
.labels text{font-size:2.6px;fill:#123;font-family:sans-serif}
.cross line,.cross circle{stroke:#c00;stroke-width:0.25;fill:none}
.help{position:absolute;left:${CROSS_MM.x + 20}mm;top:${CROSS_MM.y - 10}mm;width:${w - CROSS_MM.x - 45}mm;
  background:#fff;border:0.3mm solid #3c6e9e;padding:3mm 4mm;font-size:10.5pt;line-height:1.5}
.help h1{font-size:14pt;margin:0 0 2mm}
.help p{margin:0 0 1.5mm}
`;
  return {
    html: assembleDocument({
      title: 'calibration',
      lang: options.locale ?? 'zh-CN',
      css,
      body,
      fontSource: options.fontSource,
    }),
    paper: { widthMm: w, heightMm: h },
  };
}
