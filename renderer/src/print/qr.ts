// QR codes as SVG, synchronously (QRCode.create gives the module matrix), sized in millimetres.
import QRCode from 'qrcode';
import { escapeAttr } from './barcode';

export function qrSvg(text: string, sizeMm = 25): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 2;
  const total = n + 2 * quiet;
  let path = '';
  for (let y = 0; y < n; y += 1) {
    for (let x = 0; x < n; x += 1) {
      if (modules.get(y, x)) path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="qr" width="${sizeMm}mm" height="${sizeMm}mm" ` +
    `viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges" role="img" ` +
    `aria-label="${escapeAttr(text.slice(0, 60))}"><path fill="#000" d="${path}"/></svg>`
  );
}
