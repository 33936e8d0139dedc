// 特殊程序告知书, 延期告知书 and 不予许可决定书: notices issued during approval.
import { usePrint } from '../context';
import {
  Addressee,
  ApplicantSign,
  DocNumber,
  OfficeSign,
  Para,
  Title,
} from '../components/Official';
import { CaseRows } from './AcceptanceNotice';
import { RemediesPara } from './RefusalNotice';
import type { DenialDecisionData, ExtensionNoticeData, SpecialProcedureNoticeData } from '../types';

export function SpecialProcedureNotice({ data }: { data: SpecialProcedureNoticeData }) {
  const { t, date } = usePrint();
  const procedure = t(`special.procedure.${data.procedure}`);
  return (
    <>
      <Title text={t('special.title')} />
      <DocNumber value={data.docNumber} />
      <Addressee name={data.applicant.name} />
      <Para>
        {t('special.body', {
          applicationDate: date(data.applicationDate),
          matter: data.matterName,
          caseNumber: data.caseNumber,
          acceptedOn: date(data.acceptedOn),
          reason: data.reason,
          procedure,
        })}
      </Para>
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
      <Title text={t('extension.title')} />
      <DocNumber value={data.docNumber} />
      <Addressee name={data.applicant.name} />
      <Para>
        {t('extension.body', {
          applicationDate: date(data.applicationDate),
          matter: data.matterName,
          caseNumber: data.caseNumber,
          acceptedOn: date(data.acceptedOn),
          originalDueDate: date(data.originalDueDate),
          reason: data.reason,
          days: data.extendedDays,
          newDueDate: date(data.newDueDate),
        })}
      </Para>
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
      <Title text={t('denial.title')} />
      <DocNumber value={data.docNumber} />
      <Addressee name={data.applicant.name} />
      <Para>
        {t('denial.body', {
          applicationDate: date(data.applicationDate),
          matter: data.matterName,
          caseNumber: data.caseNumber,
          acceptedOn: date(data.acceptedOn),
        })}
      </Para>
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
