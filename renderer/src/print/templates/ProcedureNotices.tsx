// 特殊程序告知书, 延期告知书 and 不予许可决定书: notices issued during approval.
import { usePrint } from '../context';
import { ApplicantSign, NoticeOpening, OfficeSign, Para } from '../components/Official';
import { CaseRows } from './AcceptanceNotice';
import { RemediesPara } from './RefusalNotice';
import type { DenialDecisionData, ExtensionNoticeData, SpecialProcedureNoticeData } from '../types';

export function SpecialProcedureNotice({ data }: { data: SpecialProcedureNoticeData }) {
  const { t, date } = usePrint();
  const procedure = t(`special.procedure.${data.procedure}`);
  return (
    <>
      <NoticeOpening
        kind="special"
        data={data}
        values={{ acceptedOn: date(data.acceptedOn), reason: data.reason, procedure }}
      />
      <Para>
        {t('special.clock', {
          procedure,
          startsOn: date(data.startsOn),
          days: data.expectedDays,
        })}
      </Para>
      <CaseRows data={data} />
      <p className="plain">
        {t('common.officerLine', { name: data.officer.name, phone: data.officer.phone })}
      </p>
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}

export function ExtensionNotice({ data }: { data: ExtensionNoticeData }) {
  const { t, date } = usePrint();
  return (
    <>
      <NoticeOpening
        kind="extension"
        data={data}
        body={data.originalDueDate && data.newDueDate ? 'body' : 'bodyInDays'}
        values={{
          acceptedOn: date(data.acceptedOn),
          originalDueDate: data.originalDueDate ? date(data.originalDueDate) : '',
          reason: data.reason,
          days: data.extendedDays,
          newDueDate: data.newDueDate ? date(data.newDueDate) : '',
        }}
      />
      <Para>{t('extension.closing')}</Para>
      <CaseRows data={data} />
      <p className="plain">
        {t('common.officerLine', { name: data.officer.name, phone: data.officer.phone })}
      </p>
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}

export function DenialDecision({ data }: { data: DenialDecisionData }) {
  const { t, date } = usePrint();
  return (
    <>
      <NoticeOpening kind="denial" data={data} values={{ acceptedOn: date(data.acceptedOn) }} />
      <Para>{t('denial.facts', { facts: data.facts })}</Para>
      <Para>{t('denial.decision', { legalBasis: data.legalBasis })}</Para>
      <RemediesPara remedies={data.remedies} />
      <CaseRows data={data} />
      <p className="plain">
        {t('common.officerLine', { name: data.officer.name, phone: data.officer.phone })}
      </p>
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}
