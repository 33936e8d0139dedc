// From a case to its certificate: the form's fields per certificate type (catalogue), their
// values pre-filled from the case, and the print job with the signed QR payload. The number and
// date come from the recorded issue event, never from the form.
import {
  defaultCatalogue,
  type CaseState,
  type CertificateType,
  type CertificateTypeId,
  type FormField,
} from '../../domain';
import type { CertificateRecord } from '../../domain/caseState';
import {
  templates,
  type EngineeringPermitData,
  type LandUsePermitData,
  type Office,
  type RuralPermitData,
  type SiteSelectionData,
} from '../../print';
import { overlayValues } from '../../print/overlayLayouts';
import { renderDocumentInline } from '../../print/bundledFont';
import type { CertificateKind } from '../../print/templates/Certificates';
import type { Station } from '../../data/station';
import { host } from '../../host';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { certificatePaperOf } from '../printing/overlaySettings';
import type { PrintJob } from '../printing/printService';
import { signClaim } from './qrPayload';
import { officeOf } from '../printing/office';

export type CertificateValues = Record<string, string>;

/** Fields the system fills: the number at the moment of issue, the issuer and date from the record. */
const SYSTEM_FIELDS = new Set(['number', 'issuer', 'issuedOn']);

export function certificateTypeOf(state: CaseState): CertificateType | undefined {
  const id = state.certificate?.type ?? state.matter.certificateType;
  return defaultCatalogue.certificateTypes.find((c) => c.id === id);
}

export function editableFields(type: CertificateType): FormField[] {
  return type.fields.filter((f) => !SYSTEM_FIELDS.has(f.key));
}

/** Which printed layout a catalogue certificate uses (temporary permits share their parent's). */
export function printKindOf(id: CertificateTypeId | string): CertificateKind {
  switch (id) {
    case 'landUsePermit':
    case 'temporaryLandUsePermit':
      return 'landUse';
    case 'siteSelectionOpinion':
      return 'siteSelection';
    case 'ruralConstructionPermit':
      return 'rural';
    default:
      return 'engineering';
  }
}

/** The printed layout of the case's certificate (the issued one, else the matter's). */
export const printKindOfCase = (state: CaseState | null): CertificateKind =>
  printKindOf(state?.certificate?.type ?? state?.matter.certificateType ?? '');

const withUnit = (v: string | undefined, unit: string) => (v?.trim() ? `${v.trim()} ${unit}` : '');

/** The form pre-filled from what the case recorded at intake. */
export function prefillValues(state: CaseState): CertificateValues {
  const f = state.intake.fields;
  const holder = state.intake.applicant.name;
  const scale =
    f['scale'] ||
    [
      withUnit(f['floorArea'], '㎡'),
      f['storeys'] ? `${f['storeys']}层` : '',
      withUnit(f['landArea'], '㎡'),
    ]
      .filter(Boolean)
      .join('，');
  const all: CertificateValues = {
    builder: holder,
    landUser: holder,
    projectName: state.intake.projectName,
    projectCode: state.intake.projectCode ?? '',
    location: f['location'] ?? '',
    proposedLocation: f['location'] ?? '',
    scale,
    landArea: withUnit(f['landArea'], '㎡'),
    proposedLandArea: withUnit(f['landArea'], '㎡'),
    areaSqm: f['landArea'] ?? '',
    landUse: f['landUse'] ?? '',
    basis: f['basis'] ?? '',
    duration: f['duration'] ?? '',
    approvingAuthority: '',
    approvalDocNo: '',
    acquisition: state.intake.answers['landSource'] ?? '',
    attachments: '',
  };
  const type = certificateTypeOf(state);
  const out: CertificateValues = {};
  for (const field of type ? editableFields(type) : []) out[field.key] = all[field.key] ?? '';
  return out;
}

/** Required fields left empty (keys), so the form can name them. */
export function missingValues(type: CertificateType, values: CertificateValues): string[] {
  return editableFields(type)
    .filter((f) => f.required && !(values[f.key] ?? '').trim())
    .map((f) => f.key);
}

/** The signed QR text of a recorded certificate. */
export async function qrPayloadFor(cert: CertificateRecord, holder: string): Promise<string> {
  const { keyId } = await host.keysPublicKey({});
  return signClaim(
    { v: 1, no: cert.number, t: cert.type, h: holder, d: cert.issuedOn, k: keyId },
    (payload) => host.keysSign({ payload }),
  );
}

export const holderOf = (values: CertificateValues, state: CaseState) =>
  values['builder'] || values['landUser'] || state.intake.applicant.name;

/** What a certificate prints, per printed layout: the data of its template. */
export type CertificateContent =
  | { kind: 'engineering'; data: EngineeringPermitData }
  | { kind: 'landUse'; data: LandUsePermitData }
  | { kind: 'siteSelection'; data: SiteSelectionData }
  | { kind: 'rural'; data: RuralPermitData };

/**
 * The certificate's content from the recorded certificate (number, date), the form's values and
 * the office — one mapping for the full page and the overlay, so both print the same values.
 */
export function certificateContent(
  cert: CertificateRecord,
  values: CertificateValues,
  office: Office,
  qrPayload: string,
): CertificateContent {
  const v = (k: string) => values[k] ?? '';
  const base = {
    certNumber: cert.number,
    office,
    issuedOn: cert.issuedOn,
    attachments: v('attachments'),
    qrPayload,
  };
  const kind = printKindOf(cert.type);
  switch (kind) {
    case 'landUse':
      return {
        kind,
        data: {
          ...base,
          landUser: v('landUser'),
          projectName: v('projectName'),
          approvingAuthority: v('approvingAuthority'),
          approvalNumber: v('approvalDocNo'),
          location: v('location'),
          areaSqm: v('landArea'),
          landUse: v('landUse'),
          scale: v('scale'),
          acquisition: v('acquisition'),
        },
      };
    case 'siteSelection':
      return {
        kind,
        data: {
          ...base,
          projectName: v('projectName'),
          projectCode: v('projectCode'),
          builder: v('builder'),
          basis: v('basis'),
          location: v('proposedLocation'),
          areaSqm: v('proposedLandArea'),
          landClasses: '',
          scale: v('scale'),
        },
      };
    case 'rural':
      return {
        kind,
        data: {
          ...base,
          builder: v('builder'),
          projectName: v('projectName'),
          location: v('location'),
          scale: v('scale'),
          landUse: v('landUse'),
        },
      };
    default:
      return {
        kind,
        data: {
          ...base,
          builder: v('builder'),
          projectName: v('projectName'),
          location: v('location'),
          scale: v('scale'),
        },
      };
  }
}

/** The values an overlay prints for a certificate (its layout's field keys). */
export function overlayValuesOf(c: CertificateContent): Record<string, string> {
  switch (c.kind) {
    case 'landUse':
      return overlayValues.landUse(c.data);
    case 'siteSelection':
      return overlayValues.siteSelection(c.data);
    case 'rural':
      return overlayValues.rural(c.data);
    default:
      return overlayValues.engineering(c.data);
  }
}

/** The full-page certificate job, on the stock size configured for its layout. */
export async function certificateJob(
  state: CaseState,
  cert: CertificateRecord,
  values: CertificateValues,
  station: Station,
  title: string,
): Promise<PrintJob> {
  const qr = await qrPayloadFor(cert, holderOf(values, state));
  const content = certificateContent(cert, values, officeOf(station), qr);
  const settings = useSettingsStore.getState().settings;
  const options = { font: settings.printFont, paper: certificatePaperOf(settings, content.kind) };
  const doc = await (async () => {
    switch (content.kind) {
      case 'landUse':
        return renderDocumentInline(templates.landUsePermit, content.data, options);
      case 'siteSelection':
        return renderDocumentInline(templates.siteSelection, content.data, options);
      case 'rural':
        return renderDocumentInline(templates.ruralPermit, content.data, options);
      default:
        return renderDocumentInline(templates.engineeringPermit, content.data, options);
    }
  })();
  return { doc, docType: 'certificate', title, caseId: state.caseId, kind: 'a4' };
}

/**
 * Values of certificates issued before they were recorded in the event log: the issue screen kept
 * them in this browser only. Read as a fallback for reprints of those; nothing writes them now.
 */
const valuesKey = (caseId: string) => `onewindow.issuance.values.${caseId}`;

export function loadValues(caseId: string): CertificateValues | null {
  try {
    const raw = localStorage.getItem(valuesKey(caseId));
    return raw ? (JSON.parse(raw) as CertificateValues) : null;
  } catch {
    return null;
  }
}
