// The tables of the statistics screen, as plain rows of cells. The screen renders exactly these
// and the .xlsx export writes exactly these, so what is exported is what was shown.
import type { Figures, GroupFigures, MonthlyFigures } from '../../domain/stats';
import type { Ranking } from '../../domain/statsRanking';

/** A share (0…1): a number in the .xlsx with a percent format, "87.5%" on screen. */
export interface Percent {
  percent: number;
}
export type Cell = string | number | Percent;

export const isPercent = (c: Cell): c is Percent => typeof c === 'object' && c !== null;

export interface Sheet {
  /** Sheet / section name. */
  name: string;
  columns: string[];
  rows: Cell[][];
}

/** Labels in the user's language; passed in so the tables stay pure. */
export interface TableLabels {
  total: string;
  byDepartment: string;
  byClerk: string;
  ranking: string;
  office: string;
  unknownClerk: string;
  none: string;
  col: Record<FigureColumn | 'name' | 'department' | 'rank' | 'list', string>;
  list: { red: string; black: string };
}

export const FIGURE_COLUMNS = [
  'takenIn',
  'concluded',
  'onTimeRate',
  'averageWorkingDays',
  'overdue',
  'suspended',
  'greenChannel',
  'badRatingRate',
] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

export const percent = (x: number | null, none: string): string =>
  x === null ? none : `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
export const days = (x: number | null, none: string): Cell =>
  x === null ? none : Math.round(x * 10) / 10;
/** A rate as a cell: kept as the number, shown as text only where it is drawn. */
export const share = (x: number | null, none: string): Cell => (x === null ? none : { percent: x });

/** What a cell shows on screen (and what the file's percent format shows). */
export const cellText = (c: Cell): string =>
  isPercent(c) ? percent(c.percent, '') : typeof c === 'number' ? String(c) : c;

function figureCells(f: Figures, none: string): Cell[] {
  return [
    f.takenIn,
    f.concluded,
    share(f.onTimeRate, none),
    days(f.averageWorkingDays, none),
    f.overdue,
    f.suspended,
    f.greenChannel,
    share(f.badRatingRate, none),
  ];
}

const figureHeaders = (l: TableLabels) => FIGURE_COLUMNS.map((c) => l.col[c]);
const nameOf = (g: GroupFigures, l: TableLabels) => g.name || l.unknownClerk;

export function statsSheets(m: MonthlyFigures, ranking: Ranking, l: TableLabels): Sheet[] {
  return [
    {
      name: l.total,
      columns: [l.col.name, ...figureHeaders(l)],
      rows: [[l.office, ...figureCells(m.total, l.none)]],
    },
    {
      name: l.byDepartment,
      columns: [l.col.department, ...figureHeaders(l)],
      rows: m.byDepartment.map((g) => [g.name, ...figureCells(g, l.none)]),
    },
    {
      name: l.byClerk,
      columns: [l.col.name, l.col.department, ...figureHeaders(l)],
      rows: m.byClerk.map((g) => [nameOf(g, l), g.department, ...figureCells(g, l.none)]),
    },
    {
      name: l.ranking,
      columns: [l.col.rank, l.col.name, l.col.department, ...figureHeaders(l), l.col.list],
      rows: ranking.ranked.map((r) => [
        r.rank,
        nameOf(r.row, l),
        r.row.department,
        ...figureCells(r.row, l.none),
        r.list ? l.list[r.list] : '',
      ]),
    },
  ];
}
