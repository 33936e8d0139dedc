// What the search box tells the clerk about the text before (or instead of) searching: the kind
// it was read as, and the checks a mistyped code fails. A failed check still searches — early
// pilot credit codes fail the check but are real — it only says why nothing may be found.
import { classifyQuery, type SearchKind } from '../../data/queries';
import {
  isValidCreditCode,
  isValidIdNumber,
  isValidProjectCode,
  readScannedCode,
} from '../../domain';

export const MAX_QUERY_CHARS = 100;

export type QueryHint =
  | 'empty'
  | 'tooLong'
  | 'idNumberCheck'
  | 'creditCodeCheck'
  | 'projectCodeShape'
  | 'scanIncomplete'
  | null;

export interface QueryReading {
  kind: SearchKind;
  hint: QueryHint;
  /** The hint means nothing can be searched (empty or too long). */
  blocking: boolean;
}

export function readQuery(raw: string): QueryReading {
  const s = raw.trim().toUpperCase();
  if (!s) return { kind: 'name', hint: 'empty', blocking: true };
  if (s.length > MAX_QUERY_CHARS) return { kind: 'name', hint: 'tooLong', blocking: true };
  const kind = classifyQuery(s);
  if (readScannedCode(s)?.kind === 'badCase')
    return { kind, hint: 'scanIncomplete', blocking: false };
  if (/^\d{17}[\dX]$/.test(s) && !isValidIdNumber(s) && !isValidCreditCode(s))
    return { kind, hint: 'idNumberCheck', blocking: false };
  if (kind === 'creditCode' && !isValidCreditCode(s))
    return { kind, hint: 'creditCodeCheck', blocking: false };
  // Starts like a project code (year-division-) but is not one: most likely a typo.
  if (/^\d{4}-\d{6}-/.test(s) && !isValidProjectCode(s))
    return { kind, hint: 'projectCodeShape', blocking: false };
  return { kind, hint: null, blocking: false };
}
