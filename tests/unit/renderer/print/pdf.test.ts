// Every template through Chromium to PDF, read back with poppler: values, Chinese text, paper
// size, page count, embedded font. Chromium is launched once for the file.
import { beforeAll, describe, expect, it } from 'vitest';
import { templates, type TemplateName } from '../../../../renderer/src/print/templates';
import {
  formatChineseDate,
  formatChineseDateTime,
} from '../../../../renderer/src/print/chineseDate';
import {
  printedCollectorId,
  printedPartyCode,
  printedPhone,
} from '../../../../renderer/src/print/maskPolicy';
import { maskIdNumber } from '../../../../renderer/src/domain/mask';
import { makeTranslate } from '../../../../renderer/src/print/texts';
import { htmlToPdf } from '../../../print/chromium';
import { chromiumPageForTests } from '../../../print/chromiumPage';
import { renderSample, sampleData } from '../../../print/sampleDocs';
import {
  pageText,
  pdfFonts,
  pdfInfo,
  pdfText,
  pdfTextRaw,
  writeTemp,
} from '../../../print/pdfTools';

const page = chromiumPageForTests();

const t = makeTranslate('zh-CN');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
/** Keys whose values are codes translated into words, signed payloads, or not printed. */
const NOT_PRINTED_AS_IS = new Set([
  'kind',
  'form',
  'method',
  'delivery',
  'channel',
  'light',
  'procedure',
  'qrPayload',
  'address',
  'month',
  'onTimeRate',
  'averageDays',
  'generatedAt',
  'business',
]);

/** What the paper must show for a data value: dates in Chinese, personal data masked on receipts. */
function printedValues(name: TemplateName, data: unknown, key = ''): string[] {
  if (data === null || data === undefined) return [];
  if (Array.isArray(data)) return data.flatMap((v) => printedValues(name, v, key));
  if (typeof data === 'object') {
    const obj = data as Record<string, unknown>;
    return Object.entries(obj).flatMap(([k, v]) => {
      if (NOT_PRINTED_AS_IS.has(k)) return [];
      // The office's phone is not on the papers (the officer's is); personal numbers as the
      // mask policy has them for this paper.
      if (key === 'office' && k === 'phone') return [];
      if (key === 'applicant' && k === 'code' && typeof v === 'string') {
        return [printedPartyCode(name, { kind: obj.kind as 'person' | 'enterprise', code: v })];
      }
      if ((key === 'applicant' || key === '') && k === 'phone' && typeof v === 'string') {
        return [printedPhone(name, v)];
      }
      if (key === 'collector' && k === 'idNumber' && typeof v === 'string') {
        return [printedCollectorId(name, v)];
      }
      return printedValues(name, v, k);
    });
  }
  if (typeof data === 'number') return [String(data)];
  if (typeof data !== 'string' || data === '') return [];
  if (ISO_DATE.test(data)) return [formatChineseDate(data)];
  if (ISO_DATETIME.test(data)) return [formatChineseDateTime(data)];
  return [data];
}

/** pdftotext puts line breaks and layout spaces inside wrapped values; compare without them. */
const squash = (s: string) => s.replace(/\s+/g, '');

const names = Object.keys(templates) as TemplateName[];

describe.each(names)('%s as PDF', (name) => {
  let file: string;
  let text: string;
  let raw: string;

  beforeAll(async () => {
    const doc = renderSample(name);
    file = writeTemp(await htmlToPdf(page(), doc), `${name}.pdf`);
    text = pdfText(file);
    raw = pdfTextRaw(file);
  }, 30_000);

  it('shows every value of its data, in Chinese, intact', () => {
    expect(squash(text)).toContain(squash(t(templates[name].titleKey)));
    const flat = squash(raw);
    const missing = printedValues(name, sampleData[name]).filter((v) => !flat.includes(squash(v)));
    expect(missing).toEqual([]);
    // U+FFFD means a character was lost on the way to the PDF.
    expect(text).not.toContain('\uFFFD');
  });

  it('is on the right paper, one page, no blank page', () => {
    const info = pdfInfo(file);
    const paper = templates[name].paper;
    expect(info.widthMm).toBeCloseTo(paper.widthMm, 0);
    if (paper.heightMm !== null) expect(info.heightMm).toBeCloseTo(paper.heightMm, 0);
    expect(info.pages).toBe(1);
    expect(pageText(file, info.pages).trim()).not.toBe('');
  });

  it('embeds the bundled Noto Serif SC', () => {
    expect(pdfFonts(file)).toMatch(/NotoSerifSC/);
  });
});

describe('receipts keep personal data masked in the PDF', () => {
  it('has neither the full ID number nor the full phone', async () => {
    const file = writeTemp(await htmlToPdf(page(), renderSample('receiptThermal')));
    const flat = squash(pdfText(file));
    expect(flat).toContain(maskIdNumber(sampleData.receiptThermal.applicant.code));
    expect(flat).not.toContain(sampleData.receiptThermal.applicant.code);
    expect(flat).not.toContain(sampleData.receiptThermal.applicant.phone);
  });
});
