import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../../renderer/src/print/render';
import { templates } from '../../../../renderer/src/print/templates';
import { allKeys, makeTranslate, printBundles } from '../../../../renderer/src/print/texts';
import { certificatePaper } from '../../../../renderer/src/print/paper';
import { facesFor, parseFontFaceCss, type FontSource } from '../../../../renderer/src/print/fonts';
import * as samples from '../../../../renderer/src/print/samples';
import type { ReceiptData } from '../../../../renderer/src/print/types';

/** A receipt for a private person: the case where masking matters. */
const receiptOf = (overrides: Partial<ReceiptData> = {}): ReceiptData => ({
  ...samples.receiptSample,
  ...overrides,
});

const css = `@font-face{font-family:'Noto Serif SC';font-weight:400;src:url(./files/a-400.woff2) format('woff2');unicode-range:U+20-7e;}
@font-face{font-family:'Noto Serif SC';font-weight:400;src:url(./files/cjk-400.woff2) format('woff2');unicode-range:U+4e00-9fff;}
@font-face{font-family:'Noto Serif SC';font-weight:700;src:url(./files/cjk-700.woff2) format('woff2');unicode-range:U+4e00-9fff;}
@font-face{font-family:'Noto Serif SC';font-weight:400;src:url(./files/kana-400.woff2) format('woff2');unicode-range:U+3040-30ff;}`;

const fakeSource: FontSource = {
  faces: parseFontFaceCss(css),
  src: (f) => `data:font/woff2;base64,${f.file}`,
};

describe('renderDocument', () => {
  it('produces a standalone document: @page in mm, inline CSS, no script, no remote URL', () => {
    const { html, paper } = renderDocument(templates.acceptanceNotice, samples.acceptanceSample);
    expect(paper).toEqual({ widthMm: 210, heightMm: 297 });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@page { size: 210mm 297mm;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain("default-src 'none'");
  });

  it('prints dates in Chinese form and the seal placeholder, not a seal', () => {
    const { html } = renderDocument(templates.acceptanceNotice, samples.acceptanceSample);
    expect(html).toContain('2026年11月3日');
    expect(html).toContain('class="seal"');
    expect(html).toContain('>印章<');
  });

  it('masks the ID number and phone of a person on the receipt', () => {
    const { html } = renderDocument(templates.receiptA4, receiptOf());
    expect(html).toContain('4101**********0039');
    expect(html).not.toContain(samples.samplePerson.code);
    expect(html).not.toContain(samples.samplePerson.phone);
  });

  it('gives a roll receipt a null height for the host to measure', () => {
    expect(renderDocument(templates.receiptThermal, receiptOf()).paper).toEqual({
      widthMm: 80,
      heightMm: null,
    });
  });

  it('takes the certificate paper from the settings', () => {
    const { html, paper } = renderDocument(
      templates.engineeringPermit,
      samples.engineeringPermitSample,
      { paper: certificatePaper(297, 420) },
    );
    expect(paper).toEqual({ widthMm: 297, heightMm: 420 });
    expect(html).toContain('size: 297mm 420mm');
  });

  it('puts the chosen system font first and the bundled serif after it', () => {
    const { html } = renderDocument(templates.refusalNotice, samples.refusalSample, {
      font: 'system-fangsong',
    });
    const stack = /body\{font-family:([^;]+);/.exec(html)?.[1] ?? '';
    expect(stack.indexOf('FangSong')).toBeGreaterThanOrEqual(0);
    expect(stack.indexOf('FangSong')).toBeLessThan(stack.indexOf('Noto Serif SC'));
  });

  it('embeds only the font faces the text needs, bold only for bold text', () => {
    const { html } = renderDocument(templates.refusalNotice, samples.refusalSample, {
      fontSource: fakeSource,
    });
    expect(html).toContain('base64,a-400.woff2');
    expect(html).toContain('base64,cjk-400.woff2');
    expect(html).toContain('base64,cjk-700.woff2');
    // No kana on a Chinese notice: that face must stay out.
    expect(html).not.toContain('kana-400');
  });

  it('escapes data, so a value cannot inject markup', () => {
    const { html } = renderDocument(templates.refusalNotice, {
      ...samples.refusalSample,
      applicant: { ...samples.sampleEnterprise, name: '<img src=x onerror=alert(1)>' },
    });
    expect(html).not.toContain('<img src=x');
  });

  it('renders every template in English for the preview', () => {
    const { html } = renderDocument(templates.denialDecision, samples.denialSample, {
      locale: 'en',
    });
    expect(html).toContain('Decision Not to Grant the Licence');
    expect(html).toContain('3 Nov 2026');
  });
});

describe('print texts', () => {
  it('has the same keys and placeholders in Chinese and English', () => {
    const zh = allKeys(printBundles['zh-CN']).sort();
    expect(allKeys(printBundles.en).sort()).toEqual(zh);
    const tZh = makeTranslate('zh-CN');
    const tEn = makeTranslate('en');
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const raw = (t: typeof tZh, k: string) => {
      // Interpolating with each placeholder's own name shows which placeholders a text uses.
      const names: Record<string, string> = new Proxy({}, { get: (_, p) => `{{${String(p)}}}` });
      return t(k, names);
    };
    for (const key of zh) expect(vars(raw(tEn, key)), key).toEqual(vars(raw(tZh, key)));
  });

  it('says which key or placeholder is missing', () => {
    const t = makeTranslate('zh-CN');
    expect(() => t('nope.nothing')).toThrow(/nope\.nothing/);
    expect(() => t('common.addressee')).toThrow(/name/);
  });
});

describe('fonts', () => {
  it('picks faces by unicode-range', () => {
    const faces = parseFontFaceCss(css);
    expect(facesFor(faces, 400, '受理').map((f) => f.file)).toEqual(['cjk-400.woff2']);
    expect(facesFor(faces, 700, 'abc')).toEqual([]);
  });
});
