// 恢复审查告知书: the written notice the 特殊程序告知书 promises for the end of the procedure —
// the days not counted come from the deadline rules on the calendar given, and the paper says so.
import { describe, expect, it } from 'vitest';
import {
  resumptionData,
  type NoticeContext,
} from '../../../../renderer/src/features/approval/noticeData';
import type { HolidayCalendar } from '../../../../renderer/src/domain';
import { renderDocument } from '../../../../renderer/src/print/render';
import { templates } from '../../../../renderer/src/print/templates';
import { paperText } from '../../../print/paperVariants';
import { acceptedCase, actors, run } from './factory';

const ctx: NoticeContext = {
  docNumber: '惠济资规恢〔2026〕1号',
  office: { name: '郑州市惠济区自然资源和规划局', address: '', phone: '' },
  officer: { name: '李审查', phone: '0371-63501234' },
  issuedOn: '2026-10-09',
};

/** Suspended on `from`, resumed on `to` (10:00 Beijing time each). */
function suspendedAndResumed(acceptedOn: string, from: string, to: string) {
  const s = acceptedCase(acceptedOn);
  return run(s, [
    [
      { type: 'suspend', caseId: s.caseId, kind: 'other', reason: '依法需进行批前公示。' },
      actors.reviewer,
      `${from}T02:00:00Z`,
    ],
    [{ type: 'resume', caseId: s.caseId }, actors.reviewer, `${to}T02:00:00Z`],
  ]);
}

const text = (state: Parameters<typeof resumptionData>[0], calendar?: HolidayCalendar) =>
  paperText(renderDocument(templates.resumptionNotice, resumptionData(state, ctx, calendar)).html);

describe('resumption notice', () => {
  it('counts the working days in (start, end]: over the National Day holiday only 8 and 9 October', () => {
    // 2026: 1–7 October off; 30 September (start) still counts, 9 October (resumed) does not run.
    const state = suspendedAndResumed('2026-09-28', '2026-09-30', '2026-10-09');
    const d = resumptionData(state, ctx);
    expect(d).toMatchObject({
      procedure: 'public_notice',
      startedOn: '2026-09-30',
      endedOn: '2026-10-09',
      notCountedDays: 2,
      acceptedOn: '2026-09-28',
      caseNumber: state.caseNo,
    });
    const t = text(state);
    expect(t).toContain('并于2026年9月30日书面告知你（单位）需要进行批前公示。');
    expect(t).toContain(
      '批前公示已于2026年10月9日结束。根据《中华人民共和国行政许可法》第四十五条的规定，批前公示所需时间共2个工作日，不计算在行政许可期限内。',
    );
    expect(t).toContain('本机关自即日起恢复审查，审批期限继续计算。特此告知。');
  });

  it('uses the calendar it is given, not a built-in one', () => {
    const state = suspendedAndResumed('2026-03-02', '2026-03-02', '2026-03-05');
    expect(resumptionData(state, ctx).notCountedDays).toBe(3);
    // A bureau calendar that makes 4 March a day off: one working day fewer.
    const calendar: HolidayCalendar = {
      years: [
        {
          year: 2026,
          holidays: [{ name: '测试', nameEn: 'Test', from: '2026-03-04', to: '2026-03-04' }],
          makeUpWorkdays: [],
        },
      ],
    };
    expect(resumptionData(state, ctx, calendar).notCountedDays).toBe(2);
    // A calendar without the year: the notice still prints, without a number it cannot know.
    const none: HolidayCalendar = { years: [] };
    expect(resumptionData(state, ctx, none).notCountedDays).toBeNull();
    expect(text(state, none)).toContain(
      '批前公示已于2026年3月5日结束。根据《中华人民共和国行政许可法》第四十五条的规定，批前公示所需时间不计算在行政许可期限内。',
    );
  });

  it('resumed the same day: no working day was taken, and the paper says that rather than "0"', () => {
    const state = suspendedAndResumed('2026-03-02', '2026-03-03', '2026-03-03');
    expect(resumptionData(state, ctx).notCountedDays).toBe(0);
    expect(text(state)).toContain('批前公示已于2026年3月3日结束，未占用工作日。');
    expect(text(state)).not.toContain('共0个工作日');
  });

  it('is only for a case that has resumed', () => {
    const s = acceptedCase('2026-03-02');
    expect(() => resumptionData(s, ctx)).toThrow();
    const suspended = run(s, [
      [
        { type: 'suspend', caseId: s.caseId, kind: 'hearing', reason: '听证' },
        actors.reviewer,
        '2026-03-03T02:00:00Z',
      ],
    ]);
    expect(() => resumptionData(suspended, ctx)).toThrow();
  });
});
