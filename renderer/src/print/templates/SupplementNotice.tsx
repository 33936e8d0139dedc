import { usePrint } from '../context';
import { ApplicantSign, NoticeOpening, OfficeSign, Para } from '../components/Official';
import { CaseRows } from './AcceptanceNotice';
import type { SupplementNoticeData } from '../types';

/** 补正材料通知书: every missing item at once, with the standard it must meet. */
export function SupplementNotice({ data }: { data: SupplementNoticeData }) {
  const { t } = usePrint();
  return (
    <>
      <NoticeOpening kind="supplement" data={data} />
      <CaseRows data={data} />
      <table className="grid">
        <thead>
          <tr>
            <th>{t('common.materials.seq')}</th>
            <th>{t('supplement.item')}</th>
            <th>{t('supplement.requirement')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((item, i) => (
            <tr key={`${i}-${item.name}`}>
              <td className="num">{i + 1}</td>
              <td>{item.name}</td>
              <td>{item.requirement}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Para>{t('supplement.after')}</Para>
      <p className="plain">
        {t('common.officerLine', { name: data.officer.name, phone: data.officer.phone })}
      </p>
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}
