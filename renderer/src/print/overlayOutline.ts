// A faint outline of the pre-printed form for the overlay preview: the frame, the title and a
// labelled box where each value goes, so the clerk sees where the values land before spending a
// numbered form. It is the overlay's on-screen background (hidden by @media print), never printed.
import type { Calibration, OverlayLayout } from './overlay';
import type { CertificateKind } from './templates/Certificates';
import { makeTranslate } from './texts';

const PT_TO_MM = 25.4 / 72;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const n = (v: number) => String(Math.round(v * 100) / 100);

export interface OutlineText {
  /** The form's printed title, e.g. 建设工程规划许可证. */
  title: string;
  /** The printed label of a field on the form (its key when unknown). */
  labelOf: (key: string) => string;
}

// Overlay field key → the label the pre-printed form carries next to it (print.json wording).
const FIELD_LABELS: Record<string, string> = {
  builder: 'certificate.field.builder',
  landUser: 'certificate.field.landUser',
  projectName: 'certificate.field.projectName',
  projectCode: 'certificate.field.projectCode',
  location: 'certificate.field.location',
  scale: 'certificate.field.scale',
  attachments: 'certificate.field.attachments',
  approvingAuthority: 'certificate.field.approvingAuthority',
  approvalNumber: 'certificate.field.approvalNumber',
  areaSqm: 'certificate.field.landArea',
  landUse: 'certificate.field.landUse',
  acquisition: 'certificate.field.acquisition',
  basis: 'certificate.field.basis',
  area: 'certificate.field.proposedArea',
};
// Where a certificate words a field its own way (用地位置, 核发机关…).
const KIND_LABELS: Partial<Record<CertificateKind, Record<string, string>>> = {
  landUse: {
    projectName: 'certificate.field.landProjectName',
    location: 'certificate.field.landLocation',
  },
  siteSelection: {
    location: 'certificate.field.proposedLocation',
    scale: 'certificate.field.proposedScale',
  },
};

/**
 * The wording of the pre-printed form of `kind`. The stock is printed in Chinese whatever the
 * screen's language, so the outline is too (it shows the clerk the real form).
 */
export function formTextOf(kind: CertificateKind): OutlineText {
  const t = makeTranslate('zh-CN');
  const own: Record<string, string> = {
    certNumber: `certificate.${kind}.numberLabel`,
    office: `certificate.${kind}.issuerLabel`,
    issuedOn: `certificate.${kind}.dateLabel`,
  };
  return {
    title: t(`certificate.${kind}.title`),
    labelOf: (key) => {
      const k = own[key] ?? KIND_LABELS[kind]?.[key] ?? FIELD_LABELS[key];
      return k ? t(k).replace(/[：:]$/, '') : key;
    },
  };
}

/**
 * The outline as an SVG data URI, in the page's millimetres. It moves with the calibration like
 * the values do: on paper the printer's offset cancels the shift, so on screen the values sit in
 * their boxes exactly as they will on the form.
 */
export function overlayOutline(
  layout: OverlayLayout,
  calibration: Calibration,
  text: OutlineText,
): string {
  const { widthMm: w, heightMm: h } = layout.paper;
  const boxes = layout.fields
    .map((f) => {
      const height = f.kind === 'qr' ? f.widthMm : f.fontSizePt * PT_TO_MM * 1.3 + 1;
      const label = f.kind === 'qr' ? '' : esc(text.labelOf(f.key));
      return (
        `<rect x="${n(f.xMm - 0.5)}" y="${n(f.yMm - 0.5)}" width="${n(f.widthMm + 1)}" height="${n(height + 1)}" class="box"/>` +
        (label
          ? `<text x="${n(f.xMm - 2)}" y="${n(f.yMm + height * 0.7)}" class="label">${label}</text>`
          : '')
      );
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}mm" height="${h}mm" viewBox="0 0 ${w} ${h}">` +
    `<style>.frame{fill:none;stroke:#b08a5a;stroke-width:0.5}.box{fill:#f3e7d3;stroke:#c9a877;stroke-width:0.2;stroke-dasharray:1 0.6}` +
    `.label{font-size:3.2px;fill:#8a6a40;text-anchor:end;font-family:serif}.title{font-size:9px;fill:#b08a5a;text-anchor:middle;font-family:serif}</style>` +
    `<g transform="translate(${n(calibration.dxMm)} ${n(calibration.dyMm)})">` +
    `<rect x="8" y="8" width="${n(w - 16)}" height="${n(h - 16)}" class="frame"/>` +
    `<rect x="10" y="10" width="${n(w - 20)}" height="${n(h - 20)}" class="frame"/>` +
    `<text x="${n(w / 2)}" y="32" class="title">${esc(text.title)}</text>` +
    `${boxes}</g></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
