// The State Council's holiday arrangements (国务院办公厅) for the years the app ships with.
// This is data an administrator edits each November when the next year is published; the
// calendar refuses to compute in a year that is not listed here rather than guess.
import type { HolidayCalendar } from './calendar';

export const defaultCalendar: HolidayCalendar = {
  years: [
    {
      year: 2025,
      holidays: [
        { name: '元旦', nameEn: "New Year's Day", from: '2025-01-01', to: '2025-01-01' },
        { name: '春节', nameEn: 'Spring Festival', from: '2025-01-28', to: '2025-02-04' },
        { name: '清明节', nameEn: 'Qingming Festival', from: '2025-04-04', to: '2025-04-06' },
        { name: '劳动节', nameEn: 'Labour Day', from: '2025-05-01', to: '2025-05-05' },
        { name: '端午节', nameEn: 'Dragon Boat Festival', from: '2025-05-31', to: '2025-06-02' },
        {
          name: '国庆节、中秋节',
          nameEn: 'National Day and Mid-Autumn Festival',
          from: '2025-10-01',
          to: '2025-10-08',
        },
      ],
      makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    {
      year: 2026,
      holidays: [
        { name: '元旦', nameEn: "New Year's Day", from: '2026-01-01', to: '2026-01-03' },
        { name: '春节', nameEn: 'Spring Festival', from: '2026-02-15', to: '2026-02-23' },
        { name: '清明节', nameEn: 'Qingming Festival', from: '2026-04-04', to: '2026-04-06' },
        { name: '劳动节', nameEn: 'Labour Day', from: '2026-05-01', to: '2026-05-05' },
        { name: '端午节', nameEn: 'Dragon Boat Festival', from: '2026-06-19', to: '2026-06-21' },
        { name: '中秋节', nameEn: 'Mid-Autumn Festival', from: '2026-09-25', to: '2026-09-27' },
        { name: '国庆节', nameEn: 'National Day', from: '2026-10-01', to: '2026-10-07' },
      ],
      makeUpWorkdays: [
        '2026-01-04',
        '2026-02-14',
        '2026-02-28',
        '2026-05-09',
        '2026-09-20',
        '2026-10-10',
      ],
    },
  ],
};
