// Benchmark helper (the runner is scripts/bench.mjs): time to turn a certificate into a PDF the
// way the archive does — render the template to HTML with the bundled font inlined, load it in
// Chromium, wait for the fonts, print to PDF. Target ≤ 500 ms.
import type { Page } from 'playwright-core';
import { renderDocument } from '../../renderer/src/print/render';
import { templates } from '../../renderer/src/print/templates';
import { engineeringPermitSample } from '../../renderer/src/print/samples';
import { nodeFontSource } from '../print/nodeFontSource';
import { htmlToPdf } from '../print/chromium';

export interface PrintBenchResult {
  medianMs: number;
  samplesMs: number[];
  pdfBytes: number;
}

/** One warm-up, then `runs` timed certificate → PDF conversions on the given page. */
export async function benchCertificatePdf(page: Page, runs = 5): Promise<PrintBenchResult> {
  const once = async () => {
    const started = performance.now();
    const doc = renderDocument(templates.engineeringPermit, engineeringPermitSample, {
      fontSource: nodeFontSource(),
    });
    const pdf = await htmlToPdf(page, doc);
    return { ms: performance.now() - started, bytes: pdf.length };
  };
  await once();
  const samples: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await once());
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    samplesMs: samples.map((s) => Math.round(s.ms)),
    pdfBytes: samples[0]?.bytes ?? 0,
  };
}
