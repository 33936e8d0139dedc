import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../print/chromium';
import { benchCertificatePdf } from '../../../bench/printPdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

describe('benchCertificatePdf', () => {
  it('times certificate → PDF and returns a real PDF size', async () => {
    const result = await benchCertificatePdf(await browser.newPage(), 3);
    console.log(`certificate PDF: median ${Math.round(result.medianMs)} ms`, result.samplesMs);
    expect(result.samplesMs).toHaveLength(3);
    expect(result.pdfBytes).toBeGreaterThan(10_000);
    // The target is 500 ms; the unit run only guards against a gross regression on busy CI.
    expect(result.medianMs).toBeLessThan(3000);
  });
});
