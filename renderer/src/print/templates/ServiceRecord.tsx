import { usePrint } from '../context';
import { DocNumber, Title } from '../components/Official';
import type { ServiceRecordData } from '../types';

/** 送达回证: one form, signed by whoever received the documents (or witnesses of a refusal). */
export function ServiceRecord({ data }: { data: ServiceRecordData }) {
  const { t, date, dateTime } = usePrint();
  const docs = data.documents.map((d) =>
    t('service.documentLine', { name: d.name, number: d.number, count: d.count }),
  );
  const proxy = data.proxy
    ? t('service.proxyLine', {
        name: data.proxy.name,
        relation: data.proxy.relation,
        reason: data.proxy.reason,
      })
    : '';
  const refused = data.refused
    ? t('service.refusedLine', {
        reason: data.refused.reason,
        on: date(data.refused.on),
        witnesses: data.refused.witnesses.join('、'),
      })
    : '';
  return (
    <>
      <Title text={t('service.title')} />
      <DocNumber value={data.docNumber} />
      <table className="grid service">
        <tbody>
          <tr>
            <td className="label">{t('service.agency')}</td>
            <td colSpan={3}>{data.office.name}</td>
          </tr>
          <tr>
            <td className="label">{t('service.caseNumber')}</td>
            <td colSpan={3}>{data.caseNumber}</td>
          </tr>
          <tr>
            <td className="label">{t('service.documents')}</td>
            <td colSpan={3}>
              {docs.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </td>
          </tr>
          <tr>
            <td className="label">{t('service.recipient')}</td>
            <td>{data.recipient}</td>
            <td className="label">{t('service.method')}</td>
            <td>{t(`service.methods.${data.method}`)}</td>
          </tr>
          <tr>
            <td className="label">{t('service.place')}</td>
            <td>{data.place}</td>
            <td className="label">{t('service.time')}</td>
            <td>{dateTime(data.servedAt)}</td>
          </tr>
          <tr className="tall">
            <td className="label">{t('service.recipientSign')}</td>
            <td colSpan={3}>
              <div className="sign-slot">{t('service.signHere')}</div>
            </td>
          </tr>
          <tr className="tall">
            <td className="label">{t('service.proxy')}</td>
            <td colSpan={3}>{proxy}</td>
          </tr>
          <tr className="tall">
            <td className="label">{t('service.refused')}</td>
            <td colSpan={3}>{refused}</td>
          </tr>
          <tr>
            <td className="label">{t('service.server')}</td>
            <td colSpan={3}>{data.server}</td>
          </tr>
          <tr className="tall">
            <td className="label">{t('service.remark')}</td>
            <td colSpan={3} />
          </tr>
        </tbody>
      </table>
      <p className="small">{t('service.note')}</p>
    </>
  );
}

export const serviceCss = `
table.service td{height:12mm}
table.service td.label{width:34mm}
table.service tr.tall td{height:22mm}
.sign-slot{text-align:right;color:#555;font-size:10.5pt;padding-top:8mm}
`;
