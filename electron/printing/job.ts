// Runs one print job on a page surface (the hidden window's webContents in the app, a recorder
// in tests): load our HTML, wait until fonts and images are really there (docs/printing.md,
// #22379), measure roll papers, then printToPDF or print once per copy.
import { HostError, type Paper } from '../contract';
import {
  buildPdfOptions,
  buildPrintJobs,
  printFailureReason,
  type PdfOptions,
  type PrinterProfile,
  type PrintOptions,
} from './options';

/** The part of Electron's WebContents a print job uses. */
export interface PrintSurface {
  /** Loads our generated document (app://onewindow/__print/<token>.html). */
  loadURL(url: string): Promise<void>;
  /** Runs in an isolated world: the page's CSP (no script) does not apply to it. */
  evaluate(code: string): Promise<unknown>;
  printToPDF(options: PdfOptions): Promise<Uint8Array>;
  print(options: PrintOptions, callback: (success: boolean, failureReason: string) => void): void;
}

/**
 * Waits for fonts and every image, then reports the content height in mm (for roll papers).
 * Images that fail still count as done: a missing logo must not hang the counter.
 */
export const READY_SCRIPT = `(async () => {
  await document.fonts.ready;
  await Promise.all([...document.images].map((img) =>
    img.complete ? Promise.resolve() : (img.decode ? img.decode().catch(() => {}) :
      new Promise((r) => { img.onload = img.onerror = r; }))));
  await document.fonts.ready;
  const px = Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);
  return px * 25.4 / 96;
})()`;

export async function prepare(surface: PrintSurface, url: string): Promise<number> {
  await surface.loadURL(url);
  const measured = await surface.evaluate(READY_SCRIPT);
  return typeof measured === 'number' && Number.isFinite(measured) ? measured : 0;
}

export async function renderPdf(
  surface: PrintSurface,
  url: string,
  paper: Paper,
): Promise<Uint8Array> {
  const measured = await prepare(surface, url);
  return surface.printToPDF(buildPdfOptions(paper, paper.heightMm === null ? measured : null));
}

export interface PrintJobInput {
  paper: Paper;
  deviceName?: string;
  silent: boolean;
  copies: number;
  overlay: boolean;
  profile: PrinterProfile;
}

export async function printCopies(
  surface: PrintSurface,
  url: string,
  job: PrintJobInput,
): Promise<{ copies: number }> {
  const measured = await prepare(surface, url);
  const calls = buildPrintJobs({
    ...job,
    measuredHeightMm: job.paper.heightMm === null ? measured : null,
  });
  let printed = 0;
  // One after the other: a receipt printer given several jobs at once may interleave or drop.
  for (const options of calls) {
    await new Promise<void>((resolve, reject) => {
      surface.print(options, (success, failureReason) => {
        if (success) resolve();
        else reject(new HostError('io', printFailureReason(failureReason)));
      });
    });
    printed += options.copies;
  }
  return { copies: printed };
}

/** Puts a CSP and a <base> for the app's assets into a standalone document. */
export function hardenPrintHtml(html: string, csp: string, assetBase: string | null): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '&quot;')}">`;
  const base =
    assetBase && !/<base\s/i.test(html) ? `<base href="${assetBase.replace(/"/g, '%22')}">` : '';
  const inject = `${meta}${base}`;
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => `${m}${inject}`);
  if (/<html[^>]*>/i.test(html))
    return html.replace(/<html[^>]*>/i, (m) => `${m}<head>${inject}</head>`);
  return `<!doctype html><html><head>${inject}</head><body>${html}</body></html>`;
}
