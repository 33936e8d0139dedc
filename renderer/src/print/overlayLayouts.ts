// Default overlay layouts of the four certificates and how their data maps onto the fields.
// Positions are first guesses on A4 portrait stock; an administrator measures the real
// pre-printed form and edits them (the layout is stored as data, not code).
import type { CertificateKind } from './templates/Certificates';
import type { OverlayField, OverlayLayout } from './overlay';
import { formatChineseDate } from './chineseDate';
import type {
  EngineeringPermitData,
  LandUsePermitData,
  RuralPermitData,
  SiteSelectionData,
} from './types';

const A4 = { widthMm: 210, heightMm: 297 };

/** A column of values right of the printed labels, one row every `stepMm`. */
function column(keys: string[], top: number, stepMm: number): OverlayField[] {
  return keys.map((key, i) => ({
    key,
    xMm: 62,
    yMm: top + i * stepMm,
    widthMm: 128,
    fontSizePt: 12,
  }));
}

const header = (): OverlayField[] => [
  { key: 'certNumber', xMm: 120, yMm: 58, widthMm: 70, fontSizePt: 12 },
];

const footer = (top: number): OverlayField[] => [
  { key: 'office', xMm: 120, yMm: top, widthMm: 75, fontSizePt: 12 },
  { key: 'issuedOn', xMm: 120, yMm: top + 9, widthMm: 60, fontSizePt: 12 },
  { key: 'qr', xMm: 22, yMm: top - 8, widthMm: 24, fontSizePt: 12, kind: 'qr' },
];

export const defaultOverlayLayouts: Record<CertificateKind, OverlayLayout> = {
  engineering: {
    paper: A4,
    fields: [
      ...header(),
      ...column(['builder', 'projectName', 'location', 'scale', 'attachments'], 90, 18),
      ...footer(238),
    ],
  },
  landUse: {
    paper: A4,
    fields: [
      ...header(),
      ...column(
        [
          'landUser',
          'projectName',
          'approvingAuthority',
          'approvalNumber',
          'location',
          'areaSqm',
          'landUse',
          'scale',
          'acquisition',
          'attachments',
        ],
        84,
        14,
      ),
      ...footer(238),
    ],
  },
  siteSelection: {
    paper: A4,
    fields: [
      ...header(),
      ...column(
        [
          'projectName',
          'projectCode',
          'builder',
          'basis',
          'location',
          'area',
          'scale',
          'attachments',
        ],
        84,
        17,
      ),
      ...footer(238),
    ],
  },
  rural: {
    paper: A4,
    fields: [
      ...header(),
      ...column(['builder', 'projectName', 'location', 'landUse', 'scale', 'attachments'], 90, 17),
      ...footer(238),
    ],
  },
};

type Common = {
  certNumber: string;
  office: { name: string };
  issuedOn: string;
  attachments: string;
  qrPayload: string;
};

const common = (d: Common) => ({
  certNumber: d.certNumber,
  office: d.office.name,
  issuedOn: formatChineseDate(d.issuedOn),
  attachments: d.attachments,
  qr: d.qrPayload,
});

export const overlayValues = {
  engineering: (d: EngineeringPermitData) => ({
    ...common(d),
    builder: d.builder,
    projectName: d.projectName,
    location: d.location,
    scale: d.scale,
  }),
  landUse: (d: LandUsePermitData) => ({
    ...common(d),
    landUser: d.landUser,
    projectName: d.projectName,
    approvingAuthority: d.approvingAuthority,
    approvalNumber: d.approvalNumber,
    location: d.location,
    areaSqm: d.areaSqm,
    landUse: d.landUse,
    scale: d.scale,
    acquisition: d.acquisition,
  }),
  siteSelection: (d: SiteSelectionData) => ({
    ...common(d),
    projectName: d.projectName,
    projectCode: d.projectCode,
    builder: d.builder,
    basis: d.basis,
    location: d.location,
    // No land-class detail recorded (the issuance form has none): no empty （）.
    area: d.landClasses ? `${d.areaSqm}（${d.landClasses}）` : d.areaSqm,
    scale: d.scale,
  }),
  rural: (d: RuralPermitData) => ({
    ...common(d),
    builder: d.builder,
    projectName: d.projectName,
    location: d.location,
    landUse: d.landUse,
    scale: d.scale,
  }),
} satisfies Record<CertificateKind, (d: never) => Record<string, string>>;
