import { usePrint } from '../context';
import { DocNumber, Title } from '../components/Official';
import { printedCollectorId } from '../maskPolicy';
import { clause } from '../sentence';
import type { Translate } from '../texts';
import type { ServiceRecordData } from '../types';

/** 拒收事由, date and witnesses, each part only when it was recorded. */
function refusedText(
  t: Translate,
  date: (iso: string) => string,
  r: NonNullable<ServiceRecordData['refused']>,
): string {
  const reason = clause(r.reason);
  const witnesses = r.witnesses.map((w) => w.trim()).filter(Boolean);
  return [
    reason ? t('service.refusedReason', { reason }) : '',
    t('service.refusedOn', { on: date(r.on) }),
    witnesses.length ? t('service.refusedWitnesses', { witnesses: witnesses.join('、') }) : '',
  ]
    .filter(Boolean)
    .join('；');
}

/** 代收人 with the relation and the reason, each part only when it was recorded. */
function proxyText(t: Translate, p: NonNullable<ServiceRecordData['proxy']>): string {
  const relation = clause(p.relation);
  const reason = clause(p.reason);
  return [
    t('service.proxyName', { name: p.name.trim() }) +
      (relation ? t('service.proxyRelation', { relation }) : ''),
    reason ? t('service.proxyReason', { reason }) : '',
  ]
    .filter(Boolean)
    .join('；');
}

/** 送达回证: one form, signed by whoever received the documents (or witnesses of a refusal). */
export function ServiceRecord({ data }: { data: ServiceRecordData }) {
  const { t, date, dateTime } = usePrint();
  const docs = data.documents.map((d) =>
    t('service.documentLine', { name: d.name, number: d.number, count: d.count }),
  );
  const proxy = data.proxy ? proxyText(t, data.proxy) : '';
  const collector = data.collector?.name.trim() ? data.collector : undefined;
  const collectorId = collector ? printedCollectorId('serviceRecord', collector.idNumber) : '';
  const refused = data.refused ? refusedText(t, date, data.refused) : '';
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
            <td colSpan={3} className="nowrap">
              {data.caseNumber}
            </td>
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
          {collector ? (
            <tr>
              <td className="label">{t('service.collector')}</td>
              <td>{collector.name}</td>
              <td className="label">{t('service.collectorId')}</td>
              <td className="nowrap">{collectorId || t('common.notRecorded')}</td>
            </tr>
          ) : null}
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
