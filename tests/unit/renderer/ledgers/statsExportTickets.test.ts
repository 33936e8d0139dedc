// The monthly .xlsx with the ratings of tickets: a ticket served without a case and a case's
// rating naming its ticket count in the floor's tables (ratings and the bad-rating rate, a real
// percentage) and in the office's total, exactly as the screen shows them.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import { ticketLinkedRatings } from '../../../../renderer/src/domain/floor/figures';
import type { Ticket } from '../../../../renderer/src/domain/floor/types';
import { monthlyFigures } from '../../../../renderer/src/domain/stats';
import { rank } from '../../../../renderer/src/domain/statsRanking';
import type { TicketRating } from '../../../../renderer/src/domain/ticketRating';
import { floorSheets } from '../../../../renderer/src/features/queue/floorTables';
import { statsSheets, type TableLabels } from '../../../../renderer/src/features/stats/statsTable';
import {
  HEADER_ROW,
  PERCENT_FORMAT,
  statsWorkbook,
} from '../../../../renderer/src/features/stats/statsXlsx';
import { decided, rating, statsCase } from './statsFixtures';

// Keys as words: the sheet and column names are the i18n keys (the screen's words are tested in e2e).
const t = ((key: string) => key.replace(/^queue:stats\./, '')) as unknown as TFunction;

const ticket = (id: string, business: Ticket['business'], clerk: string): Ticket => ({
  id,
  number: `A00${id}`,
  business,
  green: false,
  day: '2026-02-10',
  issuedAt: '2026-02-10T01:00:00.000Z',
  issuedBy: 'QH01',
  status: 'done',
  calls: [{ at: '2026-02-10T01:05:00.000Z', window: 'HJ01', clerkId: clerk }],
  servingFrom: '2026-02-10T01:06:00.000Z',
  finishedAt: '2026-02-10T01:16:00.000Z',
  rev: 1,
});

const place = (ticketId: string) => ({
  window: 'HJ01',
  clerkId: 'u1',
  clerkName: '陈静',
  ticketId,
});
const byTicket = (id: string, ticketId: string, bad: boolean): TicketRating => ({
  ratingId: id,
  ticket: { ticketId, number: `A00${ticketId}`, business: 'enquiry' },
  channel: 'device',
  overall: bad ? 2 : 4,
  bad,
  on: '2026-02-10',
  place: place(ticketId),
});

describe('the .xlsx counts ticket ratings', () => {
  it('in the floor tables and the office total, with the bad-rating rate as a percentage', async () => {
    const cases = [
      statsCase('陈静', {
        caseId: 'a',
        acceptedOn: '2026-02-10',
        ...decided('2026-02-11'),
        ratings: [{ ...rating('2026-02-10', false), place: place('1') }],
      }),
    ];
    const ticketRatings = [byTicket('r2', '2', true), byTicket('r3', '3', false)];
    const m = monthlyFigures(cases, { month: '2026-02', today: '2026-03-01', ticketRatings });
    const labels = {
      total: '全局',
      byDepartment: '按科室',
      byClerk: '按人员',
      ranking: '排名',
      office: '全局合计',
      unknownClerk: '（未知）',
      none: '—',
      col: Object.fromEntries(
        ['name', 'department', 'rank', 'list', 'takenIn', 'concluded', 'onTimeRate']
          .concat(['averageWorkingDays', 'overdue', 'suspended', 'greenChannel', 'badRatingRate'])
          .map((k) => [k, k]),
      ),
      list: { red: '红榜', black: '黑榜' },
    } as TableLabels;
    const floor = floorSheets(
      {
        tickets: [
          ticket('1', 'intakeEngineering', 'u1'),
          ticket('2', 'enquiry', 'u1'),
          ticket('3', 'enquiry', 'u1'),
        ],
        offline: false,
        settings: null,
        userNames: new Map([['u1', '陈静']]),
      },
      '2026-02',
      t,
      ticketLinkedRatings(
        cases.map((c) => c.state.ratings),
        ticketRatings,
      ),
    );
    const sheets = [...statsSheets(m, rank(m.byClerk), labels), ...floor];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (
        await statsWorkbook(
          { title: '效能统计', office: '惠济', month: '2026年2月', definitions: '口径' },
          sheets,
        )
      ).buffer as ArrayBuffer,
    );
    const values = (name: string, row: number) =>
      (wb.getWorksheet(name)!.getRow(HEADER_ROW + row).values as unknown[]).slice(1);
    // The office: 3 ratings (the case's and two tickets'), one bad.
    expect(values('全局', 1).at(-1)).toBe(1 / 3);
    expect(
      wb
        .getWorksheet('全局')!
        .getRow(HEADER_ROW + 1)
        .getCell(9).numFmt,
    ).toBe(PERCENT_FORMAT);
    expect(m.total.ratings).toBe(3);
    // Per business: enquiry has the two tickets' ratings, one bad; intake the case's.
    expect(values('byBusiness', 0)).toEqual([
      'col.business',
      'col.issued',
      'col.served',
      'col.noShows',
      'col.waiting',
      'col.serving',
      'col.ratings',
      'col.badRatingRate',
    ]);
    expect(values('byBusiness', 1)).toEqual(['queue:business.enquiry', 2, 2, 0, 5, 10, 2, 0.5]);
    expect(values('byBusiness', 2)).toEqual([
      'queue:business.intakeEngineering',
      1,
      1,
      0,
      5,
      10,
      1,
      0,
    ]);
    expect(values('byBusiness', 3)).toEqual(['total', 3, 3, 0, 5, 10, 3, 1 / 3]);
    const ws = wb.getWorksheet('byBusiness')!;
    expect(ws.getRow(HEADER_ROW + 1).getCell(8).numFmt).toBe(PERCENT_FORMAT);
    expect(values('byClerk', 1)).toEqual(['陈静', 3, 3, 0, 5, 10, 3, 1 / 3]);
  });
});
