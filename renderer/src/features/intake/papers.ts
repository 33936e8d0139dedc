// The papers an intake decision prints, filled from the case as recorded (never from the form):
// accept → 受理通知书 + 收件回执; 容缺 → the same with the promised items and due date;
// supplement → 补正材料通知书 naming every missing item; refuse → 不予受理通知书.
import {
  CHINA_TZ_OFFSET_MINUTES,
  caseQrPayload,
  deadlinesOf,
  defaultCatalogue,
  findMatter,
  materialsFor,
  type CaseState,
} from '../../domain';
import { templates, type Party, type ReceivedMaterial } from '../../print';
import { officeGaps, officeOf, officerOf, progressQueryOf, remediesOf } from '../printing/office';
import { allocateDocumentNumber } from '../../data/documents';
import { loadCalendar } from '../../data/holidayCalendar';
import type { Station } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { currentActor } from '../../app/stores/sessionStore';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { renderForPrint, type PrintJob } from '../printing/printService';

function partyOf(state: CaseState): Party {
  const a = state.intake.applicant;
  return {
    kind: a.kind,
    name: a.name,
    code: a.kind === 'enterprise' ? a.creditCode : a.idNumber,
    contact: state.intake.contact.name,
    phone: state.intake.contact.phone,
  };
}

function receivedMaterials(state: CaseState): ReceivedMaterial[] {
  const matter = findMatter(defaultCatalogue, state.matter.code);
  const byId = new Map(
    (matter ? materialsFor(matter, state.intake.answers) : []).map((i) => [i.id, i.name]),
  );
  return state.intake.materials
    .filter((m) => m.received)
    .map((m) => ({
      name: byId.get(m.materialId) ?? m.materialId,
      form: m.form,
      copies: m.copies,
      pages: m.pages,
    }));
}

const REFUSAL_KIND = {
  noLicenceNeeded: 'no_licence_needed',
  outsideRemit: 'outside_remit',
  falseMaterials: 'false_materials',
  other: 'other',
} as const;

export async function intakePapers(
  state: CaseState,
  station: Station,
  title: (key: string) => string,
): Promise<PrintJob[]> {
  const actor = currentActor();
  const officer = officerOf(actor.name, station);
  const db = appDb();
  const base = {
    caseNumber: state.caseNo,
    office: officeOf(station),
    issuedOn: state.receivedOn,
    applicant: partyOf(state),
    matterName: state.matter.name,
    applicationDate: state.receivedOn,
    officer,
  };
  const caseId = state.caseId;
  const jobs: PrintJob[] = [];

  if (state.status === 'review' && state.acceptedOn) {
    const calendar = (await loadCalendar(db)).calendar;
    // The clock as the case state has it (at acceptance: no suspension, no extension yet).
    const d = deadlinesOf(state, state.acceptedOn, calendar);
    if (!d) throw new Error('An accepted case has a clock');
    // A date counted across a year without holiday data is only an estimate: not printed.
    const promisedDueDate = d.estimated.promised ? {} : { promisedDueDate: d.promisedDueOn };
    const docNumber = await allocateDocumentNumber(db, 'acceptance', caseId, actor);
    const deficiency = state.deficiencies
      ? { items: state.deficiencies.items.map((i) => i.name), dueDate: state.deficiencies.dueOn }
      : undefined;
    jobs.push({
      doc: await renderForPrint(templates.acceptanceNotice, {
        ...base,
        docNumber,
        acceptedOn: state.acceptedOn,
        materials: receivedMaterials(state),
        legalLimitDays: state.matter.legalDays,
        promisedLimitDays: state.matter.promisedDays,
        ...promisedDueDate,
        delivery: state.intake.delivery,
        progressQuery: progressQueryOf(station),
        ...(deficiency ? { deficiency } : {}),
      }),
      docType: 'acceptanceNotice',
      title: title('paper.acceptanceNotice'),
      caseId,
      kind: 'a4',
    });
    const thermal = !!useSettingsStore.getState().settings.printers.receipt;
    const receipt = {
      caseNumber: state.caseNo,
      office: base.office,
      applicant: base.applicant,
      matterName: state.matter.name,
      // The hall's wall clock (Beijing time), whatever zone the PC is set to.
      receivedAt: `${state.receivedOn}T${new Date(Date.now() + CHINA_TZ_OFFSET_MINUTES * 60_000).toISOString().slice(11, 16)}`,
      channel: state.intake.channel,
      materials: receivedMaterials(state),
      ...promisedDueDate,
      promisedLimitDays: state.matter.promisedDays,
      officer,
      qrPayload: caseQrPayload(state.caseNo),
    };
    jobs.push({
      doc: thermal
        ? await renderForPrint(templates.receiptThermal, receipt)
        : await renderForPrint(templates.receiptA4, receipt),
      docType: thermal ? 'receiptThermal' : 'receiptA4',
      title: title('paper.receipt'),
      caseId,
      kind: thermal ? 'receipt' : 'a4',
    });
  } else if (state.status === 'supplementRequested' && state.supplement) {
    const docNumber = await allocateDocumentNumber(db, 'supplement', caseId, actor);
    jobs.push({
      doc: await renderForPrint(templates.supplementNotice, {
        ...base,
        docNumber,
        items: state.supplement.missing.map((i) => ({
          name: i.name,
          requirement: i.standard ?? '',
        })),
        ...(state.supplement.dueOn ? { dueDate: state.supplement.dueOn } : {}),
      }),
      docType: 'supplementNotice',
      title: title('paper.supplementNotice'),
      caseId,
      kind: 'a4',
    });
  } else if (state.status === 'refused' && state.refusal) {
    const docNumber = await allocateDocumentNumber(db, 'refusal', caseId, actor);
    const r = state.refusal;
    const kind = REFUSAL_KIND[r.ground];
    jobs.push({
      doc: await renderForPrint(templates.refusalNotice, {
        ...base,
        docNumber,
        reason:
          kind === 'outside_remit'
            ? { kind, detail: r.detail, rightAgency: r.rightAgency ?? '' }
            : { kind, detail: r.detail },
        remedies: remediesOf(station),
      }),
      docType: 'refusalNotice',
      title: title('paper.refusalNotice'),
      caseId,
      kind: 'a4',
    });
  }
  const gaps = officeGaps(
    station,
    jobs.map((j) => j.docType),
  );
  return gaps.length > 0 ? jobs.map((j) => ({ ...j, gaps })) : jobs;
}
