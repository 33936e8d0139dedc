// Statistics benchmark: the monthly efficiency figures (per office, department and clerk, with
// the 红黑榜 ranking) over 100,000 case states in memory, as the statistics screen computes them
// after loading. Target ≤ 300 ms. Cases are spread over 2025–2026 with suspensions and ratings,
// so the working-day arithmetic (holidays, make-up days, suspensions) really runs.
import type { CaseState } from '../../renderer/src/domain';
import { monthlyFigures, type StatsCase } from '../../renderer/src/domain/stats';
import { rank } from '../../renderer/src/domain/statsRanking';

type Sampler = (
  n: number,
  fn: (i: number) => Promise<unknown>,
) => Promise<{ p50: number; p95: number }>;

export const STATS_CASES = 100_000;
export const STATS_FIGURE = 'monthly efficiency figures over 100,000 cases';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const day = (n: number) =>
  new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

export function statsCases(count = STATS_CASES): StatsCase[] {
  const r = rng(11);
  const clerks = Array.from({ length: 24 }, (_, i) => ({ id: `u${i}`, name: `窗口${i}` }));
  const stages = ['landUsePlanning', 'engineeringPermit', 'constructionPermit'] as const;
  const out: StatsCase[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(r() * 700);
    const acceptedOn = day(start);
    const decidedOn = r() < 0.85 ? day(Math.min(729, start + 1 + Math.floor(r() * 20))) : null;
    const suspended = r() < 0.1;
    const state = {
      caseId: `c${i}`,
      caseNo: `HJ01-${i}`,
      status: decidedOn ? 'approved' : 'review',
      version: 3,
      matter: {
        catalogueVersion: 'bench',
        code: `M${i % 9}`,
        name: '',
        nameEn: '',
        stage: stages[i % 3]!,
        legalDays: 20,
        promisedDays: [2, 5, 10][i % 3]!,
        greenChannel: true,
        certificateType: null,
      },
      greenChannel: i % 17 === 0,
      receivedOn: acceptedOn,
      acceptedOn,
      suspensions: suspended
        ? [{ from: day(start + 1), to: day(start + 4), kind: 'hearing' as const, reason: '' }]
        : [],
      decision: decidedOn ? { outcome: 'approved' as const, on: decidedOn } : null,
      ratings:
        decidedOn && r() < 0.5
          ? [
              {
                ratingId: `r${i}`,
                channel: 'counter' as const,
                overall: 5 as const,
                bad: r() < 0.05,
                on: decidedOn,
              },
            ]
          : [],
      withdrawal: null,
    } as unknown as CaseState;
    out.push({ state, clerk: clerks[i % clerks.length]! });
  }
  return out;
}

/**
 * p50 and p95 of one month's figures and ranking over 100,000 cases, each with its ratio to a
 * baseline measured in the same run: one plain pass over the same cases reading one field (the
 * least any monthly figure can cost).
 */
export async function benchStats(sample: Sampler) {
  const cases = statsCases();
  const months = ['2025-06', '2025-10', '2026-02', '2026-09'];
  const base = await sample(20, async () => {
    let n = 0;
    for (const c of cases) if (c.state.receivedOn.startsWith('2026-02')) n += 1;
    return n;
  });
  const timing = await sample(20, async (i) => {
    const m = monthlyFigures(cases, { month: months[i % months.length]!, today: '2026-12-31' });
    return rank(m.byClerk);
  });
  const baseName = 'baseline: one pass over 100,000 cases';
  return [
    { name: `${baseName} p50`, value: base.p50, unit: 'ms', baseline: null, ratio: null },
    { name: `${baseName} p95`, value: base.p95, unit: 'ms', baseline: null, ratio: null },
    {
      name: `${STATS_FIGURE} p50`,
      value: timing.p50,
      unit: 'ms',
      baseline: `${baseName} p50`,
      ratio: timing.p50 / base.p50,
    },
    {
      name: `${STATS_FIGURE} p95`,
      value: timing.p95,
      unit: 'ms',
      baseline: `${baseName} p95`,
      ratio: timing.p95 / base.p95,
    },
  ];
}
