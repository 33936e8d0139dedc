import { usePrint } from '../context';
import { MaterialsTable } from '../components/Materials';
import { ApplicantSign, NoticeOpening, OfficeSign, Para } from '../components/Official';
import type { AcceptanceNoticeData, CaseNoticeBase } from '../types';

/** Applicant, contact and matter at the head of every case notice (two pairs per row). */
export function CaseRows({ data }: { data: CaseNoticeBase }) {
  const { t } = usePrint();
  const { contact: who, phone } = data.applicant;
  // A walk-in refused at the counter may have left no contact: then no empty cell is printed.
  const contact =
    who && phone ? t('common.contactPhone', { contact: who, phone }) : who || phone || '';
  return (
    <table className="grid">
      <tbody>
        <tr>
          <td className="label">{t('common.field.applicant')}</td>
          {contact ? (
            <>
              <td>{data.applicant.name}</td>
              <td className="label">{t('common.field.contact')}</td>
              <td>{contact}</td>
            </>
          ) : (
            <td colSpan={3}>{data.applicant.name}</td>
          )}
        </tr>
        <tr>
          <td className="label">{t('common.field.matter')}</td>
          <td>{data.matterName}</td>
          <td className="label">{t('common.field.caseNumber')}</td>
          <td>{data.caseNumber}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** 受理通知书 */
export function AcceptanceNotice({ data }: { data: AcceptanceNoticeData }) {
  const { t, date } = usePrint();
  return (
    <>
      <NoticeOpening kind="acceptance" data={data} />
      <CaseRows data={data} />
      <p className="plain">{t('acceptance.materialsIntro')}</p>
      <MaterialsTable materials={data.materials} />
      <Para>
        {t('acceptance.limits', {
          acceptedOn: date(data.acceptedOn),
          legalDays: data.legalLimitDays,
          promisedDays: data.promisedLimitDays,
          dueDate: date(data.promisedDueDate),
        })}
      </Para>
      <Para>{t('acceptance.excluded')}</Para>
      {data.deficiency ? (
        <Para>
          {t('acceptance.deficiency', {
            items: data.deficiency.items.join('；'),
            dueDate: date(data.deficiency.dueDate),
          })}
        </Para>
      ) : null}
      <Para>
        {t('acceptance.progress', {
          phone: data.progressQuery.phone,
          website: data.progressQuery.website,
          caseNumber: data.caseNumber,
        })}
      </Para>
      <Para>
        {t('acceptance.delivery', { method: t(`acceptance.deliveryMethod.${data.delivery}`) })}
      </Para>
      <p className="plain">
        {t('common.officerLine', { name: data.officer.name, phone: data.officer.phone })}
      </p>
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}
