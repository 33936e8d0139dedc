import { usePrint } from '../context';
import type { Translate } from '../texts';
import {
  ApplicantSign,
  NoticeOpening,
  OfficeSign,
  OfficerLine,
  Para,
} from '../components/Official';
import { clause } from '../sentence';
import { CaseRows } from './AcceptanceNotice';
import type { RefusalNoticeData, RefusalReason, Remedies } from '../types';

/** The ground as a clause of "经审查，…。": the clerk's detail in brackets only when there is one. */
export function reasonText(t: Translate, reason: RefusalReason): string {
  const detail = clause(reason.detail);
  if (reason.kind === 'other') return detail || t('refusal.reason.otherBare');
  const bracket = detail ? t('refusal.detail', { detail }) : '';
  const ground = t(`refusal.reason.${reason.kind}`) + bracket;
  const agency = reason.kind === 'outside_remit' ? clause(reason.rightAgency) : '';
  return agency ? ground + t('refusal.rightAgency', { agency }) : ground;
}

/**
 * 行政复议法 (revised, in force 2024-01-01) Art. 20: sixty days from receipt; 行政诉讼法 Art. 46:
 * six months. The review body and the court are the administrator's settings; without them the
 * sentence names the competent one in general terms rather than printing a blank.
 */
export function RemediesPara({
  remedies,
  doc,
}: {
  remedies: Remedies;
  doc: 'notice' | 'decision';
}) {
  const { t } = usePrint();
  const body = clause(remedies.reviewAgency);
  const court = clause(remedies.court);
  return (
    <Para>
      {t('common.remedies', {
        doc: t(`common.remedyDoc.${doc}`),
        review: body ? t('common.reviewAt', { body }) : t('common.reviewGeneral'),
        suit: court ? t('common.suitAt', { court }) : t('common.suitGeneral'),
      })}
    </Para>
  );
}

/** 不予受理通知书 */
export function RefusalNotice({ data }: { data: RefusalNoticeData }) {
  const { t } = usePrint();
  return (
    <>
      <NoticeOpening
        kind="refusal"
        data={data}
        values={{
          reason: reasonText(t, data.reason),
          basis: t(`refusal.basis.${data.reason.kind}`),
        }}
      />
      <CaseRows data={data} paper="refusalNotice" />
      <RemediesPara remedies={data.remedies} doc="notice" />
      <OfficerLine officer={data.officer} />
      <OfficeSign office={data.office} date={data.issuedOn} />
      <ApplicantSign />
    </>
  );
}
