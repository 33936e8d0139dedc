// Print jobs of the approval notices: a document number allocated against the case (so every
// number on paper is traced), the template rendered, and the job handed to PrintDialog.
import { toLocalDate, type CaseState } from '../../domain';
import { templates } from '../../print';
import { allocateDocumentNumber } from '../../data/documents';
import { loadCalendar } from '../../data/holidayCalendar';
import { getStation, type Station } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { currentActor } from '../../app/stores/sessionStore';
import { renderForPrint, type PrintJob } from '../printing/printService';
import {
  denialData,
  extensionData,
  resumptionData,
  specialProcedureData,
  type NoticeContext,
} from './noticeData';
import { officeGaps, officeOf, officerOf, remediesOf } from '../printing/office';

export type ApprovalPaper =
  | { kind: 'suspension'; expectedDays: number }
  | { kind: 'resumption' }
  | { kind: 'extension' }
  | { kind: 'denial'; legalBasis: string };

async function contextFor(
  state: CaseState,
  type: 'suspension' | 'resumption' | 'extension' | 'denial',
): Promise<NoticeContext & { station: Station }> {
  const db = appDb();
  const station = await getStation(db);
  if (!station) throw new Error('no_station');
  const actor = currentActor();
  const docNumber = await allocateDocumentNumber(db, type, state.caseId, actor);
  return {
    docNumber,
    calendar: (await loadCalendar(db)).calendar,
    office: officeOf(station),
    officer: officerOf(actor.name, station),
    issuedOn: toLocalDate(new Date()),
    station,
  };
}

async function render(
  state: CaseState,
  paper: ApprovalPaper,
): Promise<Pick<PrintJob, 'doc' | 'docType' | 'gaps'>> {
  const ctx = await contextFor(state, paper.kind);
  const job = async <D>(
    docType: string,
    template: Parameters<typeof renderForPrint<D>>[0],
    data: D,
  ) => {
    const gaps = officeGaps(ctx.station, [docType]);
    return {
      doc: await renderForPrint(template, data),
      docType,
      ...(gaps.length > 0 ? { gaps } : {}),
    };
  };
  switch (paper.kind) {
    case 'suspension':
      return job(
        'specialProcedureNotice',
        templates.specialProcedureNotice,
        specialProcedureData(state, ctx, paper.expectedDays),
      );
    case 'resumption':
      return job('resumptionNotice', templates.resumptionNotice, resumptionData(state, ctx));
    case 'extension':
      return job('extensionNotice', templates.extensionNotice, extensionData(state, ctx));
    case 'denial':
      return job(
        'denialDecision',
        templates.denialDecision,
        denialData(state, ctx, paper.legalBasis, remediesOf(ctx.station)),
      );
  }
}

export async function approvalPaper(
  state: CaseState,
  paper: ApprovalPaper,
  title: string,
): Promise<PrintJob> {
  return { ...(await render(state, paper)), title, caseId: state.caseId, kind: 'a4' };
}
