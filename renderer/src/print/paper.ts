// Paper sizes in millimetres. Certificate stock size is unconfirmed (docs/domain.md), so
// certificates take their paper from the template settings rather than from a constant.

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Paper {
  id: string;
  widthMm: number;
  /** null = the content's measured height (80 mm thermal roll). */
  heightMm: number | null;
  marginMm: Margins;
}

/** What the host's print.toPdf / print.print channels take. */
export interface PaperSpec {
  widthMm: number;
  heightMm: number | null;
}

const margins = (top: number, right: number, bottom: number, left: number): Margins => ({
  top,
  right,
  bottom,
  left,
});

/** GB/T 9704 style notice margins, slightly tightened so a full notice fits one page. */
const officialMargins = margins(20, 22, 16, 25);

export const papers = {
  a4: { id: 'a4', widthMm: 210, heightMm: 297, marginMm: officialMargins },
  a4Landscape: {
    id: 'a4-landscape',
    widthMm: 297,
    heightMm: 210,
    marginMm: margins(15, 15, 15, 15),
  },
  a5: { id: 'a5', widthMm: 148, heightMm: 210, marginMm: margins(12, 12, 12, 12) },
  /** Thermal roll: printable width is about 72 mm, so keep 4 mm clear at each edge. */
  receipt80: { id: 'receipt-80', widthMm: 80, heightMm: null, marginMm: margins(4, 4, 6, 4) },
  /** Default certificate stock until the real size is confirmed: A4 portrait. */
  certificate: {
    id: 'certificate',
    widthMm: 210,
    heightMm: 297,
    marginMm: margins(18, 18, 18, 18),
  },
} as const satisfies Record<string, Paper>;

/** A certificate paper of any size, for the template setting. */
export function certificatePaper(widthMm: number, heightMm: number, marginMm = 18): Paper {
  if (!(widthMm > 0 && heightMm > 0)) throw new RangeError('paper size must be positive');
  return {
    id: `certificate-${widthMm}x${heightMm}`,
    widthMm,
    heightMm,
    marginMm: margins(marginMm, marginMm, marginMm, marginMm),
  };
}

/** CSS pixels per millimetre at 100 % (CSS fixes 96 px per inch). */
export const PX_PER_MM = 96 / 25.4;

export const mmToPx = (mm: number): number => mm * PX_PER_MM;

export const toSpec = (paper: Paper): PaperSpec => ({
  widthMm: paper.widthMm,
  heightMm: paper.heightMm,
});

/**
 * The @page rule. A roll paper has no height until the content is measured; the host (or the
 * test helper) appends a sized rule once it knows it, so here only the width and margins go in.
 */
export function pageRule(paper: Paper, measuredHeightMm?: number): string {
  const m = paper.marginMm;
  const height = paper.heightMm ?? measuredHeightMm;
  const size = height === undefined ? '' : `size: ${paper.widthMm}mm ${height}mm; `;
  return `@page { ${size}margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`;
}
