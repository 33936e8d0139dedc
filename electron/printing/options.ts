// Print and PDF options from a paper spec and a printer profile: pure, so the exact numbers sent
// to Chromium are unit-tested (docs/printing.md: microns for print, inches for printToPDF, never
// a named size where millimetres matter, marginType 'none', scaleFactor 100, copies looped).
import type { Paper } from '../contract';

export const MICRONS_PER_MM = 1000;
export const MM_PER_INCH = 25.4;
/** Electron refuses page sides of 352 microns or less. */
const MIN_SIDE_MICRONS = 353;
/** A roll receipt keeps this much paper below the measured content before the cut. */
export const ROLL_TAIL_MM = 5;

export interface PrinterProfile {
  /** 'loop': one job per copy (drivers that cap copies at 1); 'driver': copies in one job. */
  copies: 'loop' | 'driver';
  /** 'printer-default' (Electron ≥ 41) for roll printers configured in the driver. */
  pageSize: 'explicit' | 'printer-default';
}

export const DEFAULT_PROFILE: PrinterProfile = { copies: 'loop', pageSize: 'explicit' };

/** The page as printed: roll papers get the measured content height plus a tail. */
export function pageMm(paper: Paper, measuredHeightMm: number | null): { w: number; h: number } {
  if (paper.heightMm !== null) return { w: paper.widthMm, h: paper.heightMm };
  if (measuredHeightMm === null || !(measuredHeightMm > 0)) {
    throw new Error('roll paper needs a measured content height');
  }
  return { w: paper.widthMm, h: Math.ceil(measuredHeightMm + ROLL_TAIL_MM) };
}

export const mmToMicrons = (mm: number) =>
  Math.max(MIN_SIDE_MICRONS, Math.round(mm * MICRONS_PER_MM));
export const mmToInches = (mm: number) => mm / MM_PER_INCH;

/** What we pass to webContents.printToPDF (a subset of Electron's PrintToPDFOptions). */
export interface PdfOptions {
  pageSize: { width: number; height: number };
  margins: { top: 0; bottom: 0; left: 0; right: 0 };
  preferCSSPageSize: boolean;
  printBackground: true;
  landscape: false;
  displayHeaderFooter: false;
}

export function buildPdfOptions(paper: Paper, measuredHeightMm: number | null = null): PdfOptions {
  const { w, h } = pageMm(paper, measuredHeightMm);
  return {
    // Exact inches: the named 'A4' is 8.27 × 11.7 in, about 0.2 mm off.
    pageSize: { width: mmToInches(w), height: mmToInches(h) },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    // The template's @page size wins for fixed papers; a roll's height is only known here.
    preferCSSPageSize: paper.heightMm !== null,
    printBackground: true,
    landscape: false,
    displayHeaderFooter: false,
  };
}

/** What we pass to webContents.print (a subset of Electron's WebContentsPrintOptions). */
export interface PrintOptions {
  silent: boolean;
  deviceName?: string;
  printBackground: boolean;
  margins: { marginType: 'none' };
  pageSize?: { width: number; height: number };
  usePrinterDefaultPageSize?: true;
  landscape: boolean;
  scaleFactor: 100;
  copies: number;
  collate: boolean;
}

export interface PrintRequest {
  paper: Paper;
  measuredHeightMm: number | null;
  deviceName?: string;
  silent: boolean;
  copies: number;
  overlay: boolean;
  profile: PrinterProfile;
}

/**
 * The list of print calls to make: one per copy when the profile loops copies, otherwise one.
 * Landscape papers (督办台账, 297 × 210) are sent as a portrait sheet plus `landscape: true`,
 * the way paper sits in the tray. *To verify on the hall's printers.*
 */
export function buildPrintJobs(req: PrintRequest): PrintOptions[] {
  const { w, h } = pageMm(req.paper, req.measuredHeightMm);
  // A short roll receipt (80 × 65) is wider than tall but is never turned: only fixed sheets are.
  const landscape = req.paper.heightMm !== null && w > h;
  const size =
    req.profile.pageSize === 'printer-default'
      ? // Electron throws when pageSize is given together with usePrinterDefaultPageSize.
        { usePrinterDefaultPageSize: true as const }
      : {
          pageSize: {
            width: mmToMicrons(landscape ? h : w),
            height: mmToMicrons(landscape ? w : h),
          },
        };
  const base: Omit<PrintOptions, 'copies'> = {
    silent: req.silent,
    ...(req.deviceName ? { deviceName: req.deviceName } : {}),
    // Overlay prints onto pre-printed stock: only the values, never a background.
    printBackground: !req.overlay,
    margins: { marginType: 'none' },
    ...size,
    landscape,
    scaleFactor: 100,
    collate: true,
  };
  if (req.profile.copies === 'driver') return [{ ...base, copies: req.copies }];
  return Array.from({ length: req.copies }, () => ({ ...base, copies: 1 }));
}

/** Chromium's failure reasons → the message half of an 'io' HostError the UI translates. */
export function printFailureReason(reason: string | undefined): string {
  const r = (reason ?? '').toLowerCase();
  if (r.includes('cancel')) return 'print_cancelled';
  if (r.includes('no printer') || r.includes('invalid printer') || r.includes('printer settings')) {
    return 'no_printer';
  }
  if (r.includes('offline')) return 'printer_offline';
  return 'print_failed';
}
