// The weekly supervision ledger's paper data (templates.supervisionLedger): open items and those
// that moved this week, with days left in working days and the traffic light. Pure: the print
// job (supervisionPrint.ts) renders it.
import i18next from 'i18next';
import {
  addCalendarDays,
  hallDateTime,
  isEstimated,
  toLocalDate,
  trafficLight,
  workingDaysLeft,
  type HolidayCalendar,
} from '../../domain';
import type { SupervisionRow } from '../../data/ledgersQueries';
import { weekOf } from '../../data/ledgers';
import type { SupervisionLedgerData } from '../../print';
import { ticketTitle } from './ticketTitle';
import { supervisionCells } from './supervisionCells';

export function supervisionLedgerData(
  rows: readonly SupervisionRow[],
  today: string,
  office: SupervisionLedgerData['office'],
  sourceLabel: (s: string) => string,
  now: Date,
  calendar?: HolidayCalendar,
): SupervisionLedgerData {
  const zh = i18next.getFixedT('zh-CN', 'ledgers');
  const weekStart = weekOf(today);
  const weekEnd = addCalendarDays(weekStart, 4);
  const shown = rows.filter(
    (r) => r.data.status === 'open' || r.data.progress.some((p) => p.week === weekStart),
  );
  return {
    office,
    weekStart,
    weekEnd,
    // Local wall-clock time in the hall, as the template prints it.
    generatedAt: hallDateTime(now),
    rows: shown.map((r) => {
      const d = r.data;
      // Across a year without holiday data the days are counted Monday to Friday and printed
      // as an estimate.
      const left = workingDaysLeft(d.dueDate, today, calendar);
      const latest = d.progress[d.progress.length - 1];
      const cells = supervisionCells(zh, r, 'zh-CN');
      return {
        // A follow-up by its kind and case or ticket (never its row id); ours by its case, if any.
        caseNumber: r.followUp ? cells.number : d.caseNumber || cells.number,
        applicant: cells.applicant,
        // A ticket served without a case: its number and business (in Chinese, as the paper).
        matter: r.ticket ? ticketTitle(i18next.getFixedT('zh-CN'), r.ticket) : cells.title,
        // The column is the day the item entered the ledger (follow-ups: the week printed).
        acceptedOn: r.item ? toLocalDate(new Date(r.item.createdAt)) : weekStart,
        dueDate: d.dueDate,
        daysLeft: left,
        daysLeftEstimated: isEstimated(today, d.dueDate, calendar),
        light: trafficLight(d.dueDate, today, undefined, calendar),
        stage: sourceLabel(d.source),
        responsible: `${cells.department} ${cells.person}`,
        note: latest ? `${latest.week} ${latest.note}` : '',
      };
    }),
  };
}
