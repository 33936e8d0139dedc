// What the case screens show of a read-table row: the domain state behind it, the applicant with
// personal data masked for lists, the matter in the user's language, and the live traffic light
// (the row's due date is stored; days left depend on today, so they are computed on screen).
import {
  defaultCalendar,
  maskIdNumber,
  missingYears,
  trafficLight,
  workingDaysLeft,
  type CaseState,
  type HolidayCalendar,
  type TrafficLight,
} from '../../domain';
import type { CaseRow } from '../../data/db';
import { NO_DUE_DATE } from '../../data/projection';

/** The folded domain state the projection keeps on every row. */
export const stateOf = (row: CaseRow) => row.state as CaseState;

/** Applicant code as a list may show it: credit codes whole, ID numbers masked. */
export function maskedPartyCode(row: CaseRow): string {
  const applicant = stateOf(row).intake?.applicant;
  if (!applicant) return '';
  return applicant.kind === 'person' ? maskIdNumber(applicant.idNumber) : applicant.creditCode;
}

export const isEnglish = (language: string) => language.startsWith('en');

export function matterName(row: CaseRow, language: string): string {
  const m = stateOf(row).matter;
  if (!m) return row.matterCode;
  return isEnglish(language) ? m.nameEn : m.name;
}

export type Light =
  | { kind: 'none' }
  /**
   * `estimated`: the years without holiday data the count crossed (empty when exact); the light
   * then follows the weekday estimate, and the screen says so.
   */
  | {
      kind: 'light';
      light: TrafficLight;
      daysLeft: number;
      dueOn: string;
      estimated: number[];
    };

export function lightOf(
  dueOn: string,
  today: string,
  calendar: HolidayCalendar = defaultCalendar,
): Light {
  if (!dueOn || dueOn === NO_DUE_DATE) return { kind: 'none' };
  return {
    kind: 'light',
    light: trafficLight(dueOn, today, undefined, calendar),
    daysLeft: workingDaysLeft(dueOn, today, calendar),
    dueOn,
    estimated: missingYears(today, dueOn, calendar),
  };
}

export const lightColour: Record<TrafficLight, 'success' | 'warning' | 'error'> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
};

/** The time of day (HH:mm, 24-hour) of an ISO instant on the hall's clock, not the PC's zone. */
export function formatClockTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleTimeString(isEnglish(language) ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/**
 * Date and time of an ISO instant on the hall's clock (Beijing time, the zone every local date of
 * the domain is taken in — not the PC's zone, which may be set to anything), 24-hour.
 */
export function formatTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(isEnglish(language) ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}
