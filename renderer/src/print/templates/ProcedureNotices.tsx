// 特殊程序告知书, 恢复审查告知书, 延期告知书 and 不予许可决定书: notices issued during approval.
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
import { RemediesPara } from './RefusalNotice';
import type {
  DenialDecisionData,
  ExtensionNoticeData,
  ResumptionNoticeData,
  SpecialProcedureNoticeData,
} from '../types';

/**
 * The opening names the reason once: a reason that already says which procedure it needs
 * ("…依法需进行批前公示") stands as its own sentence instead of "因…批前公示，需要进行批前公示".
 */
function specialBodyKey(reason: string, procedure: string): string {
  if (!reason) return 'special.bodyNoReason';
  return reason.includes(procedure) ? 'special.bodyReasonNamesProcedure' : 'special.body';
}

export function SpecialProcedureNotice({ data }: { data: SpecialProcedureNoticeData }) {
  const { t, date } = usePrint();
  const procedure = t(`special.procedure.${data.procedure}`);
  const reason = clause(data.reason);
  const days = Math.max(0, Math.trunc(data.expectedDays));
  return (
    <>
      <NoticeOpening
        kind="special"
        bodyKey={specialBodyKey(reason, procedure)}
        data={data}
        values={{ acceptedOn: date(data.acceptedOn), reason, procedure }}
      />
      <Para>
        {t(days > 0 ? 'special.clock' : 'special.clockNoDays', {
          procedure,
          startsOn: date(data.startsOn),
          days,
        })}
      </Para>
      <CaseRows data={data} paper="specialProcedureNotice" />
      <OfficerLine officer={data.officer} />
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}

/** 恢复审查告知书: the written notice the 特殊程序告知书 promised for the end of the procedure. */
export function ResumptionNotice({ data }: { data: ResumptionNoticeData }) {
  const { t, date } = usePrint();
  const procedure = t(`special.procedure.${data.procedure}`);
  const days = data.notCountedDays === null ? null : Math.max(0, Math.trunc(data.notCountedDays));
  const ended = days === null ? 'endedUncounted' : days > 0 ? 'ended' : 'endedNoDays';
  return (
    <>
      <NoticeOpening
        kind="resumption"
        data={data}
        values={{
          acceptedOn: date(data.acceptedOn),
          startedOn: date(data.startedOn),
          procedure,
        }}
      />
      <Para>
        {t(`resumption.${ended}`, { procedure, endedOn: date(data.endedOn), days: days ?? '' })}
      </Para>
      <Para>{t('resumption.closing')}</Para>
      <CaseRows data={data} paper="resumptionNotice" />
      <OfficerLine officer={data.officer} />
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}

export function ExtensionNotice({ data }: { data: ExtensionNoticeData }) {
  const { t, date } = usePrint();
  const reason = clause(data.reason);
  return (
    <>
      <NoticeOpening
        kind="extension"
        bodyKey={`extension.${data.originalDueDate && data.newDueDate ? 'body' : 'bodyInDays'}${reason ? '' : 'NoReason'}`}
        data={data}
        values={{
          acceptedOn: date(data.acceptedOn),
          originalDueDate: data.originalDueDate ? date(data.originalDueDate) : '',
          reason,
          days: data.extendedDays,
          newDueDate: data.newDueDate ? date(data.newDueDate) : '',
        }}
      />
      <Para>{t('extension.closing')}</Para>
      <CaseRows data={data} paper="extensionNotice" />
      <OfficerLine officer={data.officer} />
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}

export function DenialDecision({ data }: { data: DenialDecisionData }) {
  const { t, date } = usePrint();
  const facts = clause(data.facts);
  const legalBasis = clause(data.legalBasis);
  return (
    <>
      <NoticeOpening kind="denial" data={data} values={{ acceptedOn: date(data.acceptedOn) }} />
      {facts ? <Para>{t('denial.facts', { facts })}</Para> : null}
      <Para>{legalBasis ? t('denial.decision', { legalBasis }) : t('denial.decisionNoBasis')}</Para>
      <RemediesPara remedies={data.remedies} doc="decision" />
      <CaseRows data={data} paper="denialDecision" />
      <OfficerLine officer={data.officer} />
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}
