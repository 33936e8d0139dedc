// Printing figures for npm run bench (scripts/bench.mjs calls benchPrint with its Chromium):
// a certificate turned into a PDF the way the archive does it (template → HTML with the bundled
// font inlined → Chromium → PDF, tests/bench/printPdf.ts), against a baseline measured in the
// same run on the same page: a plain A4 page of text, no web font, to PDF.
import { tsImport } from 'tsx/esm/api';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.OW_BENCH_PRINT_RUNS ?? 20);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const plainA4 = `<!doctype html><html><head><meta charset="utf-8"><style>
@page{size:210mm 297mm;margin:20mm}body{font:12pt serif}</style></head><body>
${'<p>The quick brown fox jumps over the lazy dog. 0123456789.</p>'.repeat(40)}</body></html>`;

async function timePlainA4(page) {
  const started = performance.now();
  await page.setContent(plainA4, { waitUntil: 'load' });
  await page.pdf({ preferCSSPageSize: true, printBackground: true });
  return performance.now() - started;
}

export async function benchPrint(browser) {
  // tsx loads the TypeScript helper with the test tsconfig (JSX, DOM types) in this process,
  // so it can use this run's browser.
  const { benchCertificatePdf } = await tsImport(
    pathToFileURL(join(root, 'tests/bench/printPdf.ts')).href,
    { parentURL: import.meta.url, tsconfig: join(root, 'tsconfig.test.json') },
  );
  const page = await browser.newPage();
  try {
    await timePlainA4(page); // warm-up
    const base = [];
    for (let i = 0; i < RUNS; i += 1) base.push(await timePlainA4(page));
    const cert = await benchCertificatePdf(page, RUNS);
    const b = { p50: percentile(base, 50), p95: percentile(base, 95) };
    const c = { p50: percentile(cert.samplesMs, 50), p95: percentile(cert.samplesMs, 95) };
    console.log(
      `Certificate PDF: ${RUNS} runs, ${Math.round(cert.pdfBytes / 1024)} KiB each (bundled font embedded).`,
    );
    const baseName = 'baseline: plain A4 text page to PDF';
    return [
      { name: `${baseName} p50`, value: b.p50, unit: 'ms', baseline: null, ratio: null },
      { name: `${baseName} p95`, value: b.p95, unit: 'ms', baseline: null, ratio: null },
      ...['p50', 'p95'].map((p) => ({
        name: `certificate PDF rendering ${p}`,
        value: c[p],
        unit: 'ms',
        baseline: `${baseName} ${p}`,
        ratio: c[p] / b[p],
      })),
    ];
  } finally {
    await page.close();
  }
}
