// The weekly supervision ledger as a printed paper (templates.supervisionLedger): open items and
// those that moved this week, with days left in working days and the traffic light.
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
import { loadCalendar } from '../../data/holidayCalendar';
import { getStation } from '../../data/station';
import { appDb } from '../../data/stationDb';
import type { SupervisionRow } from '../../data/ledgersQueries';
import { weekOf } from '../../data/ledgers';
import { templates, type SupervisionLedgerData } from '../../print';
import { renderForPrint, type PrintJob } from '../printing/printService';
import { ticketTitle } from './ticketTitle';

export function supervisionLedgerData(
  rows: readonly SupervisionRow[],
  today: string,
  office: SupervisionLedgerData['office'],
  sourceLabel: (s: string) => string,
  now: Date,
  calendar?: HolidayCalendar,
): SupervisionLedgerData {
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
      return {
        caseNumber: d.caseNumber || d.number,
        applicant: d.enterpriseName,
        // A ticket served without a case: its number and business (in Chinese, as the paper).
        matter: r.ticket ? ticketTitle(i18next.getFixedT('zh-CN'), r.ticket) : d.title,
        // The column is the day the item entered the ledger (follow-ups: the week printed).
        acceptedOn: r.item ? toLocalDate(new Date(r.item.createdAt)) : weekStart,
        dueDate: d.dueDate,
        daysLeft: left,
        daysLeftEstimated: isEstimated(today, d.dueDate, calendar),
        light: trafficLight(d.dueDate, today, undefined, calendar),
        stage: sourceLabel(d.source),
        responsible: `${d.department} ${d.person}`.trim(),
        note: latest ? `${latest.week} ${latest.note}` : '',
      };
    }),
  };
}

export async function supervisionJob(
  rows: readonly SupervisionRow[],
  today: string,
): Promise<PrintJob> {
  const station = await getStation(appDb());
  // Official papers are printed in Chinese whatever the screen language.
  const zh = i18next.getFixedT('zh-CN', 'ledgers');
  const data = supervisionLedgerData(
    rows,
    today,
    { name: station?.officeName ?? '', address: '', phone: '' },
    (s) => zh(`source.${s}`),
    new Date(),
    (await loadCalendar(appDb())).calendar,
  );
  const doc = await renderForPrint(templates.supervisionLedger, data);
  return {
    doc,
    docType: templates.supervisionLedger.id,
    title: zh('supervision.printTitle', { week: data.weekStart }),
    kind: 'a4',
  };
}
