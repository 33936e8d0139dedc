// The statistics group cases by the station's own departments: two matters of one stage
// (建设工程规划许可 建筑类 and 市政类) handled by two departments are counted apart, and the
// names are those saved, in the screen's language.
import { describe, expect, it } from 'vitest';
import { monthlyFigures } from '../../../../renderer/src/domain/stats';
import {
  defaultDepartments,
  departmentOfSetup,
  type DepartmentSetup,
} from '../../../../renderer/src/data/departments';
import { decided, statsCase } from '../ledgers/statsFixtures';

/** A case of a given matter (engineering-permit stage), accepted and decided in February. */
const caseOfMatter = (caseId: string, code: string, clerk = 'k1') => {
  const c = statsCase(clerk, { caseId, acceptedOn: '2026-02-02', ...decided('2026-02-04') });
  c.state.matter = { ...c.state.matter, code, stage: 'engineeringPermit' };
  return c;
};

const split = (): DepartmentSetup => {
  const base = defaultDepartments();
  return {
    departments: [
      ...base.departments,
      { id: 'dept-5', name: '市政工程规划科', nameEn: 'Municipal works section' },
    ],
    matters: { ...base.matters, 'GCGH-SZ': 'dept-5' },
  };
};

const cases = [
  caseOfMatter('a', 'GCGH-JZ'),
  caseOfMatter('b', 'GCGH-JZ'),
  caseOfMatter('c', 'GCGH-SZ', 'k2'),
];

describe('statistics by configured department', () => {
  it('splits two matters of one stage into their two departments', () => {
    const f = monthlyFigures(cases, {
      month: '2026-02',
      today: '2026-03-10',
      departmentOf: departmentOfSetup(split(), 'zh-CN', '未分配科室'),
    });
    expect(f.byDepartment.map((g) => [g.name, g.takenIn, g.concluded])).toEqual([
      ['建设工程规划科', 2, 2],
      ['市政工程规划科', 1, 1],
    ]);
    // A clerk's department follows the matters they took in.
    expect(f.byClerk.map((g) => [g.key, g.department])).toEqual([
      ['k1', '建设工程规划科'],
      ['k2', '市政工程规划科'],
    ]);
  });

  it('with the defaults the two matters stay together under their stage; English names in English', () => {
    const zh = monthlyFigures(cases, {
      month: '2026-02',
      today: '2026-03-10',
      departmentOf: departmentOfSetup(defaultDepartments(), 'zh-CN', '未分配科室'),
    });
    expect(zh.byDepartment.map((g) => [g.name, g.takenIn])).toEqual([['建设工程规划科', 3]]);
    const en = monthlyFigures(cases, {
      month: '2026-02',
      today: '2026-03-10',
      departmentOf: departmentOfSetup(split(), 'en', 'Unassigned'),
    });
    expect(en.byDepartment.map((g) => g.name)).toEqual([
      'Building permits section',
      'Municipal works section',
    ]);
  });
});
