// The kiosk's queue ticket (排队小票) on the 80 mm roll, through Chromium to PDF and read back with
// poppler: the exact lines a person reads, the paper width, one page, and no personal data.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../../renderer/src/print/render';
import { templates } from '../../../../renderer/src/print/templates';
import { queueTicketSample } from '../../../../renderer/src/print/samples';
import type { QueueTicketData } from '../../../../renderer/src/print/types';
import { ticketData, type IssuedTicket } from '../../../../renderer/src/features/floor/screenModel';
import { qrSvg } from '../../../../renderer/src/print/qr';
import { htmlToPdf } from '../../../print/chromium';
import { chromiumPageForTests } from '../../../print/chromiumPage';
import { nodeFontSource } from '../../../print/nodeFontSource';
import { pdfInfo, pdfTextRaw, writeTemp } from '../../../print/pdfTools';

const page = chromiumPageForTests();

async function ticketPdf(data: QueueTicketData, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return (await ticketDoc(data, locale)).file;
}

async function ticketDoc(data: QueueTicketData, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const doc = renderDocument(templates.queueTicket, data, { locale, fontSource: nodeFontSource() });
  return { html: doc.html, file: writeTemp(await htmlToPdf(page(), doc), 'ticket.pdf') };
}

/** The printed lines in reading order (pdftotext -raw), each trimmed, runs of spaces made one. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim().replace(/\s{2,}/g, ' '))
    .filter(Boolean);

describe('the queue ticket', () => {
  it('prints number, business, green channel, people ahead and the hall time, in Chinese', async () => {
    const file = await ticketPdf(queueTicketSample);
    expect(lines(pdfTextRaw(file))).toEqual([
      '郑州市惠济区自然资源和规划局',
      '排队取号凭条',
      'C007',
      '受理 · 工程建设许可',
      '绿色通道',
      '请向大厅引导员出示绿色通道通行证',
      '前面等候 3人',
      '取号时间 2026年11月3日 09:42',
      '扫码查看排队进度',
      '请留意大屏和语音叫号，叫到号后请到对应窗口办理。',
      '过号请向大厅引导员咨询。本凭条当日有效。',
    ]);
    const info = pdfInfo(file);
    expect(info.widthMm).toBeCloseTo(80, 0);
    expect(info.pages).toBe(1);
    // A roll ticket: short, not an A4 sheet.
    expect(info.heightMm).toBeLessThan(140);
  }, 30_000);

  it('an ordinary ticket has no green-channel lines, and no office line when none is set', async () => {
    const file = await ticketPdf({
      ...queueTicketSample,
      officeName: '',
      number: 'A023',
      business: 'counselling',
      green: false,
      waitingAhead: 0,
    });
    const text = lines(pdfTextRaw(file));
    expect(text.slice(0, 4)).toEqual(['排队取号凭条', 'A023', '咨询 · 一次性告知', '前面等候 0人']);
    expect(text.join('\n')).not.toContain('绿色通道');
  }, 30_000);

  it('prints no QR code where the office has no follow-the-queue page', async () => {
    const file = await ticketPdf({ ...queueTicketSample, qrPayload: null });
    const text = lines(pdfTextRaw(file));
    expect(text).not.toContain('扫码查看排队进度');
    expect(text.at(-3)).toBe('取号时间 2026年11月3日 09:42');
  }, 30_000);

  it('prints in English when the applicant chose English at the kiosk', async () => {
    const file = await ticketPdf(queueTicketSample, 'en');
    const text = lines(pdfTextRaw(file));
    // The pass sentence wraps on the 72 mm printable width.
    expect(text.slice(1, 8)).toEqual([
      'Queue Ticket',
      'C007',
      'Intake · construction permit',
      'Green channel',
      'Please show your green-channel pass to',
      'the hall guide',
      'Waiting ahead 3',
    ]);
    expect(text).toContain('Issued at 3 Nov 2026 09:42');
  }, 30_000);

  describe('the QR code the kiosk puts on it (docs/floor.md)', () => {
    const id = 'tk-0b5c2a7e-3f1d-4c8e-9a6b-1d2e3f4a5b6c';
    const issued: IssuedTicket = {
      waitingAhead: 2,
      ticket: {
        id,
        number: 'A023',
        business: 'counselling',
        green: false,
        day: '2026-12-01',
        issuedAt: '2026-12-01T01:42:00Z',
        issuedBy: 'QH01',
        status: 'waiting',
        calls: [],
        rev: 4,
      },
    };
    const office = (website: string) => ({ name: '郑州市惠济区自然资源和规划局', website });
    const caption = '扫码查看排队进度';

    it('opens the hall’s page where the hall tells its public address', async () => {
      const data = ticketData(
        issued,
        office('https://hjzrzy.example.gov.cn'),
        'https://dt.example.gov.cn/hall/',
      );
      expect(data.qrPayload).toBe(`https://dt.example.gov.cn/hall/q/${id}`);
      const { html, file } = await ticketDoc(data);
      // The code on the paper is the code of that address (the same matrix).
      expect(html).toContain(qrSvg(`https://dt.example.gov.cn/hall/q/${id}`, 24));
      const text = lines(pdfTextRaw(file));
      expect(text.slice(-3)).toEqual([
        caption,
        '请留意大屏和语音叫号，叫到号后请到对应窗口办理。',
        '过号请向大厅引导员咨询。本凭条当日有效。',
      ]);
      expect(text).toContain('取号时间 2026年12月1日 09:42');
    }, 30_000);

    it('falls back to the office website without a public address', async () => {
      const data = ticketData(issued, office('https://hjzrzy.example.gov.cn/q'));
      expect(data.qrPayload).toBe(`https://hjzrzy.example.gov.cn/q?ticket=${id}`);
      const { html, file } = await ticketDoc(data);
      expect(html).toContain(qrSvg(`https://hjzrzy.example.gov.cn/q?ticket=${id}`, 24));
      expect(lines(pdfTextRaw(file))).toContain(caption);
    }, 30_000);

    it('prints neither a code nor its caption with neither', async () => {
      const data = ticketData(issued, office(''));
      expect(data.qrPayload).toBeNull();
      const { html, file } = await ticketDoc(data);
      expect(html).not.toContain('<svg');
      const text = lines(pdfTextRaw(file));
      expect(text).not.toContain(caption);
      expect(text.at(-3)).toBe('取号时间 2026年12月1日 09:42');
    }, 30_000);
  });
});
