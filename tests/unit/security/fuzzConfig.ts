// How long and with which seed the fuzz tests run. `npm test` uses a fixed seed so it is
// repeatable; a soak picks its own: OW_FUZZ_RUNS=2400 OW_FUZZ_SEED=random npx vitest run tests/unit/security
// (fast-check prints the seed and the shrunk counterexample of any failure).
const runs = Number(process.env.OW_FUZZ_RUNS ?? 400);
const seedEnv = process.env.OW_FUZZ_SEED ?? '20261129';

export const FUZZ_RUNS = Number.isFinite(runs) && runs > 0 ? runs : 400;
export const FUZZ_SEED: number | undefined = seedEnv === 'random' ? undefined : Number(seedEnv);
/** Options for fc.assert: the seed (when fixed) and a number of runs. */
export const fuzzOptions = (numRuns: number) =>
  FUZZ_SEED === undefined ? { numRuns } : { numRuns, seed: FUZZ_SEED };
