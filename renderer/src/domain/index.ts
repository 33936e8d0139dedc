// The domain's public API. Everything here is pure: no React, Dexie, DOM, Electron or Node.
export * from './calendar';
export {
  addCalendarDays,
  compareDates,
  dayNumber,
  dayOfWeek,
  daysInMonth,
  hallDateTime,
  HALL_TIME_ZONE,
  isLocalDate,
  yearOf,
} from './dates';
export * from './holidayNotice';
export * from './ids';
export * from './mask';
export * from './catalogue';
export * from './deadlines';
export * from './roles';
export * from './workflow';
export * from './numbering';
export * from './scanCode';
export * from './audit';
