// The words of a supervision-ledger row's cells that a person reads and quotes — 编号, the
// applicant, the responsible department and person — on the screen (its language) and on the
// weekly paper (Chinese). A bad-rating follow-up is named by its kind and its case or ticket,
// never by its row id; what it does not know is said in words (未指定 …), never a blank.
import type { TFunction } from 'i18next';
import { departmentLabel } from '../../data/departments';
import type { SupervisionRow } from '../../data/ledgersQueries';

export interface SupervisionCells {
  number: string;
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
  return { number, applicant, department, person };
}
