// Print jobs of the approval notices: a document number allocated against the case (so every
// number on paper is traced), the template rendered, and the job handed to PrintDialog.
import { toLocalDate, type CaseState } from '../../domain';
import { templates, type Remedies } from '../../print';
import { allocateDocumentNumber } from '../../data/documents';
import { loadCalendar } from '../../data/holidayCalendar';
import { getStation } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { currentActor } from '../../app/sessionStore';
import { renderForPrint, type PrintJob } from '../printing/printService';
import { denialData, extensionData, specialProcedureData, type NoticeContext } from './noticeData';
import { officeOf, officerOf } from '../printing/office';

export type ApprovalPaper =
  | { kind: 'suspension'; expectedDays: number }
  | { kind: 'extension' }
  | { kind: 'denial'; legalBasis: string; remedies: Remedies };

async function contextFor(
  state: CaseState,
  type: 'suspension' | 'extension' | 'denial',
): Promise<NoticeContext> {
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
  };
}

export async function approvalPaper(
  state: CaseState,
  paper: ApprovalPaper,
  title: string,
): Promise<PrintJob> {
  const caseId = state.caseId;
  switch (paper.kind) {
    case 'suspension': {
      const ctx = await contextFor(state, 'suspension');
      return {
        doc: await renderForPrint(
          templates.specialProcedureNotice,
          specialProcedureData(state, ctx, paper.expectedDays),
        ),
        docType: 'specialProcedureNotice',
        title,
        caseId,
        kind: 'a4',
      };
    }
    case 'extension': {
      const ctx = await contextFor(state, 'extension');
      return {
        doc: await renderForPrint(templates.extensionNotice, extensionData(state, ctx)),
        docType: 'extensionNotice',
        title,
        caseId,
        kind: 'a4',
      };
    }
    case 'denial': {
      const ctx = await contextFor(state, 'denial');
      return {
        doc: await renderForPrint(
          templates.denialDecision,
          denialData(state, ctx, paper.legalBasis, paper.remedies),
        ),
        docType: 'denialDecision',
        title,
        caseId,
        kind: 'a4',
      };
    }
  }
}
