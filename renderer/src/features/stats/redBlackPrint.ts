// The monthly 红黑榜 as a printed paper (templates.redBlackList).
import i18next from 'i18next';
import type { MonthlyFigures } from '../../domain/stats';
import type { Ranking } from '../../domain/statsRanking';
import { getStation } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { templates } from '../../print';
import { redBlackData } from './redBlackData';
import { renderForPrint, type PrintJob } from '../printing/printService';

export async function redBlackJob(
  m: MonthlyFigures,
  ranking: Ranking,
  today: string,
): Promise<PrintJob> {
  const station = await getStation(appDb());
  // Official papers are printed in Chinese whatever the screen language.
  const zh = i18next.getFixedT('zh-CN', 'stats');
  const doc = await renderForPrint(
    templates.redBlackList,
    redBlackData(station, m, ranking, today, zh('unknownClerk')),
  );
  return {
    doc,
    docType: templates.redBlackList.id,
    title: zh('printTitle', { month: m.month }),
    kind: 'a4',
  };
}
