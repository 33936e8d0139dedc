// A year as twelve small months, Monday first, the way a wall calendar in the hall shows it:
// holidays marked 休 and make-up working days 班 (the marks Chinese calendars use, so the state of
// a day never rests on colour alone), weekends in grey.
import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  addCalendarDays,
  dayOfWeek,
  daysInMonth,
  holidayOf,
  isLocalDate,
  isWorkingDay,
  type CalendarYear,
  type HolidayCalendar,
} from '../../domain';

type Kind = 'holiday' | 'makeUp' | 'weekend' | 'working';

const COLOURS: Record<Kind, { bg: string; fg: string }> = {
  holiday: { bg: '#fde2e1', fg: '#8c1d18' },
  makeUp: { bg: '#dde8f8', fg: '#0b3d7a' },
  weekend: { bg: 'transparent', fg: '#5f6368' },
  working: { bg: 'transparent', fg: '#1f1f1f' },
};

const pad = (n: number) => String(n).padStart(2, '0');

function kindOf(date: string, calendar: HolidayCalendar): Kind {
  const weekend = [0, 6].includes(dayOfWeek(date));
  const working = isWorkingDay(date, calendar);
  if (weekend && working) return 'makeUp';
  if (!working && holidayOf(date, calendar)) return 'holiday';
  return weekend ? 'weekend' : 'working';
}

function Month({
  year,
  month,
  calendar,
}: {
  year: number;
  month: number;
  calendar: HolidayCalendar;
}) {
  const { t, i18n } = useTranslation('calendar');
  const first = `${year}-${pad(month)}-01`;
  // Monday first: blanks before the 1st.
  const lead = (dayOfWeek(first) + 6) % 7;
  const days = Array.from({ length: daysInMonth(year, month) }, (_, i) =>
    addCalendarDays(first, i),
  );
  const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...days];
  const weekdays = t('weekdays').split(',');
  const en = i18n.language.startsWith('en');
  const monthName = en
    ? new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', {
        month: 'long',
        timeZone: 'UTC',
      })
    : t('month', { month });
  return (
    <Box component="figure" sx={{ m: 0 }} data-month={month}>
      <Typography component="figcaption" sx={{ fontWeight: 700, mb: 0.5 }}>
        {monthName}
      </Typography>
      <Box
        role="table"
        aria-label={monthName}
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: '2px' }}
      >
        <Box role="row" sx={{ display: 'contents' }}>
          {weekdays.map((w, i) => (
            <Box
              key={w}
              role="columnheader"
              sx={{
                fontSize: '0.75rem',
                textAlign: 'center',
                color: i >= 5 ? '#5f6368' : 'inherit',
              }}
            >
              {w}
            </Box>
          ))}
        </Box>
        {Array.from({ length: Math.ceil(cells.length / 7) }, (_, row) => (
          <Box role="row" key={row} sx={{ display: 'contents' }}>
            {cells.slice(row * 7, row * 7 + 7).map((date, i) => {
              if (!date) return <Box role="cell" key={`blank-${i}`} />;
              const kind = kindOf(date, calendar);
              const holiday = holidayOf(date, calendar);
              const name = (en ? holiday?.nameEn : holiday?.name) || holiday?.name || '';
              const c = COLOURS[kind];
              const mark = kind === 'holiday' || kind === 'makeUp' ? t(`mark.${kind}`) : '';
              return (
                <Box
                  role="cell"
                  key={date}
                  data-date={date}
                  data-kind={kind}
                  title={t(`dayTitle.${kind}`, { date, name })}
                  sx={{
                    position: 'relative',
                    textAlign: 'center',
                    fontSize: '0.8rem',
                    lineHeight: '1.9rem',
                    borderRadius: '3px',
                    bgcolor: c.bg,
                    color: c.fg,
                    fontWeight: mark ? 700 : 400,
                  }}
                >
                  {Number(date.slice(8))}
                  {mark && (
                    <Box
                      component="span"
                      sx={{
                        position: 'absolute',
                        top: 0,
                        right: 2,
                        fontSize: '0.6rem',
                        lineHeight: 1,
                      }}
                    >
                      {mark}
                    </Box>
                  )}
                </Box>
              );
            })}
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** The twelve months of `year.year`, computed with `year` in place of that year's stored data. */
export function MonthGrid({
  year,
  calendar,
  testId = 'month-grid',
}: {
  year: CalendarYear;
  calendar: HolidayCalendar;
  testId?: string;
}) {
  const { t } = useTranslation('calendar');
  // The year shown is the draft (or the pasted notice), not necessarily what is stored; a draft
  // period still being typed (a date missing or backwards) is left off the grid until it reads.
  const readable: CalendarYear = {
    year: year.year,
    holidays: year.holidays.filter(
      (h) => isLocalDate(h.from) && isLocalDate(h.to) && h.from <= h.to,
    ),
    makeUpWorkdays: year.makeUpWorkdays.filter(isLocalDate),
  };
  const shown: HolidayCalendar = {
    years: [...calendar.years.filter((y) => y.year !== year.year), readable],
  };
  return (
    <Box data-testid={testId} aria-label={t('grid', { year: year.year })} role="group">
      <Box sx={{ display: 'flex', gap: 2, mb: 1, flexWrap: 'wrap', fontSize: '0.85rem' }}>
        {(['holiday', 'makeUp', 'weekend'] as const).map((k) => (
          <Box
            key={k}
            component="span"
            sx={{ px: 1, borderRadius: 1, bgcolor: COLOURS[k].bg, color: COLOURS[k].fg }}
          >
            {t(`legend.${k}`)}
          </Box>
        ))}
      </Box>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(13rem, 1fr))',
          gap: 2,
        }}
      >
        {Array.from({ length: 12 }, (_, i) => (
          <Month key={i} year={year.year} month={i + 1} calendar={shown} />
        ))}
      </Box>
    </Box>
  );
}
