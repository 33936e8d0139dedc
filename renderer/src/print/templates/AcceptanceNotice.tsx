import { usePrint } from '../context';
import { MaterialsTable } from '../components/Materials';
import {
  ApplicantSign,
  KeepTogether,
  NoticeOpening,
  OfficeSign,
  OfficerLine,
  Para,
} from '../components/Official';
import { printedPartyCode, printedPhone, type PaperName } from '../maskPolicy';
import type { AcceptanceNoticeData, CaseNoticeBase } from '../types';

/**
 * Applicant, code, contact, case number and matter at the head of every case notice, with the
 * personal numbers as this paper's row of the mask policy says.
 */
export function CaseRows({ data, paper }: { data: CaseNoticeBase; paper: PaperName }) {
  const { t } = usePrint();
  const a = data.applicant;
  const phone = printedPhone(paper, a.phone);
  const contact = [a.contact.trim(), phone].filter(Boolean).join('　');
  const code = printedPartyCode(paper, a);
  return (
    <table className="grid">
      <tbody>
        <tr>
          <td className="label">{t('common.field.applicant')}</td>
          <td>{a.name}</td>
          <td className="label">{t(`common.field.code.${a.kind}`)}</td>
          <td className="nowrap">{code || t('common.notRecorded')}</td>
        </tr>
        <tr>
          <td className="label">{t('common.field.contact')}</td>
          <td>{contact || t('common.notRecorded')}</td>
          <td className="label">{t('common.field.caseNumber')}</td>
          <td className="nowrap">{data.caseNumber}</td>
        </tr>
        <tr>
          <td className="label">{t('common.field.matter')}</td>
          <td colSpan={3}>{data.matterName}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** How to check progress: the phone and the website the office has; neither → no sentence. */
function ProgressPara({ data }: { data: AcceptanceNoticeData }) {
  const { t } = usePrint();
  const phone = data.progressQuery.phone.trim();
  const website = data.progressQuery.website.trim();
  const which = phone && website ? 'both' : phone ? 'phone' : website ? 'website' : null;
  if (!which) return null;
  const text = t(`acceptance.progress.${which}`, { phone, website, caseNumber: data.caseNumber });
  return (
    <Para>
      <KeepTogether text={text} keep={[data.caseNumber, website]} />
    </Para>
  );
}

/** 受理通知书 */
export function AcceptanceNotice({ data }: { data: AcceptanceNoticeData }) {
  const { t, date } = usePrint();
  const items = data.deficiency?.items.filter((i) => i.trim()) ?? [];
  return (
    <>
      <NoticeOpening kind="acceptance" data={data} />
      <CaseRows data={data} paper="acceptanceNotice" />
      <p className="plain">{t('acceptance.materialsIntro')}</p>
      <MaterialsTable materials={data.materials} />
      <Para>
        {t(data.promisedDueDate ? 'acceptance.limits' : 'acceptance.limitsInDays', {
          acceptedOn: date(data.acceptedOn),
          legalDays: data.legalLimitDays,
          promisedDays: data.promisedLimitDays,
          dueDate: data.promisedDueDate ? date(data.promisedDueDate) : '',
        })}
      </Para>
      <Para>{t('acceptance.excluded')}</Para>
      {data.deficiency && items.length > 0 ? (
        <Para>
          {t('acceptance.deficiency', {
            items: items.join('；'),
            dueDate: date(data.deficiency.dueDate),
          })}
        </Para>
      ) : null}
      <ProgressPara data={data} />
      <Para>
        {t('acceptance.delivery', { method: t(`acceptance.deliveryMethod.${data.delivery}`) })}
      </Para>
      <OfficerLine officer={data.officer} />
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}
