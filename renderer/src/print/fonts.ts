// Fonts for printed papers. The bundled Noto Serif SC ships split into ~100 woff2 files per
// weight by unicode-range; a paper only embeds the faces whose ranges meet its text, so the
// HTML stays standalone (data URIs or app URLs, never the network) and small enough to print fast.

export type PrintFont = 'bundled' | 'system-fangsong' | 'system-songti';

export const BUNDLED_FAMILY = 'Noto Serif SC';

/** Body font stack: the chosen system font first, then the bundled serif so every station matches. */
export function fontStack(font: PrintFont): string {
  const bundled = `'${BUNDLED_FAMILY}', serif`;
  switch (font) {
    case 'system-fangsong':
      return `FangSong, '仿宋', STFangsong, 'FangSong_GB2312', '仿宋_GB2312', ${bundled}`;
    case 'system-songti':
      return `SimSun, '宋体', 'Songti SC', STSong, ${bundled}`;
    case 'bundled':
      return bundled;
  }
}

/** Title stack: 小标宋 where installed and a system font was chosen, else the bold serif. */
export function titleStack(font: PrintFont): string {
  if (font === 'bundled') return fontStack(font);
  return `'FZXiaoBiaoSong-B05S', '方正小标宋简体', SimSun, '宋体', 'Songti SC', '${BUNDLED_FAMILY}', serif`;
}

export interface FontFaceAsset {
  weight: number;
  /** The file name as published by @fontsource, e.g. noto-serif-sc-4-400-normal.woff2. */
  file: string;
  unicodeRange: string;
  ranges: ReadonlyArray<readonly [number, number]>;
}

/** Where the face files come from: a URL the page can load, or a data: URI. */
export interface FontSource {
  faces: readonly FontFaceAsset[];
  src(face: FontFaceAsset): string;
}

export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter((part) => part.length > 0)
    .map((part): [number, number] => {
      const [a, b] = part.split('-');
      const lo = parseInt(a ?? '', 16);
      return [lo, b === undefined ? lo : parseInt(b, 16)];
    });
}

/** Reads a @fontsource CSS file (400.css, 700.css) into face descriptors. */
export function parseFontFaceCss(css: string): FontFaceAsset[] {
  const faces: FontFaceAsset[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const weight = /font-weight:\s*(\d+)/.exec(block)?.[1];
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!weight || !file || !range) continue;
    faces.push({
      weight: Number(weight),
      file,
      unicodeRange: range,
      ranges: parseUnicodeRange(range),
    });
  }
  return faces;
}

export function codePointsOf(text: string): Set<number> {
  const set = new Set<number>();
  for (const ch of text) set.add(ch.codePointAt(0) ?? 0);
  return set;
}

function meets(face: FontFaceAsset, points: ReadonlySet<number>): boolean {
  for (const p of points) {
    for (const [lo, hi] of face.ranges) if (p >= lo && p <= hi) return true;
  }
  return false;
}

/** The faces of one weight that the given text needs. */
export function facesFor(
  faces: readonly FontFaceAsset[],
  weight: number,
  text: string,
): FontFaceAsset[] {
  const points = codePointsOf(text);
  return faces.filter((f) => f.weight === weight && meets(f, points));
}

/**
 * @font-face rules for a paper: regular faces for all of its text, bold faces only for the text
 * that is bold (titles, headers), since bold doubles the weight of the embedded data.
 */
export function fontFaceCss(source: FontSource, text: string, boldText: string): string {
  const rules = [...facesFor(source.faces, 400, text), ...facesFor(source.faces, 700, boldText)];
  return rules
    .map(
      (f) =>
        `@font-face{font-family:'${BUNDLED_FAMILY}';font-style:normal;font-weight:${f.weight};` +
        `font-display:block;src:url(${source.src(f)}) format('woff2');unicode-range:${f.unicodeRange};}`,
    )
    .join('\n');
}

/**
 * Faces of the bundled font from the ranges table, which is generated from @fontsource's CSS
 * (a test checks it still matches): CSS files cannot be imported as text everywhere we run.
 */
export function notoSerifScFaces(
  ranges: Readonly<Record<string, string>>,
  weights: readonly number[] = [400, 700],
): FontFaceAsset[] {
  return weights.flatMap((weight) =>
    Object.entries(ranges).map(([subset, unicodeRange]) => ({
      weight,
      file: `noto-serif-sc-${subset}-${weight}-normal.woff2`,
      unicodeRange,
      ranges: parseUnicodeRange(unicodeRange),
    })),
  );
}
