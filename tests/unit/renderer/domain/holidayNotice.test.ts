import { describe, expect, it } from 'vitest';
import {
  defaultCalendar,
  validateCalendar,
  type CalendarYear,
} from '../../../../renderer/src/domain/calendar';
import {
  NOTICE_NOTE_CODES,
  NOTICE_PROBLEM_CODES,
  parseHolidayNotice,
  type HolidayNoticeResult,
  type NoticeNote,
  type NoticeProblem,
} from '../../../../renderer/src/domain/holidayNotice';
import { TEST_NOTICE_2027 } from '../../../fixtures/holidayNotice2027';

// The 2025 notice (国办发明电〔2024〕12号) as docs/domain.md quotes it.
const LINES_2025 = [
  '一、元旦：1月1日（周三）放假1天，不调休。',
  '二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。',
  '三、清明节：4月4日（周五）至6日（周日）放假，共3天。',
  '四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。',
  '五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。',
  '六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。',
];
const NOTICE_2025 = LINES_2025.join('\n');

// Written here from docs/domain.md's 2026 row in the notice's wording; the weekdays were computed.
const NOTICE_2026 = [
  '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。',
  '二、春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。',
  '三、清明节：4月4日（周六）至6日（周一）放假，共3天。',
  '四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。',
  '五、端午节：6月19日（周五）至21日（周日）放假，共3天。',
  '六、中秋节：9月25日（周五）至27日（周日）放假，共3天。',
  '七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。',
].join('\n');

/** The notice as copied from the web page: title, salutation, preamble, closing, signature. */
function wholePage(year: number, festivalLines: string[]): string {
  return [
    `国务院办公厅关于${year}年部分节假日安排的通知`,
    '国办发明电〔2024〕12号',
    '',
    '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
    `\u3000\u3000经国务院批准，现将${year}年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。`,
    ...festivalLines.map((l) => `\u3000\u3000${l}`),
    '\u3000\u3000节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。',
    '',
    '国务院办公厅',
    `${year - 1}年11月12日`,
  ].join('\n');
}

function yearOf(calendarYear: number): CalendarYear {
  const y = defaultCalendar.years.find((c) => c.year === calendarYear);
  if (!y) throw new Error(`no ${calendarYear} in defaultCalendar`);
  return y;
}

function parsedYear(text: string, year?: number): CalendarYear {
  const r = parseHolidayNotice(text, year);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.year;
}

function notesOf(text: string, year?: number): NoticeNote[] {
  const r = parseHolidayNotice(text, year);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.notes;
}

function problemsOf(text: string, year?: number): NoticeProblem[] {
  const r: HolidayNoticeResult = parseHolidayNotice(text, year);
  if (r.ok) throw new Error(`expected problems, got ${JSON.stringify(r.year)}`);
  return r.problems;
}

/** LINES_2025 with line `i` (0-based) replaced. */
function with2025Line(i: number, line: string): string {
  return LINES_2025.map((l, k) => (k === i ? line : l)).join('\n');
}

describe('parseHolidayNotice — the published notices', () => {
  it('reads the 2025 festival lines into exactly the shipped 2025 calendar', () => {
    expect(parseHolidayNotice(NOTICE_2025, 2025)).toEqual({
      ok: true,
      year: yearOf(2025),
      notes: [],
    });
  });

  it('reads the whole 2025 web page, taking the year from the title', () => {
    // Salutation (a colon, no days), preamble, closing paragraph and signature date are skipped.
    expect(parseHolidayNotice(wholePage(2025, LINES_2025))).toEqual({
      ok: true,
      year: yearOf(2025),
      notes: [],
    });
  });

  it('reads a 2026 notice into exactly the shipped 2026 calendar', () => {
    // 中秋节 and 国庆节 are separate in 2026: two periods, two English names.
    expect(parsedYear(NOTICE_2026, 2026)).toEqual(yearOf(2026));
  });

  it('reads the invented 2027 test notice', () => {
    expect(parseHolidayNotice(TEST_NOTICE_2027)).toEqual({
      ok: true,
      year: {
        year: 2027,
        holidays: [
          { name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' },
          { name: '春节', nameEn: 'Spring Festival', from: '2027-02-05', to: '2027-02-12' },
          { name: '清明节', nameEn: 'Qingming Festival', from: '2027-04-03', to: '2027-04-05' },
          { name: '劳动节', nameEn: 'Labour Day', from: '2027-05-01', to: '2027-05-05' },
        ],
        makeUpWorkdays: ['2027-01-31', '2027-02-20', '2027-04-25', '2027-05-08'],
      },
      notes: [],
    });
  });

  it('gives years the calendar editor accepts as they are', () => {
    const years = [
      parsedYear(NOTICE_2025, 2025),
      parsedYear(NOTICE_2026, 2026),
      parsedYear(TEST_NOTICE_2027),
    ];
    expect(years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(validateCalendar({ years })).toEqual([]);
  });
});

describe('parseHolidayNotice — variants of the wording', () => {
  it('accepts lines without numbers and with 1. / 1、 / （一） numbering', () => {
    const bare = LINES_2025.map((l) => l.replace(/^[一二三四五六]、/, ''));
    expect(bare[0]).toBe('元旦：1月1日（周三）放假1天，不调休。');
    expect(parsedYear(bare.join('\n'), 2025)).toEqual(yearOf(2025));
    for (const num of [
      (k: number) => `${k}.`,
      (k: number) => `${k}、`,
      (k: number) => `（${k}）`,
    ]) {
      const text = bare.map((l, k) => num(k + 1) + l).join('\n');
      expect(parsedYear(text, 2025)).toEqual(yearOf(2025));
    }
    const chinese = bare.map((l, k) => `（${'一二三四五六'[k]}）${l}`).join('\n');
    expect(parsedYear(chinese, 2025)).toEqual(yearOf(2025));
  });

  it('accepts half-width punctuation, full-width digits, spaces, tabs and NBSP', () => {
    const toFullWidth = (s: string) =>
      s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const messy = LINES_2025.map((l, k) => {
      const half = l
        .replace(/：/g, ':')
        .replace(/（/g, '(')
        .replace(/）/g, ')')
        .replace(/，/g, ',')
        .replace(/。/g, '.');
      // Every other line also gets full-width digits; 「共8天.1月26日」 must still split there.
      return k % 2 === 0 ? ` \t${half}\u00a0` : `\u3000${toFullWidth(half)} `;
    });
    expect(messy[0]).toBe(' \t一、元旦:1月1日(周三)放假1天,不调休.\u00a0');
    expect(messy[1]).toContain('共８天.１月２６日(周日)、２月８日(周六)上班.');
    expect(parsedYear(['', ...messy, '  '].join('\n'), 2025)).toEqual(yearOf(2025));
  });

  it('reads a dash or tilde between two dates as 至', () => {
    const y = parsedYear(
      '三、清明节：4月4日（周五）-6日（周日）放假，共3天。\n端午节:5月31日~6月2日放假',
      2025,
    );
    expect(y.holidays.map((h) => [h.from, h.to])).toEqual([
      ['2025-04-04', '2025-04-06'],
      ['2025-05-31', '2025-06-02'],
    ]);
  });

  it('reads the 2024 wording: 星期, ranges without brackets, 与周末连休, and the 除夕 advice', () => {
    const text = [
      '国务院办公厅关于2024年部分节假日安排的通知',
      '一、元旦：1月1日放假，与周末连休。',
      '二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。',
    ].join('\n');
    const r = parseHolidayNotice(text);
    expect(r).toEqual({
      ok: true,
      year: {
        year: 2024,
        // 与周末连休: only 01-01 itself is the holiday; 02-09 (除夕) is advice, not a day off.
        holidays: [
          { name: '元旦', nameEn: "New Year's Day", from: '2024-01-01', to: '2024-01-01' },
          { name: '春节', nameEn: 'Spring Festival', from: '2024-02-10', to: '2024-02-17' },
        ],
        makeUpWorkdays: ['2024-02-04', '2024-02-18'],
      },
      notes: [
        {
          line: 3,
          text: text.split('\n')[2],
          code: 'advice_not_holiday',
          params: { sentence: '鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息' },
        },
      ],
    });
  });

  it('reads a one-day 不调休 festival as that day only', () => {
    expect(parsedYear('元旦：1月1日（周三）放假1天，不调休。', 2025).holidays).toEqual([
      { name: '元旦', nameEn: "New Year's Day", from: '2025-01-01', to: '2025-01-01' },
    ]);
  });

  it('reads a range across two months', () => {
    expect(
      parsedYear('五、端午节：5月31日（星期六）至6月2日（星期一）放假，共3天。', 2025).holidays,
    ).toEqual([
      { name: '端午节', nameEn: 'Dragon Boat Festival', from: '2025-05-31', to: '2025-06-02' },
    ]);
  });

  it('keeps a merged name whole and names it in English; an unknown name stays as written', () => {
    const y = parsedYear(
      '国庆节、中秋节：10月1日至8日放假调休，共8天。\n植树节：3月12日放假1天。',
      2025,
    );
    expect(y.holidays.map((h) => [h.name, h.nameEn])).toEqual([
      ['植树节', '植树节'],
      ['国庆节、中秋节', 'National Day and Mid-Autumn Festival'],
    ]);
  });

  it('reads a cross-year 元旦 with both years written (the 2023 notice)', () => {
    const text = [
      '一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。',
      '二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。',
    ].join('\n');
    expect(parsedYear(text, 2023)).toEqual({
      year: 2023,
      holidays: [
        { name: '元旦', nameEn: "New Year's Day", from: '2022-12-31', to: '2023-01-02' },
        { name: '春节', nameEn: 'Spring Festival', from: '2023-01-21', to: '2023-01-27' },
      ],
      makeUpWorkdays: ['2023-01-28', '2023-01-29'],
    });
  });

  it('accepts a make-up day in December of the year before when its year is written', () => {
    // The 2019 notice: 元旦 2018-12-30…2019-01-01, worked on Saturday 2018-12-29.
    const text =
      '元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。';
    expect(parsedYear(text, 2019).makeUpWorkdays).toEqual(['2018-12-29']);
  });

  it('sorts the periods and the make-up days and drops repeated make-up days', () => {
    const text = [
      '劳动节：5月1日至5日放假调休，共5天。4月27日（周日）上班。',
      '春节：1月28日至2月4日放假调休，共8天。2月8日（周六）、1月26日（周日）、2月8日上班。',
    ].join('\n');
    const y = parsedYear(text, 2025);
    expect(y.holidays.map((h) => h.name)).toEqual(['春节', '劳动节']);
    expect(y.makeUpWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27']);
  });

  it('skips page furniture: a colon with a date but no holiday words, the signature date', () => {
    const text = ['成文日期：2024年11月12日', NOTICE_2025, '国务院办公厅 2024年11月12日'].join(
      '\n',
    );
    expect(parsedYear(text, 2025)).toEqual(yearOf(2025));
  });

  it('takes advice on a line of its own as a note', () => {
    const text = `${NOTICE_2025}\n鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（1月28日）休息。`;
    expect(notesOf(text, 2025)).toEqual([
      {
        line: 7,
        text: '鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（1月28日）休息。',
        code: 'advice_not_holiday',
        params: { sentence: '鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（1月28日）休息' },
      },
    ]);
  });
});

describe('parseHolidayNotice — the year', () => {
  it('needs a year from the text or the caller', () => {
    expect(problemsOf(NOTICE_2025)).toEqual([{ line: 0, text: '', code: 'no_year' }]);
  });

  it('takes the year from the preamble when there is no title', () => {
    const text = `现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。\n${NOTICE_2025}`;
    expect(parsedYear(text)).toEqual(yearOf(2025));
  });

  it('accepts the year given when the text says the same', () => {
    expect(parsedYear(wholePage(2025, LINES_2025), 2025)).toEqual(yearOf(2025));
  });

  it('refuses a text whose year is not the one given, naming the line', () => {
    expect(problemsOf(wholePage(2026, LINES_2025), 2027)).toEqual([
      {
        line: 1,
        text: '国务院办公厅关于2026年部分节假日安排的通知',
        code: 'year_mismatch',
        params: { found: 2026, expected: 2027 },
      },
      {
        line: 5,
        text: '经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。',
        code: 'year_mismatch',
        params: { found: 2026, expected: 2027 },
      },
    ]);
  });

  it('refuses a text whose title and preamble name different years', () => {
    const text = `国务院办公厅关于2025年部分节假日安排的通知\n现将2026年元旦、春节放假调休日期的具体安排通知如下。\n${NOTICE_2025}`;
    expect(problemsOf(text).map((p) => [p.line, p.code, p.params])).toEqual([
      [2, 'year_mismatch', { found: 2026, expected: 2025 }],
    ]);
  });
});

describe('parseHolidayNotice — what it refuses', () => {
  it('finds nothing in a text that is not a notice', () => {
    const text = '会议通知：请各科室于周五下午参加业务学习。\n办公室\n2025年3月3日';
    expect(problemsOf(text, 2025)).toEqual([{ line: 0, text: '', code: 'nothing_found' }]);
    expect(problemsOf('', 2025)).toEqual([{ line: 0, text: '', code: 'nothing_found' }]);
    expect(problemsOf(text).map((p) => p.code)).toEqual(['no_year', 'nothing_found']);
  });

  it('names every garbled line with its number and text, and gives no calendar', () => {
    const text = [
      '国务院办公厅关于2025年部分节假日安排的通知',
      '',
      ...LINES_2025.slice(0, 2),
      '三、清明节：4月4日（周五）至6日（周日放假，共3天。', // bracket not closed
      '四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）加班。',
      ...LINES_2025.slice(4),
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      {
        line: 5,
        text: '三、清明节：4月4日（周五）至6日（周日放假，共3天。',
        code: 'unreadable_line',
        params: { sentence: '4月4日（周五）至6日（周日放假，共3天' },
      },
      {
        line: 6,
        text: '四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）加班。',
        code: 'unreadable_line',
        params: { sentence: '4月27日（周日）加班' },
      },
    ]);
  });

  it('refuses numbered lines it cannot read: no colon, a bad name, no day off, a strange bracket', () => {
    const text = [
      '一、元旦1月1日放假。',
      '二、1月28日：1月28日至2月4日放假调休。',
      '三、清明节：4月6日（周日）上班。',
      '四、劳动节：5月1日（周八）至5日放假。',
      '五、端午节：5月31日至6月2日放假，共3天，另行通知。',
      '六、国庆节：10月1日（周三、周四）至8日放假。',
    ].join('\n');
    expect(problemsOf(text, 2025).map((p) => [p.line, p.code, p.params])).toEqual([
      [1, 'unreadable_line', undefined],
      [2, 'unreadable_line', undefined],
      [3, 'unreadable_line', undefined],
      [4, 'unreadable_line', { sentence: '5月1日（周八）至5日放假' }],
      [5, 'unreadable_line', { sentence: '5月31日至6月2日放假，共3天，另行通知' }],
      [6, 'unreadable_line', { sentence: '10月1日（周三、周四）至8日放假' }],
    ]);
  });

  it('gives an unreadable line one problem, not also the problems of its dates', () => {
    expect(problemsOf('春节：2月30日放假。2月8日加班。', 2025)).toEqual([
      {
        line: 1,
        text: '春节：2月30日放假。2月8日加班。',
        code: 'unreadable_line',
        params: { sentence: '2月8日加班' },
      },
    ]);
  });

  it('refuses a working day outside a festival line rather than guess which it belongs to', () => {
    const text = `${LINES_2025[0]}\n1月26日（周日）上班。`;
    expect(problemsOf(text, 2025)).toEqual([
      {
        line: 2,
        text: '1月26日（周日）上班。',
        code: 'unreadable_line',
        params: { sentence: '1月26日（周日）上班' },
      },
    ]);
  });

  it('refuses a bracket weekday that is not the date’s, for days off and make-up days', () => {
    // A garbled digit usually shows up here: 2025-02-04 is a Tuesday, 2025-02-08 a Saturday.
    const text = with2025Line(
      1,
      '二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周三）放假调休，共8天。1月26日（周日）、2月8日（星期日）上班。',
    );
    expect(problemsOf(text, 2025).map((p) => [p.line, p.code, p.params])).toEqual([
      [2, 'weekday_mismatch', { date: '2025-02-04', written: '周三', dayOfWeek: 2 }],
      [2, 'weekday_mismatch', { date: '2025-02-08', written: '星期日', dayOfWeek: 6 }],
    ]);
  });

  it('refuses a 共N天 or 放假N天 that is not the length of the range', () => {
    const text = [
      '一、元旦：1月1日（周三）放假2天，不调休。',
      '二、春节：1月28日至2月4日放假调休，共7天。',
    ].join('\n');
    expect(problemsOf(text, 2025).map((p) => [p.line, p.code, p.params])).toEqual([
      [1, 'day_count_mismatch', { from: '2025-01-01', to: '2025-01-01', written: 2, length: 1 }],
      [2, 'day_count_mismatch', { from: '2025-01-28', to: '2025-02-04', written: 7, length: 8 }],
    ]);
  });

  it('refuses days that do not exist', () => {
    const text = '春节：2月27日至2月30日放假。\n清明节：4月4日放假。2月29日上班。';
    expect(problemsOf(text, 2025).map((p) => [p.line, p.code, p.params])).toEqual([
      [1, 'bad_date', { date: '2025-02-30' }],
      [2, 'bad_date', { date: '2025-02-29' }],
    ]);
  });

  it('refuses a cross-year range without its years, and a range that runs backwards', () => {
    const text = '元旦：12月31日至1月2日放假调休，共3天。\n春节：2月10日至3日放假。';
    expect(problemsOf(text, 2023).map((p) => [p.line, p.code, p.params])).toEqual([
      [1, 'cross_year_without_year', { from: '2023-12-31', to: '2023-01-02' }],
      [2, 'range_reversed', { from: '2023-02-10', to: '2023-02-03' }],
    ]);
  });

  it('refuses written years that are not the notice’s (or, for 元旦, the year before)', () => {
    const text = [
      '元旦：2020年1月1日放假。',
      '春节：2024年12月30日至31日放假。',
      '端午节：5月31日至6月2日放假。2024年6月1日（周六）上班。',
    ].join('\n');
    expect(problemsOf(text, 2025).map((p) => [p.line, p.code, p.params])).toEqual([
      [1, 'date_outside_year', { date: '2020-01-01', year: 2025 }],
      [2, 'date_outside_year', { date: '2024-12-31', year: 2025 }],
      [3, 'date_outside_year', { date: '2024-06-01', year: 2025 }],
    ]);
  });

  it('refuses a make-up working day that is not a weekend', () => {
    // 2025-01-27 is a Monday: nobody is called in to work on a working day.
    const text = with2025Line(3, '四、劳动节：5月1日至5日放假调休，共5天。1月27日上班。');
    expect(problemsOf(text, 2025).map((p) => [p.line, p.code, p.params])).toEqual([
      [4, 'make_up_not_weekend', { date: '2025-01-27' }],
    ]);
  });

  it('refuses overlapping periods and a make-up day inside a period', () => {
    const text = [
      '春节：1月28日至2月4日放假调休，共8天。2月1日（周六）上班。',
      '元宵节：2月4日放假1天。',
    ].join('\n');
    expect(problemsOf(text, 2025).map((p) => [p.line, p.code, p.params])).toEqual([
      [2, 'holidays_overlap', { name: '元宵节', other: '春节' }],
      [1, 'make_up_on_holiday', { date: '2025-02-01', name: '春节' }],
    ]);
  });
});

describe('notice codes', () => {
  it('lists each code once, so the UI can have one message per code', () => {
    expect(new Set(NOTICE_PROBLEM_CODES).size).toBe(NOTICE_PROBLEM_CODES.length);
    expect(NOTICE_NOTE_CODES).toEqual(['advice_not_holiday']);
  });
});
