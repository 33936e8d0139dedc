import { usePrint } from '../context';
import {
  ApplicantSign,
  NoticeOpening,
  OfficeSign,
  OfficerLine,
  Para,
} from '../components/Official';
import { clause } from '../sentence';
import { CaseRows } from './AcceptanceNotice';
import type { SupplementNoticeData } from '../types';

/**
 * 补正材料通知书: every missing item at once, with the standard it must meet, and the date by
 * which to supply them. An item recorded without a requirement (a notice from before the clerk
 * was asked for one) prints the general standard, never an empty cell.
 */
export function SupplementNotice({ data }: { data: SupplementNoticeData }) {
  const { t, date } = usePrint();
  return (
    <>
      <NoticeOpening kind="supplement" data={data} />
      <CaseRows data={data} paper="supplementNotice" />
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
              <td>{clause(item.requirement) || t('supplement.generalStandard')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Para>
        {data.dueDate
          ? t('supplement.afterBy', { dueDate: date(data.dueDate) })
          : t('supplement.after')}
      </Para>
      <OfficerLine officer={data.officer} />
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}
