// Printing through a hidden, hardened window in its own in-memory session. The document is
// served from memory as app://onewindow/__print/<token>.html (no temp file, CSP header on the
// response), so the template's relative font and image URLs resolve to our own bundle.
// The job logic (waiting, options, copies) is in printing/job.ts and tested with a recorder.
import { BrowserWindow, session as sessions, type WebContents } from 'electron';
import { randomBytes } from 'node:crypto';
import { HostError, type Paper } from '../contract';
import type { PrintJob } from '../handlers';
import { printCsp } from '../policy/csp';
import { APP_ORIGIN, PRINT_PATH } from '../policy/protocol';
import { printWindowOptions } from '../policy/window-options';
import { hardenPrintHtml, printCopies, renderPdf, type PrintSurface } from '../printing/job';
import { handleAppProtocol } from './protocol';
import { hardenSession } from './security';

const PARTITION = 'ow-print'; // no "persist:": nothing of a print job stays on disk
/** A print job that hangs (driver dialog left open, spooler stuck) is given up after this. */
const JOB_TIMEOUT_MS = 120_000;

export function surfaceOf(contents: WebContents): PrintSurface {
  return {
    loadURL: (url) => contents.loadURL(url),
    evaluate: (code) => contents.executeJavaScriptInIsolatedWorld(999, [{ code }]),
    printToPDF: async (options) => new Uint8Array(await contents.printToPDF(options)),
    print: (options, callback) => contents.print(options, callback),
  };
}

export function createPrinting(opts: { rendererDir: string }) {
  const docs = new Map<string, string>();
  const csp = printCsp(APP_ORIGIN);
  const ses = sessions.fromPartition(PARTITION, { cache: false });
  handleAppProtocol(ses, { rendererDir: opts.rendererDir, csp, printDocs: docs });
  hardenSession(ses, { indexUrl: `${APP_ORIGIN}${PRINT_PATH}` }, csp);
  // The print page may fetch only our own bundle and inline data: no network at all.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith(`${APP_ORIGIN}/`) || /^(data|blob):/.test(details.url);
    callback({ cancel: !ok });
  });

  async function withWindow<T>(html: string, run: (s: PrintSurface, url: string) => Promise<T>) {
    const token = randomBytes(16).toString('hex');
    docs.set(token, hardenPrintHtml(html, csp, `${APP_ORIGIN}/`));
    const win = new BrowserWindow(printWindowOptions(PARTITION));
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new HostError('io', 'print_timeout')), JOB_TIMEOUT_MS);
      });
      const url = `${APP_ORIGIN}${PRINT_PATH}${token}.html`;
      return await Promise.race([run(surfaceOf(win.webContents), url), timeout]);
    } finally {
      clearTimeout(timer);
      docs.delete(token);
      if (!win.isDestroyed()) win.destroy();
    }
  }

  return {
    async printers(): Promise<{ name: string; displayName: string }[]> {
      const win = new BrowserWindow(printWindowOptions(PARTITION));
      try {
        const list = await win.webContents.getPrintersAsync();
        return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name }));
      } finally {
        win.destroy();
      }
    },
    toPdf: (html: string, paper: Paper) =>
      withWindow(html, async (s, url) => new Uint8Array(await renderPdf(s, url, paper))),
    async print(job: PrintJob): Promise<{ copies: number }> {
      if (job.silent) {
        const installed = await this.printers();
        if (installed.length === 0) throw new HostError('io', 'no_printer');
      }
      return withWindow(job.html, (s, url) => printCopies(s, url, job));
    },
  };
}
