import { usePrint } from '../context';
import { ApplicantSign, NoticeOpening, OfficeSign, Para } from '../components/Official';
import { CaseRows } from './AcceptanceNotice';
import type { RefusalNoticeData, RefusalReason, Remedies } from '../types';

function useReasonText(reason: RefusalReason): string {
  const { t } = usePrint();
  if (reason.kind === 'outside_remit') {
    return t('refusal.reason.outside_remit', { detail: reason.detail, agency: reason.rightAgency });
  }
  return t(`refusal.reason.${reason.kind}`, { detail: reason.detail });
}

/** Administrative review within 60 days or litigation within 6 months. */
export function RemediesPara({ remedies }: { remedies: Remedies }) {
  const { t } = usePrint();
  return (
    <Para>
      {t('common.remedies', { reviewAgency: remedies.reviewAgency, court: remedies.court })}
    </Para>
  );
}

/** 不予受理通知书 */
export function RefusalNotice({ data }: { data: RefusalNoticeData }) {
  const { t } = usePrint();
  const reason = useReasonText(data.reason);
  return (
    <>
      <NoticeOpening
        kind="refusal"
        data={data}
        values={{ reason, basis: t(`refusal.basis.${data.reason.kind}`) }}
      />
      <CaseRows data={data} />
      <RemediesPara remedies={data.remedies} />
      <p className="plain">
        {t('common.officerLine', { name: data.officer.name, phone: data.officer.phone })}
      </p>
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}
