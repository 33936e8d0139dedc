// Realistic seed data for the benchmarks: enterprises of 郑州 with Chinese names, projects, and
// cases spread over 2025–2026 in every state of the flow.
import { makeCreditCode } from '../../renderer/src/domain/ids';
import { termsOf } from '../../renderer/src/data/search';
import type { CaseRow } from '../../renderer/src/data/db';

const places = [
  '惠济',
  '金水',
  '中原',
  '二七',
  '管城',
  '上街',
  '中牟',
  '巩义',
  '荥阳',
  '新郑',
  '登封',
  '新密',
];
const brands = [
  '宏达',
  '天润',
  '豫发',
  '中鼎',
  '华信',
  '瑞祥',
  '恒丰',
  '金桥',
  '绿城',
  '黄河',
  '嵩山',
  '博远',
  '万科',
  '建业',
  '正商',
  '康桥',
  '永威',
  '亚星',
  '鑫苑',
  '昌建',
];
const trades = ['置业', '建设', '物流', '食品', '机械', '电子', '医药', '新材料', '文旅', '环保'];
const works = [
  '住宅小区',
  '物流园',
  '厂房',
  '研发中心',
  '综合楼',
  '学校',
  '医院',
  '商业综合体',
  '安置房',
  '仓储中心',
];
const phases = ['一期', '二期', '三期', '四期'];
const roles = ['reviewer', 'chief', 'director', '', ''];
const statuses = ['review', 'verify', 'approval', 'delivered', 'supplementRequested'];

/** Deterministic pseudo-random numbers so every run seeds the same data. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export function caseNoOf(i: number) {
  return `HJ01-2026-${String(i).padStart(6, '0')}`;
}

export function seedCase(i: number, r: () => number): CaseRow {
  const applicantName = `郑州${pick(r, places)}${pick(r, brands)}${pick(r, trades)}有限公司`;
  const projectName = `${pick(r, brands)}${pick(r, works)}${pick(r, phases)}项目`;
  const status = pick(r, statuses);
  const role = status === 'delivered' ? '' : pick(r, roles);
  const month = 1 + Math.floor(r() * 11);
  const day = 1 + Math.floor(r() * 28);
  const received = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const due = `2026-${String(Math.min(12, month + 1)).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const orgCode = String(10000000 + (i % 89999999)).padStart(8, '0') + 'X';
  const partyCode = makeCreditCode(`91410108${orgCode}`);
  return {
    id: `case-${i}`,
    caseNo: caseNoOf(i),
    version: 2,
    status,
    matterCode: 'GCGH-HF',
    applicantId: `party-${i % 20000}`,
    projectId: `project-${i % 40000}`,
    applicantName,
    projectName,
    partyCode,
    projectCode: `2026-410108-${String(47 + (i % 3)).padStart(2, '0')}-01-${String(i).padStart(6, '0')}`,
    inboxRole: role,
    dueDate: status === 'delivered' ? '9999-12-31' : due,
    receivedDate: received,
    greenChannel: r() < 0.05 ? 1 : 0,
    terms: termsOf(applicantName, projectName),
    state: { id: `case-${i}`, status, applicantName, projectName },
  };
}
