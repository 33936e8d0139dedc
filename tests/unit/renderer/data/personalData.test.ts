import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import {
  personalFieldsOf,
  personalStream,
  revealPersonalData,
} from '../../../../renderer/src/data/personalData';
import type { OneWindowDb, UserRow } from '../../../../renderer/src/data/db';
import type { CaseState, Command, Role } from '../../../../renderer/src/domain';
import { acceptOf, actors, intakeOf } from '../domain/workflowFixtures';
import { stationDb } from './helpers';

let db: OneWindowDb;
// A Monday with no holiday near: the case is taken in and looked at the same morning.
const now = new Date('2026-03-02T02:00:00Z');
const later = new Date('2026-03-02T03:30:00Z');

/** A person applicant with an agent: the case where every personal field is present. */
const personCase = (): Command => ({
  ...(acceptOf({
    applicant: { kind: 'person', name: '李秀英', idNumber: '11010519491231002X' },
    agent: { name: '王代办', idNumber: '410108198503120039', phone: '13937185206' },
  }) as Extract<Command, { type: 'accept' }>),
  caseId: 'c1',
  caseNo: '',
});

/** A user row as the admin screen stores it; the password hash is never read here. */
const userOf = (role: Role, overrides: Partial<UserRow> = {}): UserRow => ({
  id: actors[role].id,
  username: `test-${role}`,
  name: actors[role].name,
  role,
  disabled: 0,
  passwordHash: 'unused',
  failedAttempts: 0,
  lockedUntil: null,
  ...overrides,
});

beforeEach(async () => {
  db = await stationDb(now);
  await db.users.bulkPut((Object.keys(actors) as Role[]).map((r) => userOf(r)));
  const r = await dispatch(db, personCase(), { actor: actors.clerk, now });
  expect(r.ok).toBe(true);
});
afterEach(() => db.close());

const revealsOf = async () => db.events.where('streamId').equals(personalStream('c1')).toArray();

describe('revealPersonalData', () => {
  it.each(['clerk', 'chief', 'director', 'admin'] as const)(
    'records a %s seeing the full numbers: who, when, which case, which fields',
    async (role) => {
      const r = await revealPersonalData(db, actors[role], 'c1', later);
      expect(r.ok).toBe(true);
      const [event] = await revealsOf();
      expect(event).toMatchObject({
        type: 'personalDataRevealed',
        actor: { id: actors[role].id, name: actors[role].name, role },
        at: later.toISOString(),
        payload: {
          caseId: 'c1',
          caseNo: 'HJ01-20260302-0001',
          fields: ['idNumber', 'phone', 'agentIdNumber', 'agentPhone'],
        },
      });
      // Appended to the same hash chain as the case's own events, and the chain still holds.
      expect((await verifyLog(db, later)).ok).toBe(true);
    },
  );

  it('refuses the reviewer, whose review does not need the numbers, and writes nothing', async () => {
    const before = await db.events.count();
    const r = await revealPersonalData(db, actors.reviewer, 'c1', later);
    expect(r).toEqual({ ok: false, refusal: 'not_allowed' });
    expect(await db.events.count()).toBe(before);
  });

  it('checks the stored role, not the one the screen claims', async () => {
    // A reviewer's session that says "clerk" (a stale or tampered screen) is still a reviewer.
    const r = await revealPersonalData(db, { ...actors.reviewer, role: 'clerk' }, 'c1', later);
    expect(r).toEqual({ ok: false, refusal: 'not_allowed' });
    expect(await revealsOf()).toEqual([]);
  });

  it('refuses a disabled clerk and someone who is not a user at all', async () => {
    await db.users.put(userOf('clerk', { disabled: 1 }));
    expect(await revealPersonalData(db, actors.clerk, 'c1', later)).toEqual({
      ok: false,
      refusal: 'not_allowed',
    });
    const stranger = { id: 'u-none', name: '路人', role: 'admin' };
    expect(await revealPersonalData(db, stranger, 'c1', later)).toEqual({
      ok: false,
      refusal: 'not_allowed',
    });
    expect(await revealsOf()).toEqual([]);
  });

  it('refuses a case that does not exist', async () => {
    const r = await revealPersonalData(db, actors.clerk, 'c-missing', later);
    expect(r).toEqual({ ok: false, refusal: 'case_not_found' });
  });

  it("does not move the case's version: a look is not a change to the case", async () => {
    const before = (await db.cases.get('c1'))!.version;
    await revealPersonalData(db, actors.clerk, 'c1', later);
    await revealPersonalData(db, actors.chief, 'c1', later);
    expect((await db.cases.get('c1'))!.version).toBe(before);
    expect(await revealsOf()).toHaveLength(2);
    expect((await verifyLog(db, later)).ok).toBe(true);
  });
});

describe('personalFieldsOf', () => {
  it('names only what the case holds: an enterprise without agent has just the phone', () => {
    const state = { intake: intakeOf() } as unknown as CaseState;
    expect(personalFieldsOf(state)).toEqual(['phone']);
    expect(personalFieldsOf(undefined)).toEqual([]);
  });
});
