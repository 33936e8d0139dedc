// 收件回执, A4 and 80 mm thermal. Personal numbers as maskPolicy.ts has them for receipts.
import { usePrint } from '../context';
import { code128Svg } from '../barcode';
import { qrSvg } from '../qr';
import { printedPartyCode, printedPhone } from '../maskPolicy';
import { MaterialsTable } from '../components/Materials';
import { officerText, OfficeSign, Rows, Svg, Title } from '../components/Official';
import type { ReceiptData } from '../types';

type ReceiptPaper = 'receiptA4' | 'receiptThermal';

function useReceiptRows(data: ReceiptData, paper: ReceiptPaper): [string, string][] {
  const { t, date, dateTime } = usePrint();
  const a = data.applicant;
  const contact = [a.contact.trim(), printedPhone(paper, a.phone)].filter(Boolean).join('　');
  return [
    [t('common.field.caseNumber'), data.caseNumber],
    [t('common.field.applicant'), a.name],
    [t(`common.field.code.${a.kind}`), printedPartyCode(paper, a) || t('common.notRecorded')],
    [t('common.field.contact'), contact || t('common.notRecorded')],
    [t('common.field.matter'), data.matterName],
    [t('receipt.receivedAt'), dateTime(data.receivedAt)],
    [t('receipt.channel'), t(`receipt.channels.${data.channel}`)],
    [
      t('receipt.dueDate'),
      data.promisedDueDate
        ? date(data.promisedDueDate)
        : t('receipt.dueInDays', { days: data.promisedLimitDays }),
    ],
  ];
}

export function ReceiptA4({ data }: { data: ReceiptData }) {
  const { t } = usePrint();
  return (
    <>
      <Title text={t('receipt.title')} />
      <div className="codes">
        <div>
          <Svg markup={code128Svg(data.caseNumber, 0.33, 12)} />
          <div className="code-caption">{data.caseNumber}</div>
        </div>
        <div>
          <Svg markup={qrSvg(data.qrPayload, 24)} />
          <div className="code-caption">{t('receipt.scan')}</div>
        </div>
      </div>
      <Rows rows={useReceiptRows(data, 'receiptA4')} />
      <MaterialsTable materials={data.materials} />
      <p className="para small">{t('receipt.keep')}</p>
      <p className="plain small">{officerText(t, data.officer)}</p>
      <OfficeSign office={data.office} date={data.receivedAt.slice(0, 10)} />
    </>
  );
}

export function ReceiptThermal({ data }: { data: ReceiptData }) {
  const { t } = usePrint();
  const rows = useReceiptRows(data, 'receiptThermal');
  return (
    <div className="thermal">
      <div className="t-office">{data.office.name}</div>
      <h1 className="t-title">{t('receipt.title')}</h1>
      <Svg className="t-center" markup={code128Svg(data.caseNumber, 0.25, 10)} />
      <div className="t-center t-caption">{data.caseNumber}</div>
      <div className="t-rule" />
      {rows.map(([label, value]) => (
        <div className="t-row" key={label}>
          <span className="t-label">{label}</span>
          <span>{value}</span>
        </div>
      ))}
      <div className="t-rule" />
      <div className="t-label">{t('receipt.materials')}</div>
      <ol className="t-list">
        {data.materials.map((m, i) => (
          <li key={`${i}-${m.name}`}>
            {t('receipt.thermalMaterial', {
              name: m.name,
              form: t(`common.form.${m.form}`),
              copies: m.copies,
            })}
          </li>
        ))}
      </ol>
      <div className="t-rule" />
      <Svg className="t-center" markup={qrSvg(data.qrPayload, 22)} />
      <div className="t-center t-caption">{t('receipt.scan')}</div>
      <div className="t-small">{officerText(t, data.officer)}</div>
      <div className="t-small">{t('receipt.keepShort')}</div>
    </div>
  );
}

export const thermalCss = `
body{font-size:9pt;line-height:1.4}
.thermal{width:100%}
.t-office{text-align:center;font-size:9pt}
.t-title{text-align:center;font-size:13pt;font-weight:700;margin:1mm 0 2mm;letter-spacing:0.1em}
.t-center{display:flex;justify-content:center;text-align:center}
.t-caption{font-size:8.5pt;letter-spacing:0.05em;margin-bottom:1mm}
.t-rule{border-top:0.3mm dashed #000;margin:1.5mm 0}
.t-row{display:flex;gap:2mm}
.t-label{flex:0 0 auto;font-weight:700}
.t-row span:last-child{flex:1 1 auto;overflow-wrap:anywhere}
.t-list{margin:0;padding-left:4mm}
.t-small{font-size:8pt;margin-top:1mm}
`;
