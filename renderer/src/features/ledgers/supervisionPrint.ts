// The weekly supervision ledger as a printed paper (templates.supervisionLedger), its data from
// supervisionPaper.ts.
import i18next from 'i18next';
import { loadCalendar } from '../../data/holidayCalendar';
import { getStation } from '../../data/station';
import { appDb } from '../../data/stationDb';
import type { SupervisionRow } from '../../data/ledgersQueries';
import { templates } from '../../print';
import { renderForPrint, type PrintJob } from '../printing/printService';
import { supervisionLedgerData } from './supervisionPaper';

export { supervisionLedgerData };

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
