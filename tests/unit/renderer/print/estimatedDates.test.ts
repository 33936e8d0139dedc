// A paper promises only dates it can keep: when a limit runs into a year whose holidays are not
// entered yet, the acceptance notice, the receipt and the extension notice state the limit in
// working days instead of printing the weekday estimate as a date.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../../renderer/src/print/render';
import { templates } from '../../../../renderer/src/print/templates';
import * as samples from '../../../../renderer/src/print/samples';

const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, '');

describe('papers with an estimated limit', () => {
  it('the acceptance notice says the working days and no date', () => {
    const exact = textOf(renderDocument(templates.acceptanceNotice, samples.acceptanceSample).html);
    expect(exact).toContain('即2026年11月5日前办结');
    const { promisedDueDate: _, ...withoutDate } = samples.acceptanceSample;
    const text = textOf(renderDocument(templates.acceptanceNotice, withoutDate).html);
    expect(text).toContain('承诺办结时限为2个工作日（节假日顺延）。');
    expect(text).not.toContain('即');
    expect(text).not.toContain('前办结');
  });

  it('the receipt prints the limit in working days where the date would be', () => {
    const { promisedDueDate: _, ...withoutDate } = samples.receiptSample;
    const text = textOf(renderDocument(templates.receiptA4, withoutDate).html);
    expect(text).toContain('承诺办结日期受理之日起10个工作日内');
    expect(text).not.toContain('2026年11月10日');
  });

  it('the extension notice states the extension without the dates', () => {
    const { originalDueDate: _o, newDueDate: _n, ...withoutDates } = samples.extensionSample;
    const text = textOf(renderDocument(templates.extensionNotice, withoutDates).html);
    expect(text).toContain('审批期限延长10个工作日。');
    expect(text).not.toContain('原应于');
    expect(text).not.toContain('前作出决定。');
  });
});
