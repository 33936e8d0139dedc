// The bureau's departments and their matters are station data: the stage defaults until a director
// or an administrator (as stored, not as the screen claims) saves others; bad setups are refused
// with the fields named; a department that still handles matters cannot be deleted; every change is
// in the event log and the chain still verifies.
import { afterEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import {
  defaultDepartments,
  DEPARTMENTS_KEY,
  departmentOfSetup,
  loadDepartments,
  MAX_DEPARTMENTS,
  saveDepartments,
  type DepartmentSetup,
} from '../../../../renderer/src/data/departments';
import { defaultCatalogue, STAGE_IDS } from '../../../../renderer/src/domain';
import zhStats from '../../../../renderer/src/locales/zh-CN/stats.json';
import enStats from '../../../../renderer/src/locales/en/stats.json';
import { stationDb, stationWithStaff } from './helpers';

const now = new Date('2026-03-02T02:00:00Z');
let db: OneWindowDb;
afterEach(() => db?.close());

/**
 * The defaults with the building permit (建筑类) moved to a new 建筑工程审批科 and the
 * engineering-permit section renamed: differs from the defaults in names, count and mapping.
 */
const custom = (over: Partial<DepartmentSetup> = {}): DepartmentSetup => {
  const base = defaultDepartments();
  return {
    departments: [
      ...base.departments.map((d) =>
        d.id === 'engineeringPermit' ? { ...d, name: '规划管理科', nameEn: 'Planning section' } : d,
      ),
      { id: 'dept-5', name: '建筑工程审批科', nameEn: 'Building approvals section' },
    ],
    matters: { ...base.matters, 'GCGH-JZ': 'dept-5' },
    ...over,
  };
};

async function withUsers() {
  const staff = await stationWithStaff(now);
  db = staff.db;
  return staff;
}

describe('departments: defaults', () => {
  it('are one per stage with the names the statistics showed, every matter under its stage', async () => {
    db = await stationDb(now);
    const { setup, configured } = await loadDepartments(db);
    expect(configured).toBe(false);
    // Why: a station that never configures must see the same names as before (stats.json).
    const zh = zhStats as Record<string, string>;
    const en = enStats as Record<string, string>;
    expect(setup.departments).toEqual(
      STAGE_IDS.map((id) => ({
        id,
        name: zh[`department.${id}`],
        nameEn: en[`department.${id}`],
      })),
    );
    for (const m of defaultCatalogue.matters) expect(setup.matters[m.code]).toBe(m.stage);
  });
});

describe('departments: saving', () => {
  it('a director saves; the setup is read back, one event is appended and the chain holds', async () => {
    const { director } = await withUsers();
    const before = await db.events.count();
    expect(await saveDepartments(db, director, custom(), now)).toEqual({ ok: true });
    expect(await loadDepartments(db)).toEqual({ setup: custom(), configured: true });
    expect(await db.events.count()).toBe(before + 1);
    const last = (await db.events.orderBy('pos').last())!;
    expect(last).toMatchObject({
      streamId: 'station',
      type: 'settings.departmentsChanged',
      actor: { id: director.id, role: 'director' },
      payload: { matters: { 'GCGH-JZ': 'dept-5' } },
    });
    expect((await verifyLog(db, now)).ok).toBe(true);
  });

  it('an administrator may; a chief or a clerk may not, even when the screen claims a higher role', async () => {
    const { admin, chief, clerk } = await withUsers();
    expect(await saveDepartments(db, admin, custom(), now)).toEqual({ ok: true });
    const before = await db.events.count();
    const renamed = custom({ departments: [{ id: 'x', name: '综合科' }], matters: {} });
    for (const who of [chief, clerk, { ...clerk, role: 'admin' }]) {
      expect(await saveDepartments(db, who, renamed, now)).toEqual({
        ok: false,
        code: 'forbidden_role',
      });
    }
    expect((await loadDepartments(db)).setup).toEqual(custom());
    expect(await db.events.count()).toBe(before);
  });

  it('trims names and drops an empty English name before storing', async () => {
    const { admin } = await withUsers();
    const setup = custom();
    setup.departments[4] = { id: 'dept-5', name: '  建筑工程审批科 ', nameEn: '  ' };
    expect(await saveDepartments(db, admin, setup, now)).toEqual({ ok: true });
    const stored = (await loadDepartments(db)).setup.departments[4];
    expect(stored).toEqual({ id: 'dept-5', name: '建筑工程审批科' });
  });
});

describe('departments: validation', () => {
  it('names an empty, a duplicate and an over-long name by field, saving nothing', async () => {
    const { admin } = await withUsers();
    const base = custom();
    const bad = custom({
      departments: [
        { ...base.departments[0]!, name: '  ' },
        { ...base.departments[1]!, name: '施工许可科' },
        base.departments[2]!,
        { ...base.departments[3]!, name: '科'.repeat(31) },
        base.departments[4]!,
      ],
    });
    const r = await saveDepartments(db, admin, bad, now);
    expect(r).toEqual({
      ok: false,
      code: 'invalid',
      problems: [
        { field: 'departments.landUsePlanning.name', code: 'required' },
        { field: 'departments.engineeringPermit.name', code: 'duplicate' },
        { field: 'departments.constructionPermit.name', code: 'duplicate' },
        { field: 'departments.completionAcceptance.name', code: 'tooLong' },
      ],
    });
    expect(await loadDepartments(db)).toMatchObject({ configured: false });
  });

  it('refuses deleting a department that still has matters, naming them', async () => {
    const { admin } = await withUsers();
    expect(await saveDepartments(db, admin, custom(), now)).toEqual({ ok: true });
    // Why: dept-5 goes, but GCGH-JZ still points at it — the matter would lose its department.
    const deleted = custom({ departments: custom().departments.slice(0, 4) });
    expect(await saveDepartments(db, admin, deleted, now)).toEqual({
      ok: false,
      code: 'invalid',
      problems: [{ field: 'departments.dept-5', code: 'inUse', matters: ['GCGH-JZ'] }],
    });
    // Once its matter has moved, the same deletion is accepted.
    const moved = { ...deleted, matters: { ...deleted.matters, 'GCGH-JZ': 'engineeringPermit' } };
    expect(await saveDepartments(db, admin, moved, now)).toEqual({ ok: true });
  });

  it('refuses unknown matters, mappings to no department, unassigned matters and too many departments', async () => {
    const { admin } = await withUsers();
    const { GHHS: _dropped, ...rest } = custom().matters;
    const r = await saveDepartments(
      db,
      admin,
      custom({ matters: { ...rest, 'NO-SUCH': 'dept-5', 'GCGH-SZ': 'ghost' } }),
      now,
    );
    expect(r).toMatchObject({ ok: false, code: 'invalid' });
    const problems = r.ok === false && r.code === 'invalid' ? r.problems : [];
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'matters.NO-SUCH', code: 'unknownMatter' },
        { field: 'matters.GCGH-SZ', code: 'unknownDepartment' },
        { field: 'matters.GHHS', code: 'unassigned' },
      ]),
    );
    const many = Array.from({ length: MAX_DEPARTMENTS + 1 }, (_, i) => ({
      id: `d${i}`,
      name: `第${i}科`,
    }));
    const tooMany = await saveDepartments(
      db,
      admin,
      { departments: many, matters: Object.fromEntries(Object.keys(rest).map((c) => [c, 'd0'])) },
      now,
    );
    expect(tooMany).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([{ field: 'departments', code: 'tooMany' }]),
    });
  });

  it('a damaged stored row falls back to the defaults; a matter added to the catalogue since the save is tolerated', async () => {
    db = await stationDb(now);
    await db.settings.put({ key: DEPARTMENTS_KEY, value: { departments: 'many' } });
    expect(await loadDepartments(db)).toEqual({ setup: defaultDepartments(), configured: false });
    const { GHHS: _newer, ...older } = custom().matters;
    await db.settings.put({ key: DEPARTMENTS_KEY, value: custom({ matters: older }) });
    expect(await loadDepartments(db)).toMatchObject({ configured: true });
    // Stats group the matter the saved setup does not know under "unassigned", not a guess.
    const of = departmentOfSetup((await loadDepartments(db)).setup, 'zh-CN', '未分配');
    expect([of('GHHS'), of('GCGH-JZ'), of('GCGH-SZ')]).toEqual([
      '未分配',
      '建筑工程审批科',
      '规划管理科',
    ]);
  });
});
