// The monthly 红黑榜 paper's data (templates.redBlackList): the figures, the ranking and the
// office — nothing of the station that prints it, so every station prints the same paper.
import type { MonthlyFigures } from '../../domain/stats';
import type { Ranking, RankedRow } from '../../domain/statsRanking';
import type { RankingRow, RedBlackListData } from '../../print';
import type { Station } from '../../data/station';
import { officeOf } from '../printing/office';

const rowOf = (r: RankedRow, unknown: string): RankingRow => ({
  name: r.row.name || unknown,
  department: r.row.department,
  cases: r.row.takenIn,
  onTimeRate: r.row.onTimeRate ?? 0,
  averageDays: Math.round((r.row.averageWorkingDays ?? 0) * 10) / 10,
  overdue: r.row.overdue,
});

export function redBlackData(
  station: Station | null,
  m: MonthlyFigures,
  ranking: Ranking,
  today: string,
  unknownClerk: string,
): RedBlackListData {
  return {
    office: officeOf(station),
    month: m.month,
    generatedOn: today,
    red: ranking.red.map((r) => rowOf(r, unknownClerk)),
    black: ranking.black.map((r) => rowOf(r, unknownClerk)),
  };
}
