// The shared stylesheet of every paper: official Chinese layout in millimetres and points.
import type { Paper } from './paper';

export function baseCss(paper: Paper, bodyFont: string, titleFont: string): string {
  const m = paper.marginMm;
  const sheetHeight = paper.heightMm === null ? '' : `min-height:${paper.heightMm}mm;`;
  return `
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:${bodyFont};font-size:12pt;line-height:1.5;color:#000;
  -webkit-print-color-adjust:exact;print-color-adjust:exact}
@media screen{
  html{background:#9e9e9e}
  body{width:${paper.widthMm}mm;${sheetHeight}padding:${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
    margin:0 auto;background:#fff}
}
.doc-title{font-family:${titleFont};font-weight:700;font-size:20pt;line-height:1.3;text-align:center;
  letter-spacing:0.08em;margin:0 0 3mm}
.doc-number{text-align:center;font-size:12pt;margin:0 0 5mm}
.addressee{margin:0 0 1.5mm}
.para{text-indent:2em;margin:0 0 1mm;text-align:justify}
html[lang=en] .para{text-align:left}
.plain{margin:0 0 1.5mm}
.small{font-size:10.5pt;line-height:1.45}
.list{margin:0 0 2mm;padding-left:2em}
.list li{margin:0 0 0.5mm}
table.grid{border-collapse:collapse;width:100%;font-size:10.5pt;line-height:1.35;margin:0 0 2.5mm}
table.grid th,table.grid td{border:0.25mm solid #000;padding:0.8mm 1.5mm;vertical-align:middle}
table.grid th{font-weight:700;text-align:center;background:#f2f2f2}
table.grid td.num{text-align:center;white-space:nowrap}
table.grid td.label{width:27mm;text-align:center;font-weight:700}
table.grid thead{display:table-header-group}
table.grid tr{break-inside:avoid}
.sign{position:relative;display:flex;justify-content:flex-end;margin:5mm 0 9mm;padding-right:4mm;break-inside:avoid}
.sign-text{text-align:center;min-width:62mm;position:relative;z-index:1}
.seal{position:absolute;right:14mm;top:-13mm;width:38mm;height:38mm;border:0.4mm dashed #9a9a9a;
  border-radius:50%;display:flex;align-items:center;justify-content:center;color:#9a9a9a;
  font-size:12pt;letter-spacing:0.3em;z-index:0;padding-top:25mm}
.receipt-line{display:flex;gap:4mm;justify-content:space-between;margin:6mm 0 0;break-inside:avoid}
.blank{display:inline-block;min-width:28mm;border-bottom:0.25mm solid #000}
.codes{display:flex;align-items:center;justify-content:space-between;gap:4mm;margin:0 0 3mm}
.codes .code-caption{font-size:10pt;text-align:center;letter-spacing:0.05em}
.stub{border-top:0.3mm dashed #000;margin-top:6mm;padding-top:3mm}
svg{display:block}
.nowrap{white-space:nowrap}
`;
}
