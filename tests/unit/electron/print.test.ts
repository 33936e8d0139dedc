import { describe, expect, it } from 'vitest';
import { HostError } from '../../../electron/contract';
import {
  hardenPrintHtml,
  printCopies,
  READY_SCRIPT,
  renderPdf,
  type PrintJobInput,
  type PrintSurface,
} from '../../../electron/printing/job';
import {
  buildPdfOptions,
  buildPrintJobs,
  DEFAULT_PROFILE,
  ROLL_TAIL_MM,
  type PrintRequest,
} from '../../../electron/printing/options';

const A4 = { widthMm: 210, heightMm: 297 };
const RECEIPT = { widthMm: 80, heightMm: null };

const request = (over: Partial<PrintRequest> = {}): PrintRequest => ({
  paper: A4,
  measuredHeightMm: null,
  silent: false,
  copies: 1,
  overlay: false,
  profile: DEFAULT_PROFILE,
  ...over,
});

/** A webContents stand-in that records every call; `fail` makes print report a failure. */
function recorder(opts: { heightMm?: number; fail?: string } = {}) {
  const calls: { method: string; arg: unknown }[] = [];
  const surface: PrintSurface = {
    loadURL: async (url) => void calls.push({ method: 'loadURL', arg: url }),
    evaluate: async (code) => {
      calls.push({ method: 'evaluate', arg: code });
      return opts.heightMm ?? 100;
    },
    printToPDF: async (o) => {
      calls.push({ method: 'printToPDF', arg: o });
      return new Uint8Array([37, 80, 68, 70]);
    },
    print: (o, cb) => {
      calls.push({ method: 'print', arg: o });
      setTimeout(() => cb(!opts.fail, opts.fail ?? ''), 0);
    },
  };
  return { surface, calls };
}

describe('print options', () => {
  it('A4 prints with exact microns, no margins, no scaling', () => {
    const [job, ...rest] = buildPrintJobs(request());
    expect(rest).toEqual([]);
    expect(job).toMatchObject({
      pageSize: { width: 210_000, height: 297_000 },
      margins: { marginType: 'none' },
      scaleFactor: 100,
      landscape: false,
      copies: 1,
    });
  });

  it('an 80 mm receipt gets the measured height plus the tail, in microns', () => {
    // 123.4 mm of content → ceil(123.4 + 5) = 129 mm of paper.
    const [job] = buildPrintJobs(request({ paper: RECEIPT, measuredHeightMm: 123.4 }));
    expect(job!.pageSize).toEqual({
      width: 80_000,
      height: Math.ceil(123.4 + ROLL_TAIL_MM) * 1000,
    });
    expect(() => buildPrintJobs(request({ paper: RECEIPT }))).toThrow(/measured/);
  });

  it('copies are looped one job each by default, or left to the driver when it can', () => {
    const looped = buildPrintJobs(request({ copies: 3 }));
    expect(looped.map((j) => j.copies)).toEqual([1, 1, 1]);
    const driver = buildPrintJobs(
      request({ copies: 3, profile: { copies: 'driver', pageSize: 'explicit' } }),
    );
    expect(driver.map((j) => j.copies)).toEqual([3]);
  });

  it('printer-default page size never sends pageSize too (Electron throws on both)', () => {
    const [job] = buildPrintJobs(
      request({ profile: { copies: 'loop', pageSize: 'printer-default' } }),
    );
    expect(job!.usePrinterDefaultPageSize).toBe(true);
    expect(job).not.toHaveProperty('pageSize');
  });

  it('overlay prints without background; landscape ledgers go as a portrait sheet turned', () => {
    expect(buildPrintJobs(request({ overlay: true }))[0]!.printBackground).toBe(false);
    expect(buildPrintJobs(request())[0]!.printBackground).toBe(true);
    const [ledger] = buildPrintJobs(request({ paper: { widthMm: 297, heightMm: 210 } }));
    expect(ledger).toMatchObject({
      landscape: true,
      pageSize: { width: 210_000, height: 297_000 },
    });
  });

  it('printToPDF gets exact inches and the CSS page size for fixed papers', () => {
    const a4 = buildPdfOptions(A4);
    expect(a4.pageSize.width).toBeCloseTo(210 / 25.4, 10);
    expect(a4.pageSize.height).toBeCloseTo(297 / 25.4, 10);
    expect(a4).toMatchObject({ preferCSSPageSize: true, margins: { top: 0, left: 0 } });
    const roll = buildPdfOptions(RECEIPT, 95);
    expect(roll.preferCSSPageSize).toBe(false);
    expect(roll.pageSize.height).toBeCloseTo(100 / 25.4, 10);
  });
});

describe('print job on a recorded surface', () => {
  const job = (over: Partial<PrintJobInput> = {}): PrintJobInput => ({
    paper: RECEIPT,
    silent: true,
    copies: 2,
    overlay: false,
    profile: DEFAULT_PROFILE,
    deviceName: 'Receipt_80',
    ...over,
  });

  it('loads, waits for fonts and images, then prints each copy in turn', async () => {
    const { surface, calls } = recorder({ heightMm: 60 });
    expect(await printCopies(surface, '/data/tmp/p.html', job())).toEqual({ copies: 2 });
    expect(calls.map((c) => c.method)).toEqual(['loadURL', 'evaluate', 'print', 'print']);
    expect(calls[1]!.arg).toBe(READY_SCRIPT);
    expect(READY_SCRIPT).toContain('document.fonts.ready');
    expect(calls[2]!.arg).toMatchObject({
      silent: true,
      deviceName: 'Receipt_80',
      pageSize: { width: 80_000, height: 65_000 },
      copies: 1,
    });
  });

  it('a printer failure becomes a typed io error with a reason', async () => {
    const { surface, calls } = recorder({ fail: 'Invalid printer settings' });
    const error = await printCopies(surface, '/x.html', job()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'io', message: 'no_printer' });
    // The second copy is not attempted after the first failed.
    expect(calls.filter((c) => c.method === 'print')).toHaveLength(1);
  });

  it('renders a PDF after the page is ready', async () => {
    const { surface, calls } = recorder();
    const pdf = await renderPdf(surface, '/x.html', A4);
    expect(Buffer.from(pdf).toString()).toBe('%PDF');
    expect(calls.map((c) => c.method)).toEqual(['loadURL', 'evaluate', 'printToPDF']);
  });

  it('hardens the HTML with a CSP meta and an asset base', () => {
    const html = hardenPrintHtml(
      '<!doctype html><html><head><title>t</title></head><body>x</body></html>',
      "default-src 'none'",
      'file:///app/out/renderer/',
    );
    expect(html).toMatch(
      /<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><base href="file:\/\/\/app\/out\/renderer\/"><title>/,
    );
    expect(hardenPrintHtml('<p>bare</p>', 'x', null)).toContain(
      '<head><meta http-equiv="Content-Security-Policy" content="x"></head><body><p>bare</p>',
    );
  });
});
