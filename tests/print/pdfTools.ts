// poppler-utils read a PDF back: text, page size and count, embedded fonts, word boxes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PT_PER_MM = 72 / 25.4;

export function writeTemp(pdf: Buffer, name = 'doc.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'ow-print-'));
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export interface PdfInfo {
  pages: number;
  widthMm: number;
  heightMm: number;
}

export function pdfInfo(file: string): PdfInfo {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  if (!size) throw new Error(`pdfinfo gave no page size:\n${out}`);
  return {
    pages,
    widthMm: Number(size[1]) / PT_PER_MM,
    heightMm: Number(size[2]) / PT_PER_MM,
  };
}

export function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

/** Text of one page, to check that no page is blank (a trailing blank page is a classic bug). */
export function pageText(file: string, page: number): string {
  return execFileSync(
    'pdftotext',
    ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'],
    { encoding: 'utf8' },
  );
}

export interface WordBox {
  word: string;
  xMinMm: number;
  yMinMm: number;
  xMaxMm: number;
  yMaxMm: number;
}

/** Word boxes (pdftotext -bbox), converted from points to millimetres. */
export function wordBoxes(file: string): WordBox[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
  const re =
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  return [...xml.matchAll(re)].map((m) => ({
    xMinMm: Number(m[1]) / PT_PER_MM,
    yMinMm: Number(m[2]) / PT_PER_MM,
    xMaxMm: Number(m[3]) / PT_PER_MM,
    yMaxMm: Number(m[4]) / PT_PER_MM,
    word: m[5] ?? '',
  }));
}

/** Text in content-stream order: a wrapped table cell stays together (-layout interleaves cells). */
export function pdfTextRaw(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
