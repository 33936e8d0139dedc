// The four certificates. Their fields follow docs/domain.md; the paper size is a template setting.
import { usePrint } from '../context';
import { qrSvg } from '../qr';
import { Svg } from '../components/Official';
import type {
  EngineeringPermitData,
  LandUsePermitData,
  Office,
  RuralPermitData,
  SiteSelectionData,
} from '../types';

export type CertificateKind = 'engineering' | 'landUse' | 'siteSelection' | 'rural';

interface CertificateProps {
  kind: CertificateKind;
  certNumber: string;
  rows: [string, string][];
  office: Office;
  issuedOn: string;
  qrPayload: string;
}

function Certificate({ kind, certNumber, rows, office, issuedOn, qrPayload }: CertificateProps) {
  const { t, date } = usePrint();
  return (
    <div className="cert">
      <div className="cert-nation">{t('certificate.nation')}</div>
      <h1 className="cert-title">{t(`certificate.${kind}.title`)}</h1>
      <div className="cert-number">
        {t(`certificate.${kind}.numberLabel`)}
        {certNumber}
      </div>
      <p className="para cert-statement">{t(`certificate.${kind}.statement`)}</p>
      <table className="grid cert-fields">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <td className="label">{label}</td>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="cert-foot">
        <div className="cert-qr">
          <Svg markup={qrSvg(qrPayload, 24)} />
          <div className="code-caption">{t('certificate.verify')}</div>
        </div>
        <div className="cert-issuer">
          <div>
            {t(`certificate.${kind}.issuerLabel`)}
            {office.name}
          </div>
          <div>
            {t(`certificate.${kind}.dateLabel`)}
            {date(issuedOn)}
          </div>
          <div className="seal cert-seal">{t('common.seal')}</div>
        </div>
      </div>
      {kind === 'engineering' ? (
        <p className="small cert-notes">{t('certificate.engineering.notes')}</p>
      ) : null}
    </div>
  );
}

export function EngineeringPermit({ data }: { data: EngineeringPermitData }) {
  const { t } = usePrint();
  const f = (k: string) => t(`certificate.field.${k}`);
  return (
    <Certificate
      kind="engineering"
      certNumber={data.certNumber}
      office={data.office}
      issuedOn={data.issuedOn}
      qrPayload={data.qrPayload}
      rows={[
        [f('builder'), data.builder],
        [f('projectName'), data.projectName],
        [f('location'), data.location],
        [f('scale'), data.scale],
        [f('attachments'), data.attachments],
      ]}
    />
  );
}

export function LandUsePermit({ data }: { data: LandUsePermitData }) {
  const { t } = usePrint();
  const f = (k: string) => t(`certificate.field.${k}`);
  return (
    <Certificate
      kind="landUse"
      certNumber={data.certNumber}
      office={data.office}
      issuedOn={data.issuedOn}
      qrPayload={data.qrPayload}
      rows={[
        [f('landUser'), data.landUser],
        [f('landProjectName'), data.projectName],
        [f('approvingAuthority'), data.approvingAuthority],
        [f('approvalNumber'), data.approvalNumber],
        [f('landLocation'), data.location],
        [f('landArea'), data.areaSqm],
        [f('landUse'), data.landUse],
        [f('scale'), data.scale],
        [f('acquisition'), data.acquisition],
        [f('attachments'), data.attachments],
      ]}
    />
  );
}

export function SiteSelection({ data }: { data: SiteSelectionData }) {
  const { t } = usePrint();
  const f = (k: string) => t(`certificate.field.${k}`);
  return (
    <Certificate
      kind="siteSelection"
      certNumber={data.certNumber}
      office={data.office}
      issuedOn={data.issuedOn}
      qrPayload={data.qrPayload}
      rows={[
        [f('projectName'), data.projectName],
        [f('projectCode'), data.projectCode],
        [f('builder'), data.builder],
        [f('basis'), data.basis],
        [f('proposedLocation'), data.location],
        [f('proposedArea'), `${data.areaSqm}（${data.landClasses}）`],
        [f('proposedScale'), data.scale],
        [f('attachments'), data.attachments],
      ]}
    />
  );
}

export function RuralPermit({ data }: { data: RuralPermitData }) {
  const { t } = usePrint();
  const f = (k: string) => t(`certificate.field.${k}`);
  return (
    <Certificate
      kind="rural"
      certNumber={data.certNumber}
      office={data.office}
      issuedOn={data.issuedOn}
      qrPayload={data.qrPayload}
      rows={[
        [f('builderPerson'), data.builder],
        [f('projectName'), data.projectName],
        [f('location'), data.location],
        [f('landUse'), data.landUse],
        [f('scale'), data.scale],
        [f('attachments'), data.attachments],
      ]}
    />
  );
}

export const certificateCss = `
.cert{display:flex;flex-direction:column;min-height:100%}
.cert-nation{text-align:center;font-size:14pt;letter-spacing:0.3em;margin-top:4mm}
.cert-title{text-align:center;font-size:28pt;font-weight:700;letter-spacing:0.2em;margin:2mm 0 4mm}
.cert-number{text-align:center;font-size:13pt;margin:0 0 5mm}
.cert-statement{margin-bottom:4mm}
table.cert-fields td{height:13mm;font-size:12pt}
table.cert-fields td.label{width:38mm}
.cert-foot{display:flex;justify-content:space-between;align-items:flex-end;margin-top:8mm;break-inside:avoid}
.cert-issuer{position:relative;text-align:left;font-size:13pt;line-height:2;padding-right:6mm}
.cert-seal{top:-10mm;right:4mm}
.cert-notes{margin-top:6mm;white-space:pre-line}
`;
