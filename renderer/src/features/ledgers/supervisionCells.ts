// The words of a supervision-ledger row's cells that a person reads and quotes — 编号, the
// applicant, the responsible department and person — on the screen (its language) and on the
// weekly paper (Chinese). A bad-rating follow-up is named by its kind and its case or ticket,
// never by its row id; what it does not know is said in words (未指定 …), never a blank.
import type { TFunction } from 'i18next';
import { departmentLabel } from '../../data/departments';
import type { SupervisionRow } from '../../data/ledgersQueries';

export interface SupervisionCells {
  number: string;
  /** The part of `number` a line must not break (a case number breaks at its hyphens); or ''. */
  numberKeep: string;
  /** 督办事项: ours as written; a follow-up by the rating — level, reasons, the applicant's words. */
  title: string;
  applicant: string;
  department: string;
  person: string;
}

/** `t` is bound to the ledgers namespace, in the language wanted (the paper's is zh-CN). */
export function supervisionCells(
  t: TFunction,
  row: SupervisionRow,
  language: string,
): SupervisionCells {
  const d = row.data;
  const f = row.followUp;
  if (!f)
    return {
      number: d.number || t('none'),
      numberKeep: d.number,
      title: d.title || t('none'),
      applicant: d.enterpriseName || d.creditCode || t('none'),
      department: d.department || t('followUp.noDepartment'),
      person: d.person || t('followUp.noPerson'),
    };
  const number =
    f.ref.kind === 'ticket'
      ? t('followUp.numberTicket', { number: f.ref.number, on: f.ref.on })
      : f.ref.kind === 'unknown'
        ? t('followUp.numberUnknown', { on: f.ref.on })
        : t('followUp.number', { number: f.ref.number });
  const applicant =
    f.party === 'ticket'
      ? t('followUp.applicantTicket')
      : d.enterpriseName
        ? f.party === 'person'
          ? t('followUp.applicantPerson', { name: d.enterpriseName })
          : d.enterpriseName
        : t('followUp.applicantUnknown');
  const department = f.department
    ? departmentLabel(f.department, language)
    : d.department ||
      t(f.party === 'ticket' ? 'followUp.departmentTicket' : 'followUp.noDepartment');
  const person = f.clerk
    ? f.clerk.window
      ? t('followUp.clerkAt', { name: f.clerk.name, window: f.clerk.window })
      : f.clerk.name
    : t('followUp.noPerson');
  const numberKeep = f.ref.kind === 'case' || f.ref.kind === 'ledger' ? f.ref.number : f.ref.on;
  return {
    number,
    numberKeep,
    title: followUpTitle(t, f.rating),
    applicant,
    department,
    person,
  };
}

/** "非常不满意（办事效率低、服务态度差）：“等了很久”" — what the follow-up is to put right. */
function followUpTitle(t: TFunction, r: NonNullable<SupervisionRow['followUp']>['rating']): string {
  const reasons = r.reasons
    .map((code) => t(`rating:reason.${code}`, { defaultValue: code }))
    .join(t('followUp.reasonSeparator'));
  const level =
    r.overall === null
      ? t('followUp.levelUnknown')
      : reasons
        ? t('followUp.levelReasons', { level: t(`issuance:rating.level.${r.overall}`), reasons })
        : t(`issuance:rating.level.${r.overall}`);
  return r.comment ? t('followUp.titleComment', { level, comment: r.comment }) : level;
}
