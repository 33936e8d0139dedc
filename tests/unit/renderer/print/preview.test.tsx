import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontPackageDir } from '../../../print/nodeFontSource';
import { notoSerifScFaces, parseFontFaceCss } from '../../../../renderer/src/print/fonts';
import notoRanges from '../../../../renderer/src/print/notoSerifScRanges.json';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  clampZoom,
  fitWidthZoom,
  MAX_ZOOM,
  MIN_ZOOM,
  PrintPreview,
} from '../../../../renderer/src/print/PrintPreview';
import { renderDocument } from '../../../../renderer/src/print/render';
import { templates } from '../../../../renderer/src/print/templates';
import { acceptanceSample, receiptSample } from '../../../../renderer/src/print/samples';
import {
  bundledFontSource,
  prepareInlineFontSource,
} from '../../../../renderer/src/print/bundledFont';

const a4 = () => renderDocument(templates.acceptanceNotice, acceptanceSample);

describe('PrintPreview', () => {
  it('shows the paper at true scale in a sandboxed frame without scripts', () => {
    const html = renderToStaticMarkup(<PrintPreview document={a4()} />);
    expect(html).toMatch(/<iframe[^>]*sandbox=""/);
    expect(html).not.toContain('allow-scripts');
    expect(html).toContain('srcDoc=');
    // 210 mm at 96 px per inch is 793.7 px wide at 100 %.
    expect(html).toMatch(/width:793\.7\d*px/);
    expect(html).toContain('scale(1)');
  });

  it('labels its controls from the print locale, in either language', () => {
    expect(renderToStaticMarkup(<PrintPreview document={a4()} />)).toContain('适应宽度');
    expect(renderToStaticMarkup(<PrintPreview document={a4()} locale="en" />)).toContain(
      'Fit width',
    );
  });

  it('starts at the asked zoom, clamped to 50–200 %', () => {
    const html = renderToStaticMarkup(<PrintPreview document={a4()} initialZoom={5} />);
    expect(html).toContain('scale(2)');
    expect(html).toContain('200%');
  });

  it('previews a roll receipt on a fixed length of paper', () => {
    const doc = renderDocument(templates.receiptThermal, receiptSample);
    const html = renderToStaticMarkup(<PrintPreview document={doc} />);
    expect(html).toMatch(/width:302\.3\d*px/);
  });
});

describe('zoom arithmetic', () => {
  it('fits the width, within the limits', () => {
    // 793.7 px of A4 in 397 px of room: half size.
    expect(fitWidthZoom(210, 396.85)).toBe(0.5);
    expect(fitWidthZoom(210, 100)).toBe(MIN_ZOOM);
    expect(fitWidthZoom(80, 5000)).toBe(MAX_ZOOM);
    expect(clampZoom(1.234)).toBe(1.23);
  });
});

describe('bundled font in the renderer bundle', () => {
  it('has a ranges table that still matches the installed @fontsource CSS', () => {
    const fromCss = [400, 700].flatMap((w) =>
      parseFontFaceCss(readFileSync(join(fontPackageDir, `${w}.css`), 'utf8')),
    );
    const key = (f: { file: string; unicodeRange: string }) => `${f.file} ${f.unicodeRange}`;
    expect(notoSerifScFaces(notoRanges.ranges).map(key).sort()).toEqual(fromCss.map(key).sort());
  });

  it('knows every face of the regular and bold weights', () => {
    const weights = new Set(bundledFontSource.faces.map((f) => f.weight));
    expect([...weights].sort()).toEqual([400, 700]);
    expect(bundledFontSource.faces.length).toBeGreaterThan(150);
  });

  it('inlines only the faces a text needs, loading each once', async () => {
    const loaded: string[] = [];
    const load = async (url: string) => {
      loaded.push(url);
      return new Uint8Array([1, 2, 3]);
    };
    const source = await prepareInlineFontSource('受理通知书', '', bundledFontSource, load);
    expect(source.faces.length).toBeGreaterThan(0);
    expect(source.faces.every((f) => f.weight === 400)).toBe(true);
    expect(source.src(source.faces[0]!)).toBe('data:font/woff2;base64,AQID');
    await prepareInlineFontSource('受理通知书', '', bundledFontSource, load);
    expect(loaded.length).toBe(source.faces.length);
  });
});
