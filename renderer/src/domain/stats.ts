// Monthly efficiency figures (效能统计) from case states: for the whole office, per department and
// per clerk. Working days come from the holiday calendar, and suspensions (特殊程序) stop the
// clock exactly as they do for the deadlines on the case page: used days = working days from
// acceptance to decision minus the suspended working days, on time = used days ≤ the promised
// limit (0 for green-channel cases, which are due the day they are accepted).
//
// Definitions, for a month [first day, last day] and "as of" = min(last day, today):
// - taken in: accepted (受理, incl. 容缺) in the month; green channel: those flagged green;
// - concluded: decided (approved or denied) in the month; on-time rate and average over these;
// - overdue: accepted by "as of", neither decided nor withdrawn by then, past the promised limit;
// - suspended: a suspension period overlaps the month;
// - ratings: given in the month, attributed to the case; bad = 不满意 / 非常不满意. The ratings of
//   tickets served without a case (domain/ticketRating.ts) count beside them: in the office's
//   total and for the clerk who served the ticket (the rating's place), in no department — a
//   ticket without a case has no matter. A rating whose appeal was upheld counts nowhere.
// Working days in a year the calendar has no holidays for are counted Monday to Friday (the
// estimate every deadline uses); cases counted so are `uncovered`, and the screen says how many.
// Only dates the index cannot reach at all (before the calendar's first year) are left out.
import type { CaseState } from './caseState';
import { ratingCounts } from './rating';
import type { TicketRating } from './ticketRating';
import type { HolidayCalendar } from './calendar';
import { defaultCalendar } from './calendar';
import { workdayIndex, type WorkdayIndex } from './statsCalendar';

export interface StatsCase {
  state: CaseState;
  /** Who took the case in (the actor of the intake decision); null if unknown. */
  clerk: { id: string; name: string } | null;
}

export interface Figures {
  takenIn: number;
  concluded: number;
  onTime: number;
  /** onTime / concluded; null when nothing was concluded. */
  onTimeRate: number | null;
  /** Mean working days used by the concluded cases; null when none. */
  averageWorkingDays: number | null;
  overdue: number;
  suspended: number;
  greenChannel: number;
  ratings: number;
  badRatings: number;
  /** badRatings / ratings; null when there were no ratings. */
  badRatingRate: number | null;
  /** Cases whose working days were estimated (or not counted) because the calendar lacks a year. */
  uncovered: number;
}

export interface GroupFigures extends Figures {
  key: string;
  name: string;
  /** Department of a clerk (the department of most of their cases); '' for departments. */
  department: string;
}

export interface MonthlyFigures {
  month: string;
  asOf: string;
  total: Figures;
  byDepartment: GroupFigures[];
  byClerk: GroupFigures[];
}

export interface StatsOptions {
  /** 'YYYY-MM' */
  month: string;
  /** Local date; figures of the running month stop here. */
  today: string;
  calendar?: HolidayCalendar;
  /** The department responsible for a matter. */
  departmentOf?: (matterCode: string, stage: string) => string;
  /** The ratings of tickets served without a case (any month: those of this one are counted). */
  ticketRatings?: readonly TicketRating[];
}

/** Until the bureau configures its own, a matter belongs to the department of its stage. */
export const defaultDepartmentOf = (_matterCode: string, stage: string): string => stage;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthRange(month: string): { first: string; last: string } {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

interface Acc {
  takenIn: number;
  concluded: number;
  onTime: number;
  usedDaysSum: number;
  usedDaysCount: number;
  overdue: number;
  suspended: number;
  greenChannel: number;
  ratings: number;
  badRatings: number;
  uncovered: number;
}

const emptyAcc = (): Acc => ({
  takenIn: 0,
  concluded: 0,
  onTime: 0,
  usedDaysSum: 0,
  usedDaysCount: 0,
  overdue: 0,
  suspended: 0,
  greenChannel: 0,
  ratings: 0,
  badRatings: 0,
  uncovered: 0,
});

function finish(a: Acc): Figures {
  return {
    takenIn: a.takenIn,
    concluded: a.concluded,
    onTime: a.onTime,
    onTimeRate: a.concluded > 0 ? a.onTime / a.concluded : null,
    averageWorkingDays: a.usedDaysCount > 0 ? a.usedDaysSum / a.usedDaysCount : null,
    overdue: a.overdue,
    suspended: a.suspended,
    greenChannel: a.greenChannel,
    ratings: a.ratings,
    badRatings: a.badRatings,
    badRatingRate: a.ratings > 0 ? a.badRatings / a.ratings : null,
    uncovered: a.uncovered,
  };
}

/** Working days the case's suspensions stopped the clock, up to `until` (periods (from, to]). */
function suspendedDays(s: CaseState, until: string, wd: WorkdayIndex): number {
  let total = 0;
  for (const p of s.suspensions) {
    const end = p.to !== null && p.to < until ? p.to : until;
    if (end > p.from) total += wd.between(p.from, end);
  }
  return total;
}

/** What one case adds to the month's figures (a zero delta when it has nothing to do with it). */
function contribution(s: CaseState, first: string, last: string, asOf: string, wd: WorkdayIndex) {
  const d = emptyAcc();
  const accepted = s.acceptedOn;
  const limit = s.greenChannel ? 0 : s.matter.promisedDays;
  if (accepted !== null && accepted >= first && accepted <= last) {
    d.takenIn = 1;
    if (s.greenChannel) d.greenChannel = 1;
  }
  const decidedOn = s.decision?.on ?? null;
  if (accepted !== null && decidedOn !== null && decidedOn >= first && decidedOn <= last) {
    d.concluded = 1;
    if (wd.covers(accepted) && wd.covers(decidedOn)) {
      const used = wd.between(accepted, decidedOn) - suspendedDays(s, decidedOn, wd);
      d.usedDaysSum = used;
      d.usedDaysCount = 1;
      if (used <= limit) d.onTime = 1;
      if (!wd.exact(accepted) || !wd.exact(decidedOn)) d.uncovered = 1;
    } else d.uncovered = 1;
  }
  const withdrawnOn = s.withdrawal?.on ?? null;
  const open =
    accepted !== null &&
    accepted <= asOf &&
    (decidedOn === null || decidedOn > asOf) &&
    (withdrawnOn === null || withdrawnOn > asOf);
  if (open) {
    if (wd.covers(accepted) && wd.covers(asOf)) {
      const used = wd.between(accepted, asOf) - suspendedDays(s, asOf, wd);
      if (used > limit) d.overdue = 1;
      if (!wd.exact(accepted) || !wd.exact(asOf)) d.uncovered = 1;
    } else d.uncovered = 1;
  }
  for (const p of s.suspensions) {
    if (p.from <= last && (p.to === null || p.to >= first)) {
      d.suspended = 1;
      break;
    }
  }
  for (const r of s.ratings) {
    // A rating whose appeal the director upheld is kept on the case but left out of the figures.
    if (r.on >= first && r.on <= last && ratingCounts(r)) {
      d.ratings += 1;
      if (r.bad) d.badRatings += 1;
    }
  }
  return d;
}

function add(into: Acc, d: Acc) {
  into.takenIn += d.takenIn;
  into.concluded += d.concluded;
  into.onTime += d.onTime;
  into.usedDaysSum += d.usedDaysSum;
  into.usedDaysCount += d.usedDaysCount;
  into.overdue += d.overdue;
  into.suspended += d.suspended;
  into.greenChannel += d.greenChannel;
  into.ratings += d.ratings;
  into.badRatings += d.badRatings;
  into.uncovered += d.uncovered;
}

const touches = (d: Acc) =>
  d.takenIn + d.concluded + d.overdue + d.suspended + d.ratings + d.uncovered > 0;

interface Group {
  name: string;
  acc: Acc;
  departments: Map<string, number>;
}

function group(map: Map<string, Group>, key: string, name: string, dept: string, d: Acc) {
  let g = map.get(key);
  if (!g) {
    g = { name, acc: emptyAcc(), departments: new Map() };
    map.set(key, g);
  }
  add(g.acc, d);
  g.departments.set(dept, (g.departments.get(dept) ?? 0) + 1);
}

function groups(map: Map<string, Group>, withDepartment: boolean): GroupFigures[] {
  return [...map.entries()]
    .map(([key, g]) => {
      let department = '';
      if (withDepartment) {
        let best = -1;
        for (const [dept, n] of g.departments) if (n > best) [department, best] = [dept, n];
      }
      return { key, name: g.name, department, ...finish(g.acc) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export const UNKNOWN_CLERK_KEY = '';

export function monthlyFigures(cases: Iterable<StatsCase>, options: StatsOptions): MonthlyFigures {
  const { first, last } = monthRange(options.month);
  const asOf = options.today < last ? options.today : last;
  const wd = workdayIndex(options.calendar ?? defaultCalendar);
  const departmentOf = options.departmentOf ?? defaultDepartmentOf;
  const total = emptyAcc();
  const byDept = new Map<string, Group>();
  const byClerk = new Map<string, Group>();
  for (const c of cases) {
    const s = c.state;
    // Cheap string tests first: most of 100,000 cases are long concluded or not yet begun.
    if (s.acceptedOn === null && s.ratings.length === 0) continue;
    if (s.acceptedOn !== null && s.acceptedOn > last && s.ratings.length === 0) continue;
    const d = contribution(s, first, last, asOf, wd);
    if (!touches(d)) continue;
    add(total, d);
    const dept = departmentOf(s.matter.code, s.matter.stage);
    group(byDept, dept, dept, '', d);
    const clerkKey = c.clerk?.id ?? UNKNOWN_CLERK_KEY;
    group(byClerk, clerkKey, c.clerk?.name ?? '', dept, d);
  }
  for (const r of options.ticketRatings ?? []) {
    if (r.on < first || r.on > last || !ratingCounts(r)) continue;
    const d = emptyAcc();
    d.ratings = 1;
    d.badRatings = r.bad ? 1 : 0;
    add(total, d);
    const key = r.place?.clerkId ?? UNKNOWN_CLERK_KEY;
    const g = byClerk.get(key);
    if (g) add(g.acc, d);
    else byClerk.set(key, { name: r.place?.clerkName ?? '', acc: d, departments: new Map() });
  }
  return {
    month: options.month,
    asOf,
    total: finish(total),
    byDepartment: groups(byDept, false),
    byClerk: groups(byClerk, true),
  };
}
