// Printing and PDF in the browser mode. Printing uses the browser's own print dialog on a
// hidden frame holding our standalone HTML. A browser page cannot make a PDF by itself: the
// end-to-end harness provides Chromium's real PDF engine as window.owRenderPdf (Playwright's
// page.pdf on a second page); without it there is no PDF (null), and the archive keeps the HTML.
import { HostError, type Paper } from '../../../electron/contract';

declare global {
  interface Window {
    owRenderPdf?: (html: string, paper: Paper) => Promise<string>; // base64
  }
}

/** The PDF of the paper, or null where this browser has no PDF engine (a plain browser). */
export async function pdfInBrowser(
  html: string,
  paper: Paper,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (typeof window === 'undefined' || !window.owRenderPdf) return null;
  const base64 = await window.owRenderPdf(html, paper);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

export async function printInBrowser(html: string): Promise<void> {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  // A frame needs a name even hidden: the paper's own <title>, else the app's.
  frame.title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() || document.title;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;left:-10000px';
  frame.srcdoc = html;
  document.body.appendChild(frame);
  try {
    await new Promise<void>((resolve) =>
      frame.addEventListener('load', () => resolve(), { once: true }),
    );
    const win = frame.contentWindow;
    if (!win) throw new HostError('io', 'print_frame_unavailable');
    await win.document.fonts.ready;
    win.focus();
    win.print();
  } finally {
    // Give the print dialog time to take a snapshot before the frame goes.
    setTimeout(() => frame.remove(), 1000);
  }
}
