// The bureau's departments (科室) and which matter each one handles: station data, because every
// bureau names its own sections and assigns the matters itself (docs/domain.md: unconfirmed,
// so configurable). Kept in the station's `settings` table (backed up and restored with it),
// changed only by a director or an administrator — checked here against the stored user, not only
// by hiding the button — and every change recorded in the event log with the whole new setup. Until
// someone saves, there is one department per approval stage with every matter under its stage,
// which is what the statistics showed before this existed.
import { defaultCatalogue, STAGE_IDS, type Catalogue, type StageId } from '../domain/catalogue';
import type { OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import { saveStationSetting } from './stationSettings';

export const DEPARTMENTS_KEY = 'station.departments';

/** Roles that set the departments: the office's head, and the administrator who sets it up. */
export const DEPARTMENT_SETTERS: readonly string[] = ['director', 'admin'];

export const MAX_DEPARTMENTS = 30;
export const MAX_NAME_LENGTH = 30;
export const MAX_NAME_EN_LENGTH = 60;

export interface Department {
  id: string;
  /** Chinese name, as printed and shown first. */
  name: string;
  /** English name; the Chinese one is shown in English screens when it is empty. */
  nameEn?: string;
}

export interface DepartmentSetup {
  departments: Department[];
  /** Matter code → department id. */
  matters: Record<string, string>;
}

// The same names as stats.json `department.<stage>` (a unit test keeps them equal): the data layer
// does not read locale files, and a station that never configures sees exactly what it saw before.
const STAGE_DEPARTMENTS: Record<StageId, { name: string; nameEn: string }> = {
  landUsePlanning: { name: '用地规划科', nameEn: 'Land-use planning section' },
  engineeringPermit: { name: '建设工程规划科', nameEn: 'Building permits section' },
  constructionPermit: { name: '施工许可科', nameEn: 'Construction permits section' },
  completionAcceptance: { name: '规划核实科', nameEn: 'Planning verification section' },
};

/** One department per stage (id = stage id), every catalogue matter under its stage. */
export function defaultDepartments(catalogue: Catalogue = defaultCatalogue): DepartmentSetup {
  return {
    departments: STAGE_IDS.map((id) => ({ id, ...STAGE_DEPARTMENTS[id] })),
    matters: Object.fromEntries(catalogue.matters.map((m) => [m.code, m.stage])),
  };
}

export type DepartmentProblemCode =
  | 'malformed'
  | 'none'
  | 'tooMany'
  | 'badId'
  | 'duplicateId'
  | 'required'
  | 'tooLong'
  | 'duplicate'
  | 'inUse'
  | 'unknownMatter'
  | 'unknownDepartment'
  | 'unassigned';

/**
 * One thing wrong, by field: `departments`, `departments.<id>.name`, `departments.<id>.nameEn`,
 * `departments.<id>` (deleted while matters still point at it: `matters` names them) or
 * `matters.<code>`.
 */
export interface DepartmentProblem {
  field: string;
  code: DepartmentProblemCode;
  matters?: string[];
}

const ID_RE = /^[A-Za-z0-9_-]{1,40}$/;
const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function isSetupShape(x: unknown): x is DepartmentSetup {
  if (!isRecord(x) || !Array.isArray(x.departments) || !isRecord(x.matters)) return false;
  const deptsOk = x.departments.every(
    (d) =>
      isRecord(d) &&
      typeof d.id === 'string' &&
      typeof d.name === 'string' &&
      (d.nameEn === undefined || typeof d.nameEn === 'string'),
  );
  return deptsOk && Object.values(x.matters).every((v) => typeof v === 'string');
}

export interface ValidateOptions {
  catalogue?: Catalogue;
  /** The setup as stored: a department missing from the new one but still assigned was deleted. */
  previous?: DepartmentSetup;
  /** Every catalogue matter must have a department (on save; a stored setup may predate a matter). */
  complete?: boolean;
}

function nameProblems(departments: Department[]): DepartmentProblem[] {
  const out: DepartmentProblem[] = [];
  const ids = new Set<string>();
  const names = new Map<string, number>();
  const namesEn = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const d of departments) {
    count(names, d.name.trim());
    if ((d.nameEn ?? '').trim()) count(namesEn, (d.nameEn ?? '').trim().toLowerCase());
  }
  for (const d of departments) {
    if (!ID_RE.test(d.id)) out.push({ field: `departments.${d.id}`, code: 'badId' });
    else if (ids.has(d.id)) out.push({ field: `departments.${d.id}`, code: 'duplicateId' });
    ids.add(d.id);
    const name = d.name.trim();
    const nameEn = (d.nameEn ?? '').trim();
    const field = `departments.${d.id}.name`;
    if (!name) out.push({ field, code: 'required' });
    else if (name.length > MAX_NAME_LENGTH) out.push({ field, code: 'tooLong' });
    else if ((names.get(name) ?? 0) > 1) out.push({ field, code: 'duplicate' });
    if (nameEn.length > MAX_NAME_EN_LENGTH) out.push({ field: `${field}En`, code: 'tooLong' });
    else if (nameEn && (namesEn.get(nameEn.toLowerCase()) ?? 0) > 1) {
      out.push({ field: `${field}En`, code: 'duplicate' });
    }
  }
  return out;
}

export function validateDepartments(
  setup: unknown,
  options: ValidateOptions = {},
): DepartmentProblem[] {
  if (!isSetupShape(setup)) return [{ field: 'departments', code: 'malformed' }];
  const catalogue = options.catalogue ?? defaultCatalogue;
  const { departments, matters } = setup;
  const out: DepartmentProblem[] = [];
  if (departments.length === 0) out.push({ field: 'departments', code: 'none' });
  if (departments.length > MAX_DEPARTMENTS) out.push({ field: 'departments', code: 'tooMany' });
  out.push(...nameProblems(departments));
  const ids = new Set(departments.map((d) => d.id));
  const known = new Set(catalogue.matters.map((m) => m.code));
  const previousIds = new Set(options.previous?.departments.map((d) => d.id) ?? []);
  const deletedInUse = new Map<string, string[]>();
  for (const [code, dept] of Object.entries(matters)) {
    if (!known.has(code)) out.push({ field: `matters.${code}`, code: 'unknownMatter' });
    else if (ids.has(dept)) continue;
    else if (previousIds.has(dept))
      deletedInUse.set(dept, [...(deletedInUse.get(dept) ?? []), code]);
    else out.push({ field: `matters.${code}`, code: 'unknownDepartment' });
  }
  for (const [dept, codes] of deletedInUse) {
    out.push({ field: `departments.${dept}`, code: 'inUse', matters: codes });
  }
  if (options.complete) {
    for (const m of catalogue.matters) {
      if (!(m.code in matters)) out.push({ field: `matters.${m.code}`, code: 'unassigned' });
    }
  }
  return out;
}

// Problems a stored setup may have without being damaged: a matter later removed from the
// catalogue, or added to it since the save. Anything else means the row is not to be trusted.
const TOLERATED_ON_LOAD: readonly DepartmentProblemCode[] = ['unknownMatter', 'unassigned'];

export interface LoadedDepartments {
  setup: DepartmentSetup;
  /** The station saved its own; false while the stage defaults are in use. */
  configured: boolean;
}

export async function loadDepartments(
  db: OneWindowDb,
  catalogue: Catalogue = defaultCatalogue,
): Promise<LoadedDepartments> {
  const value = (await db.settings.get(DEPARTMENTS_KEY))?.value;
  // Checked as read: a damaged row never groups anyone's figures.
  if (value === undefined) return { setup: defaultDepartments(catalogue), configured: false };
  const problems = validateDepartments(value, { catalogue });
  if (problems.some((p) => !TOLERATED_ON_LOAD.includes(p.code))) {
    return { setup: defaultDepartments(catalogue), configured: false };
  }
  return { setup: value as DepartmentSetup, configured: true };
}

/** Names trimmed, an empty English name dropped: what is stored is what was meant. */
export function normaliseSetup(setup: DepartmentSetup): DepartmentSetup {
  return {
    departments: setup.departments.map((d) => {
      const nameEn = (d.nameEn ?? '').trim();
      return nameEn ? { id: d.id, name: d.name.trim(), nameEn } : { id: d.id, name: d.name.trim() };
    }),
    matters: { ...setup.matters },
  };
}

/** The matters a department still handles (a department with any cannot be deleted). */
export const mattersOf = (setup: DepartmentSetup, id: string): string[] =>
  Object.entries(setup.matters)
    .filter(([, dept]) => dept === id)
    .map(([code]) => code);

/** A fresh id for a new department, never one in use (ids are kept when names change). */
export function newDepartmentId(setup: DepartmentSetup): string {
  let n = setup.departments.length + 1;
  const ids = new Set(setup.departments.map((d) => d.id));
  while (ids.has(`dept-${n}`)) n += 1;
  return `dept-${n}`;
}

/** The name to show for a department in a language (English falls back to Chinese). */
export const departmentLabel = (d: Department, language: string): string =>
  language.startsWith('en') && d.nameEn ? d.nameEn : d.name;

/**
 * `departmentOf` for the statistics: a matter's department name in the screen's language; a
 * matter without one (a code the setup does not know) is grouped under `unassigned`.
 */
export function departmentOfSetup(
  setup: DepartmentSetup,
  language: string,
  unassigned: string,
): (matterCode: string) => string {
  const byId = new Map(setup.departments.map((d) => [d.id, d]));
  return (code) => {
    const d = byId.get(setup.matters[code] ?? '');
    return d ? departmentLabel(d, language) : unassigned;
  };
}

export type SaveDepartmentsResult =
  | { ok: true }
  | { ok: false; code: 'forbidden_role' | 'no_station' }
  | { ok: false; code: 'invalid'; problems: DepartmentProblem[] };

export async function saveDepartments(
  db: OneWindowDb,
  actor: EventActor,
  setup: DepartmentSetup,
  now = new Date(),
  catalogue: Catalogue = defaultCatalogue,
): Promise<SaveDepartmentsResult> {
  if (!isSetupShape(setup)) {
    return { ok: false, code: 'invalid', problems: validateDepartments(setup) };
  }
  const next = normaliseSetup(setup);
  return saveStationSetting<Extract<SaveDepartmentsResult, { code: 'invalid' }>>(
    db,
    actor,
    {
      key: DEPARTMENTS_KEY,
      roles: DEPARTMENT_SETTERS,
      // Deleting a department that still has matters depends on what is stored now.
      decide: async () => {
        const previous = (await loadDepartments(db, catalogue)).setup;
        const problems = validateDepartments(next, { catalogue, previous, complete: true });
        if (problems.length > 0) return { ok: false, code: 'invalid', problems } as const;
        return {
          value: next,
          event: { type: 'settings.departmentsChanged', payload: { ...next } },
        };
      },
    },
    now,
  );
}
