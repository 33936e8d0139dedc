// The calendar's problems and refusals as sentences in the user's language, saying what to do.
import { useTranslation } from 'react-i18next';
import type { CalendarProblem, NoticeNote, NoticeProblem } from '../../domain';
import type { CalendarRefusal } from '../../data/holidayCalendar';

export function useCalendarProblemText() {
  const { t } = useTranslation('calendar');
  return (p: CalendarProblem) => t(`problem.${p.code}`, { ...(p.params ?? {}) });
}

export function useNoticeText() {
  const { t } = useTranslation('calendar');
  const weekdays = t('weekday').split(',');
  const problem = (p: NoticeProblem) => {
    const params: Record<string, string | number> = { ...(p.params ?? {}) };
    if (typeof params['dayOfWeek'] === 'number')
      params['weekday'] = weekdays[params['dayOfWeek']] ?? '';
    // The sentence that could not be read, quoted, when the parser names one.
    params['sentence'] = params['sentence']
      ? t('notice.quoted', { sentence: String(params['sentence']) })
      : '';
    const where = p.line > 0 ? t('notice.line', { line: p.line }) : t('notice.whole');
    return { where, text: t(`noticeProblem.${p.code}`, params), line: p.text };
  };
  const note = (n: NoticeNote) => ({
    where: t('notice.line', { line: n.line }),
    text: t(`noticeNote.${n.code}`, { ...(n.params ?? {}) }),
  });
  return { problem, note };
}

export function useCalendarRefusalText() {
  const { t } = useTranslation('calendar');
  return (r: CalendarRefusal) => {
    if (r.code === 'invalid') return t('refused.invalid', { count: r.problems.length });
    if (r.code === 'in_use')
      return t(`refused.in_use.${r.reason}`, { year: r.year, count: r.count });
    return t(`refused.${r.code}`);
  };
}
