// A date the clerk is offered for a promise (容缺) or a supplement (补正): `days` working days
// after today by the station's calendar, which she may change. When the date she has is counted
// across a year whose holidays are not entered, `estimate` says so, in the screen's language,
// before the date goes onto a paper.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addWorkingDays, isLocalDate, missingYears } from '../../domain';
import { useCalendar } from '../shared/useCalendar';

export function useProposedDate(today: string, days: number) {
  const { t } = useTranslation('calendar');
  const calendar = useCalendar();
  const [date, setDate] = useState(() => addWorkingDays(today, days, calendar));
  const years = isLocalDate(date) && date > today ? missingYears(today, date, calendar) : [];
  const estimate = years.length
    ? t('estimate.proposal', { years: years.join(t('listSeparator')) })
    : '';
  return { date, setDate, estimate };
}
