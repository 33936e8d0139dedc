// The station: who this installation is (office, division, station code), set once at first
// run together with the first administrator. The station code is the station id of the event
// log and part of every case number, so two stations never produce the same ids.
import type { OneWindowDb, UserRow } from './db';
import { AuthError } from './authErrors';
import { hashPassword, isAcceptablePassword } from './authPassword';
import { recordCredential } from './credentials';
import { append } from './log';
import type { EventActor } from './eventTypes';

export interface Station {
  stationId: string;
  stationCode: string;
  /** 6-digit administrative division, e.g. 410108 (惠济区). */
  divisionCode: string;
  officeName: string;
  officeShortName: string;
  createdAt: string;
  /** Printed on every paper; set by an administrator after set-up (empty until then). */
  address?: string;
  phone?: string;
  /** Where applicants check progress online, printed on the acceptance notice. */
  website?: string;
  /**
   * 行政复议机关 named in the remedies of a refusal or denial (since 2024 the people's government
   * at the same level; for a branch of a municipal bureau, the municipal or the district one).
   */
  reviewBody?: string;
  /** The court with jurisdiction over administrative suits against the office. */
  court?: string;
}

export interface StationContact {
  address: string;
  phone: string;
  website: string;
  reviewBody?: string;
  court?: string;
}

/** The office facts a paper prints; a missing one leaves its sentence out of every paper. */
export const CONTACT_FIELDS = ['address', 'phone', 'website', 'reviewBody', 'court'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Which of the printed office facts are not filled in yet. */
export function missingContact(s: Partial<StationContact> | null | undefined): ContactField[] {
  return CONTACT_FIELDS.filter((f) => !(s?.[f] ?? '').trim());
}

const OFFICE_PHONE = /^(0\d{2,3}-?\d{7,8}|1[3-9]\d{9})$/;

/** Trimmed contact details and what is wrong with them (null = fine). */
export function cleanContact(contact: Partial<StationContact>): {
  clean: StationContact;
  problem: 'phone' | 'too_long' | null;
} {
  const clean: StationContact = {
    address: (contact.address ?? '').trim(),
    phone: (contact.phone ?? '').trim(),
    website: (contact.website ?? '').trim(),
    reviewBody: (contact.reviewBody ?? '').trim(),
    court: (contact.court ?? '').trim(),
  };
  if (Object.values(clean).some((v) => (v ?? '').length > 200))
    return { clean, problem: 'too_long' };
  if (clean.phone && !OFFICE_PHONE.test(clean.phone)) return { clean, problem: 'phone' };
  return { clean, problem: null };
}

export interface NewUserInput {
  username: string;
  name: string;
  password: string;
}

export interface SetupInput {
  officeName: string;
  officeShortName: string;
  divisionCode: string;
  stationCode: string;
  admin: NewUserInput;
  /** Printed on every paper; may be left for 设置 › 本机关信息, which then warns. */
  contact?: Partial<StationContact>;
}

export const STATION_KEY = 'station';

export const isDivisionCode = (s: string) => /^\d{6}$/.test(s);
export const isStationCode = (s: string) => /^[A-Z0-9]{2,4}$/.test(s);
export const isUsername = (s: string) => /^[a-z0-9][a-z0-9._-]{1,31}$/.test(s);
export const isPersonName = (s: string) => s.trim().length >= 1 && s.trim().length <= 40;

/** Usernames are compared in lower case: 'Zhang' and 'zhang' are one account. */
export const normaliseUsername = (s: string) => s.trim().toLowerCase();

/** Which fields of a set-up form are wrong (empty = fine). */
export function setupProblems(input: SetupInput): string[] {
  const problems: string[] = [];
  if (!input.officeName.trim() || input.officeName.trim().length > 60) problems.push('officeName');
  if (!input.officeShortName.trim() || input.officeShortName.trim().length > 12) {
    problems.push('officeShortName');
  }
  if (!isDivisionCode(input.divisionCode)) problems.push('divisionCode');
  if (!isStationCode(input.stationCode)) problems.push('stationCode');
  const contact = cleanContact(input.contact ?? {});
  if (contact.problem === 'phone') problems.push('phone');
  if (contact.problem === 'too_long') {
    const long = CONTACT_FIELDS.find((f) => (contact.clean[f] ?? '').length > 200);
    if (long) problems.push(long);
  }
  problems.push(...newUserProblems(input.admin));
  return problems;
}

export function newUserProblems(u: NewUserInput): string[] {
  const problems: string[] = [];
  if (!isUsername(normaliseUsername(u.username))) problems.push('username');
  if (!isPersonName(u.name)) problems.push('name');
  if (!isAcceptablePassword(u.password)) problems.push('password');
  return problems;
}

export async function getStation(db: OneWindowDb): Promise<Station | null> {
  const row = await db.meta.get(STATION_KEY);
  return (row?.value as Station | undefined) ?? null;
}

export const newUserId = () => `u-${crypto.randomUUID()}`;

export interface SetupOptions {
  now?: Date;
  /** PBKDF2 iterations; production default. Tests of other things may pass fewer. */
  iterations?: number;
}

/**
 * First-run set-up: the station and its first administrator, as events in the log (streams
 * 'station' and 'user:<id>') and rows in meta/users, all or nothing. Refused once a station exists.
 */
export async function setupStation(
  db: OneWindowDb,
  input: SetupInput,
  options: SetupOptions = {},
): Promise<{ station: Station; admin: EventActor }> {
  const problems = setupProblems(input);
  if (problems.length > 0) throw new AuthError('invalid', problems[0]);
  const now = options.now ?? new Date();
  // Hash before the transaction: IndexedDB transactions end when they wait on anything else.
  const passwordHash = await hashPassword(input.admin.password, { iterations: options.iterations });
  const station: Station = {
    stationId: input.stationCode,
    stationCode: input.stationCode,
    divisionCode: input.divisionCode,
    officeName: input.officeName.trim(),
    officeShortName: input.officeShortName.trim(),
    createdAt: now.toISOString(),
  };
  // Only the facts given: an empty one stays absent, as before set-up asked for them.
  const contact = Object.fromEntries(
    Object.entries(cleanContact(input.contact ?? {}).clean).filter(([, v]) => v),
  ) as Partial<StationContact>;
  Object.assign(station, contact);
  const user: UserRow = {
    id: newUserId(),
    username: normaliseUsername(input.admin.username),
    name: input.admin.name.trim(),
    role: 'admin',
    disabled: 0,
    passwordHash,
    failedAttempts: 0,
    lockedUntil: null,
  };
  const actor: EventActor = { id: user.id, name: user.name, role: user.role };
  await db.transaction('rw', [db.events, db.meta, db.users], async () => {
    if (await getStation(db)) throw new AuthError('already_set_up');
    const { passwordHash: _h, failedAttempts: _f, lockedUntil: _l, ...pub } = user;
    await append(
      db,
      station,
      'station',
      [
        {
          type: 'station.set_up',
          payload: {
            stationCode: station.stationCode,
            divisionCode: station.divisionCode,
            officeName: station.officeName,
            officeShortName: station.officeShortName,
            ...contact,
          },
        },
      ],
      actor,
      now,
    );
    const [created] = await append(
      db,
      station,
      `user:${user.id}`,
      [{ type: 'user.created', payload: { ...pub } }],
      actor,
      now,
    );
    await recordCredential(db, created!, user.id, user.passwordHash);
    await db.meta.put({ key: STATION_KEY, value: station });
    await db.users.add(user);
  });
  return { station, admin: actor };
}

export type ContactProblem = 'not_admin' | 'no_station' | 'phone' | 'too_long';

/**
 * The office's address, phone and progress-query website, printed on every paper. Only an
 * administrator (as stored in the users table, not as claimed) may change them; the change is an
 * event in the log, written with the station row in one transaction.
 */
export async function updateStationContact(
  db: OneWindowDb,
  actor: EventActor,
  contact: StationContact,
  now = new Date(),
): Promise<{ ok: true; station: Station } | { ok: false; problem: ContactProblem }> {
  const { clean, problem } = cleanContact(contact);
  if (problem) return { ok: false, problem };
  return db.transaction('rw', [db.events, db.meta, db.users], async () => {
    const stored = await db.users.get(actor.id);
    if (!stored || stored.disabled || stored.role !== 'admin')
      return { ok: false, problem: 'not_admin' };
    const station = await getStation(db);
    if (!station) return { ok: false, problem: 'no_station' };
    const next: Station = { ...station, ...clean };
    await append(
      db,
      station,
      'station',
      [{ type: 'station.contact_changed', payload: { ...clean } }],
      actor,
      now,
    );
    await db.meta.put({ key: STATION_KEY, value: next });
    return { ok: true, station: next };
  });
}
