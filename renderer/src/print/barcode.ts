// Code 128 as SVG without a DOM: JsBarcode's object target yields the bar pattern ('1' = bar),
// which we draw as rects in millimetres so the printed size is exact.
import JsBarcode from 'jsbarcode';

interface Encoding {
  data: string;
}

export function code128Pattern(text: string): string {
  const target: { encodings?: Encoding[] } = {};
  let ok = true;
  JsBarcode(target, text, { format: 'CODE128', valid: (v: boolean) => (ok = v) });
  if (!ok || !target.encodings) throw new RangeError(`cannot encode as Code 128: ${text}`);
  return target.encodings.map((e) => e.data).join('');
}

/** An SVG with module width `moduleMm` and bar height `heightMm`, plus the 10-module quiet zones. */
export function code128Svg(text: string, moduleMm = 0.3, heightMm = 10): string {
  const pattern = code128Pattern(text);
  const quiet = 10;
  const modules = pattern.length + 2 * quiet;
  const rects: string[] = [];
  for (let i = 0; i < pattern.length;) {
    if (pattern[i] !== '1') {
      i += 1;
      continue;
    }
    let run = 1;
    while (pattern[i + run] === '1') run += 1;
    rects.push(`<rect x="${i + quiet}" y="0" width="${run}" height="1"/>`);
    i += run;
  }
  const w = (modules * moduleMm).toFixed(2);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="barcode" width="${w}mm" height="${heightMm}mm" ` +
    `viewBox="0 0 ${modules} 1" preserveAspectRatio="none" shape-rendering="crispEdges" ` +
    `role="img" aria-label="${escapeAttr(text)}"><g fill="#000">${rects.join('')}</g></svg>`
  );
}

/** Minimal attribute escaping for text we put into SVG markup ourselves. */
export function escapeAttr(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
