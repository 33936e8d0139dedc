// Every fact of the intake: applicant, contact, agent, project, matter, channel, green channel,
// delivery, and the matter's form fields. ID numbers and phones are masked until the signed-in
// user asks to see them in full (`revealed`, granted and recorded by data/personalData.ts).
import type { ReactNode } from 'react';
import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { defaultCatalogue, findMatter, type CaseState } from '../../domain';
import { maskIdNumber, maskPhone } from '../../domain/mask';
import { Facts, Section, type Fact } from '../shared/Section';
import { ticketSummary } from '../queue/ticketText';
import { isEnglish } from './caseFormat';

export function CaseFacts({
  state,
  revealed = false,
  revealControl,
}: {
  state: CaseState;
  revealed?: boolean;
  revealControl?: ReactNode;
}) {
  const { t, i18n } = useTranslation('cases');
  const id = (v: string | undefined) => (v && !revealed ? maskIdNumber(v) : v);
  const phone = (v: string | undefined) => (v && !revealed ? maskPhone(v) : v);
  const en = isEnglish(i18n.language);
  const { intake, matter } = state;
  const a = intake.applicant;
  const yesNo = (b: boolean) => t(b ? 'common.yes' : 'common.no');

  const applicant: Fact[] = [
    [t('fact.applicant'), a.name],
    [t('fact.applicantKind'), t(`applicantKind.${a.kind}`)],
    a.kind === 'enterprise'
      ? [t('fact.creditCode'), a.creditCode]
      : [t('fact.idNumber'), id(a.idNumber)],
    [t('fact.legalRepresentative'), a.kind === 'enterprise' ? a.legalRepresentative : ''],
    [t('fact.contact'), intake.contact.name],
    [t('fact.phone'), phone(intake.contact.phone)],
    [t('fact.agent'), intake.agent?.name],
    [t('fact.agentIdNumber'), id(intake.agent?.idNumber)],
    [t('fact.agentPhone'), phone(intake.agent?.phone)],
    [
      t('fact.creditCodeOverride'),
      intake.creditCodeOverride
        ? t('fact.overrideBy', {
            name: intake.creditCodeOverride.supervisorName,
            reason: intake.creditCodeOverride.reason,
          })
        : '',
    ],
  ];

  const catalogueMatter = findMatter(defaultCatalogue, matter.code);
  const stage = defaultCatalogue.stages.find((s) => s.id === matter.stage);
  const application: Fact[] = [
    [t('fact.matter'), `${en ? matter.nameEn : matter.name} (${matter.code})`],
    [t('fact.stage'), stage ? (en ? stage.nameEn : stage.name) : matter.stage],
    [t('fact.project'), intake.projectName],
    [t('fact.projectCode'), intake.projectCode],
    [t('fact.channel'), t(`channel.${intake.channel}`)],
    [
      t('fact.greenChannel'),
      state.greenChannel ? (
        <Chip color="success" size="small" label={t('common.yes')} />
      ) : (
        yesNo(false)
      ),
    ],
    [t('fact.delivery'), t(`delivery.${intake.delivery}`)],
    [t('fact.receivedOn'), state.receivedOn],
    [t('fact.acceptedOn'), state.acceptedOn ?? t('fact.notAccepted')],
    [
      t('fact.limits'),
      t('fact.limitsValue', { legal: matter.legalDays, promised: matter.promisedDays }),
    ],
    [t('fact.counselling'), intake.counsellingId],
    [
      t('fact.queueTicket'),
      (state.tickets ?? []).map((k) => ticketSummary(t, k)).join('；') || undefined,
    ],
  ];

  const fields: Fact[] = Object.entries(intake.fields).map(([key, value]) => {
    const f = catalogueMatter?.formFields.find((x) => x.key === key);
    const label = f ? (en ? f.labelEn : f.label) : key;
    const option = f?.options?.find((o) => o.value === value);
    const shown = option ? (en ? option.labelEn : option.label) : value;
    return [label, f?.unit && shown ? `${shown} ${f.unit}` : shown];
  });

  const answers: Fact[] = Object.entries(intake.answers).map(([id, value]) => {
    const q = catalogueMatter?.questions.find((x) => x.id === id);
    const o = q?.options.find((x) => x.value === value);
    return [q ? (en ? q.textEn : q.text) : id, o ? (en ? o.labelEn : o.label) : value];
  });

  return (
    <>
      <Section id="applicant" title={t('section.applicant')} actions={revealControl}>
        <Facts facts={applicant} testId="facts-applicant" />
      </Section>
      <Section id="application" title={t('section.application')}>
        <Facts facts={application} testId="facts-application" />
      </Section>
      {(fields.length > 0 || answers.length > 0) && (
        <Section id="fields" title={t('section.fields')}>
          <Facts facts={[...fields, ...answers]} testId="facts-fields" />
        </Section>
      )}
    </>
  );
}
