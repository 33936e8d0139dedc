// Drafts that start from something recorded: a counselling session, or a case waiting for its
// intake decision after a supplement.
import { itemKey, type CaseState } from '../../domain';
import { defaultTick, emptyDraft, type IntakeDraft, type MaterialTick } from './draft';

interface CounsellingData {
  counsellingId: string;
  matterCodes: string[];
  answers: Record<string, string>;
  applicantName?: string;
  contactPhone?: string;
  notes?: string;
}

export function draftFromCounselling(data: CounsellingData): IntakeDraft {
  const d = emptyDraft();
  return {
    ...d,
    counsellingId: data.counsellingId,
    matterCode: data.matterCodes[0] ?? '',
    answers: { ...data.answers },
    hasAgent: data.answers['agent'] === 'yes',
    applicantName: data.applicantName ?? '',
    contactPhone: data.contactPhone ?? '',
  };
}

export function draftFromCase(state: CaseState): IntakeDraft {
  const i = state.intake;
  const a = i.applicant;
  const materials: Record<string, MaterialTick> = {};
  for (const m of i.materials) {
    materials[m.materialId] = { ...defaultTick(m.form, m.copies), ...m, note: '' };
  }
  // Items handed in as a supplement count as received and conforming now.
  const outstanding = new Set((state.supplement?.outstanding ?? []).map(itemKey));
  for (const item of state.supplement?.missing ?? []) {
    if (!item.materialId || outstanding.has(itemKey(item))) continue;
    const tick = materials[item.materialId] ?? defaultTick();
    materials[item.materialId] = { ...tick, received: true, conforming: true };
  }
  return {
    ...emptyDraft(),
    caseId: state.caseId,
    renewing: { caseNo: state.caseNo, version: state.version },
    counsellingId: i.counsellingId ?? null,
    applicantKind: a.kind,
    applicantName: a.name,
    creditCode: a.kind === 'enterprise' ? a.creditCode : '',
    idNumber: a.kind === 'person' ? a.idNumber : '',
    legalRepresentative: a.kind === 'enterprise' ? (a.legalRepresentative ?? '') : '',
    contactName: i.contact.name,
    contactPhone: i.contact.phone,
    hasAgent: !!i.agent,
    agentName: i.agent?.name ?? '',
    agentIdNumber: i.agent?.idNumber ?? '',
    agentPhone: i.agent?.phone ?? '',
    projectName: i.projectName,
    projectCode: i.projectCode ?? '',
    matterCode: i.matterCode,
    channel: i.channel,
    greenChannel: i.greenChannel,
    delivery: i.delivery,
    answers: { ...i.answers },
    materials,
    fields: { ...i.fields },
    override: i.creditCodeOverride ?? null,
  };
}
