/* global window */
// npm run bench: builds the benchmark page, serves it on 127.0.0.1, runs it in Chromium with
// real IndexedDB, prints every figure with its ratio to the baseline measured in the same run,
// checks the targets, and writes bench-results.json.
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'out/bench');
const count = Number(process.env.OW_BENCH_CASES ?? 100_000);
// OW_BENCH_ONLY=main|catchup|hall runs one part; OW_BENCH_CATCHUP_CASES (default 100,000; 0 skips)
// and OW_BENCH_CATCHUP_LIMIT (events a page, default the engine's) size the catch-up.
const only = process.env.OW_BENCH_ONLY;
const catchUpCases = Number(process.env.OW_BENCH_CATCHUP_CASES ?? 100_000);
const catchUpLimit = process.env.OW_BENCH_CATCHUP_LIMIT
  ? Number(process.env.OW_BENCH_CATCHUP_LIMIT)
  : undefined;

await build({ configFile: join(root, 'tests/bench/vite.config.ts') });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(
    /^\/+/,
    '',
  );
  const file = join(outDir, path || 'index.html');
  if (!file.startsWith(outDir)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/index.html`;

const browser = await chromium.launch({
  executablePath: process.env.OW_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
let figures = [];
try {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && console.error(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => typeof window.runBench === 'function');
  if (!only || only === 'main') {
    console.log(`Seeding ${count} cases in Chromium (real IndexedDB)…`);
    figures = await page.evaluate((n) => window.runBench(n), count);
  }
  // A new station catching up with the hall (tests/bench/benchCatchUp.ts), on a page of its own.
  if (catchUpCases > 0 && (!only || only === 'catchup')) {
    const fresh = await browser.newPage();
    fresh.on('console', (m) => m.type() === 'error' && console.error(m.text()));
    fresh.on(
      'console',
      (m) => m.type() === 'log' && m.text().startsWith('catch-up') && console.log(m.text()),
    );
    await fresh.goto(url);
    await fresh.waitForFunction(() => typeof window.runCatchUp === 'function');
    console.log(`Catching up ${catchUpCases} cases in Chromium (real IndexedDB)…`);
    const load0 = loadavg()[0];
    const caught = await fresh.evaluate(
      ([n, limit]) => window.runCatchUp(n, limit),
      [catchUpCases, catchUpLimit],
    );
    // The load average before and after (the machine is shared): the higher of the two.
    figures.push(...caught.map((f) => ({ ...f, load: Math.max(load0, loadavg()[0]) })));
    await fresh.close();
  }
  if (!only)
    try {
      const { benchPrint } = await import('./bench-print.mjs');
      figures.push(...(await benchPrint(browser)));
    } catch (e) {
      if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    }
} finally {
  await browser.close();
  server.close();
}

// The hall server's figures (scripts/bench-hall.ts: its own PostgreSQL, the server on loopback);
// OW_BENCH_HALL=0 skips them, `npm run bench:hall` runs them alone.
if (process.env.OW_BENCH_HALL !== '0' && (!only || only === 'hall')) {
  const out = join(root, 'out/bench-hall.json');
  await mkdir(join(root, 'out'), { recursive: true });
  execFileSync(join(root, 'node_modules/.bin/tsx'), ['scripts/bench-hall.ts', out], {
    cwd: root,
    stdio: 'inherit',
  });
  figures.push(...JSON.parse(await readFile(out, 'utf8')));
}

const targets = {
  'lookup by case number p95': (f) =>
    f.value <= 20 && f.ratio <= 3
      ? 'ok (≤ 20 ms and ≤ 3× raw get)'
      : 'MISSED (≤ 20 ms and ≤ 3× raw get)',
  'substring search on names (50 hits) p95': (f) =>
    f.value <= 50 ? 'ok (≤ 50 ms)' : 'MISSED (≤ 50 ms)',
  'reviewer/chief/director inbox (first 50 by deadline) p95': (f) =>
    f.value <= 50 ? 'ok (≤ 50 ms)' : 'MISSED (≤ 50 ms)',
  'dispatch of an accept command p95': (f) =>
    f.ratio <= 3 ? 'ok (≤ 3× raw strict put)' : 'MISSED (≤ 3× raw strict put)',
  'dispatch of an accept command (against the 20-byte put) p95': (f) =>
    f.ratio <= 3 ? 'also ≤ 3× a 20-byte put' : `${f.ratio.toFixed(1)}× a 20-byte put (see README)`,
  'certificate PDF rendering p95': (f) => (f.value <= 500 ? 'ok (≤ 500 ms)' : 'MISSED (≤ 500 ms)'),
  // The first start after an update must not be held for more than a few seconds.
  'upgrade v4 → v5 on first start (100000 cases, 100000 document numbers)': (f) =>
    f.value <= 3000 ? 'ok (≤ 3 s)' : 'MISSED (≤ 3 s)',
  'monthly efficiency figures over 100,000 cases p95': (f) =>
    f.value <= 300 ? 'ok (≤ 300 ms)' : 'MISSED (≤ 300 ms)',
};
console.log('\nfigure'.padEnd(72) + 'value'.padStart(12) + '   ratio   target');
for (const f of figures) {
  const ratio = f.ratio == null ? '' : `${f.ratio.toFixed(2)}×`;
  const target = targets[f.name]?.(f) ?? f.target ?? '';
  console.log(
    `${f.name.padEnd(71)}${`${f.value.toFixed(2)} ${f.unit}`.padStart(12)}   ${ratio.padEnd(7)} ${target}` +
      (f.load == null ? '' : ` [load ${f.load.toFixed(2)}]`),
  );
}
if (!figures.some((f) => f.name.startsWith('dispatch')))
  console.log('dispatch: not measured (no dispatcher yet)');
await writeFile(join(root, 'bench-results.json'), JSON.stringify(figures, null, 2) + '\n');
console.log(`\nWrote bench-results.json (${figures.length} figures).`);
