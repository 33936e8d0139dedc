// The hall simulation over many seeds (the unit test runs a few hundred):
//   npm run soak:hall -- --seeds 5000 [--from 1] [--stations 4] [--steps 60]
// Prints progress, every failing seed with what did not hold, and exits 1 when any failed.
import { simulate } from '../tests/unit/renderer/data/sync/simulation';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const seeds = arg('seeds', 1000);
const from = arg('from', 1);
const stations = arg('stations', 0) || undefined;
const steps = arg('steps', 0) || undefined;
const started = Date.now();
let failed = 0;
let events = 0;
for (let seed = from; seed < from + seeds; seed++) {
  const r = await simulate({ seed, stations, steps });
  events += r.hallEvents;
  if (r.failures.length > 0) {
    failed += 1;
    console.log(`seed ${seed} FAILED: ${r.failures.join('; ')}`);
  }
  if ((seed - from + 1) % 250 === 0)
    console.log(
      `${seed - from + 1}/${seeds} seeds, ${events} events, ${failed} failed, ${Math.round((Date.now() - started) / 1000)} s`,
    );
}
console.log(
  `${seeds} seeds (${from}–${from + seeds - 1}): ${events} events, ${failed} failed, ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(failed > 0 ? 1 : 0);
