// Printing the 一次性告知单 of a saved session through the shared PrintDialog (preview, archive
// — as PDF where the host can make one —, print). The first print renders the paper; later prints resend the archived paper
// exactly as it was (recorded as a reprint). The archive has no case for a counselling session,
// so the print record is found by its paper type and the session number in its title.
import { useCallback, useState } from 'react';
import type { ArchiveFormat } from '../../../../electron/contract';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { appDb } from '../../data/stationDb';
import { getStation } from '../../data/station';
import type { PrintRecord } from '../../data/prints';
import { host } from '../../host';
import { templates } from '../../print';
import { currentActor } from '../../app/stores/sessionStore';
import { renderForPrint, reprintJob, type PrintJob } from '../printing/printService';
import { oneTimeNoticeData, type SavedSession } from './session';
import { officeOf, officerOf } from '../printing/office';

const DOC_TYPE = templates.oneTimeNotice.id;

/** The first print of the session's notice, if it was printed. */
export async function findNoticePrint(counsellingId: string): Promise<PrintRecord | undefined> {
  const rows = await appDb().files.where('caseId').equals('').toArray();
  return rows
    .filter((r) => r.kind === 'print')
    .map((r) => r.data as PrintRecord)
    .filter((p) => p.docType === DOC_TYPE && !p.reprintOf && p.title.includes(counsellingId))
    .sort((a, b) => a.printedAt.localeCompare(b.printedAt))[0];
}

export async function noticeJob(session: SavedSession, title: string): Promise<PrintJob> {
  const station = await getStation(appDb());
  // Official papers are printed in Chinese whatever the screen language.
  const zh = i18next.getFixedT('zh-CN', 'counselling');
  const data = oneTimeNoticeData({
    session,
    // The station records no office address or phone yet; the paper leaves them out.
    office: officeOf(station),
    officer: officerOf(session.clerk?.name ?? currentActor().name, station),
    texts: { deferrable: zh('notice.deferrable'), noName: zh('notice.noName') },
  });
  const doc = await renderForPrint(templates.oneTimeNotice, data);
  return { doc, docType: DOC_TYPE, title, kind: 'a4' };
}

export interface SavedNotice {
  format: ArchiveFormat;
  name: string;
}

export interface PrintState {
  jobs: PrintJob[];
  reprintOf?: string;
}

export function useOneTimePrint() {
  const { t } = useTranslation('counselling');
  const [printing, setPrinting] = useState<PrintState | null>(null);

  const print = useCallback(
    async (session: SavedSession) => {
      const first = await findNoticePrint(session.counsellingId);
      const again = first ? await reprintJob(first.archiveId) : undefined;
      if (first && again) {
        setPrinting({ jobs: [again], reprintOf: first.archiveId });
        return;
      }
      const title = t('print.jobTitle', { number: session.counsellingId });
      setPrinting({ jobs: [await noticeJob(session, title)] });
    },
    [t],
  );

  /**
   * Saves the archived notice where the clerk chooses (a download in the browser): its PDF, or
   * where the host could make none the page as printed. Answers the file's format and name, or
   * null when the notice was never printed.
   */
  const savePdf = useCallback(async (counsellingId: string): Promise<SavedNotice | null> => {
    const first = await findNoticePrint(counsellingId);
    if (!first) return null;
    const { meta, bytes } = await host.archiveGet({ id: first.archiveId });
    const name = `${counsellingId}.${meta.format}`;
    await host.filesSaveFile({ suggestedName: name, bytes });
    return { format: meta.format, name };
  }, []);

  return { printing, print, savePdf, close: () => setPrinting(null) };
}
