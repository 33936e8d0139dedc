// The monthly 红黑榜 as a printed paper (templates.redBlackList).
import i18next from 'i18next';
import type { MonthlyFigures } from '../../domain/stats';
import type { Ranking, RankedRow } from '../../domain/statsRanking';
import { getStation } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { templates, type RankingRow } from '../../print';
import { renderForPrint, type PrintJob } from '../printing/printService';
import { officeOf } from '../printing/office';

const rowOf = (r: RankedRow, unknown: string): RankingRow => ({
  name: r.row.name || unknown,
  department: r.row.department,
  cases: r.row.takenIn,
  onTimeRate: r.row.onTimeRate ?? 0,
  averageDays: Math.round((r.row.averageWorkingDays ?? 0) * 10) / 10,
  overdue: r.row.overdue,
});

export async function redBlackJob(
  m: MonthlyFigures,
  ranking: Ranking,
  today: string,
): Promise<PrintJob> {
  const station = await getStation(appDb());
  // Official papers are printed in Chinese whatever the screen language.
  const zh = i18next.getFixedT('zh-CN', 'stats');
  const doc = await renderForPrint(templates.redBlackList, {
    office: officeOf(station),
    month: m.month,
    generatedOn: today,
    red: ranking.red.map((r) => rowOf(r, zh('unknownClerk'))),
    black: ranking.black.map((r) => rowOf(r, zh('unknownClerk'))),
  });
  return {
    doc,
    docType: templates.redBlackList.id,
    title: zh('printTitle', { month: m.month }),
    kind: 'a4',
  };
}
