// The sentence under a proposed date that was counted across a year whose holidays are not
// entered: the clerk sees it is an estimate before it goes onto a paper.
import type { TFunction } from 'i18next';
import { isLocalDate, missingYears, type HolidayCalendar } from '../../domain';

export function estimateNote(
  today: string,
  date: string,
  calendar: HolidayCalendar,
  t: TFunction,
): string {
  if (!isLocalDate(date) || date <= today) return '';
  const years = missingYears(today, date, calendar);
  return years.length ? t('calendar:estimate.proposal', { years: years.join('、') }) : '';
}
