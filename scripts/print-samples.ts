// Renders every paper with sample data to test-results/print-samples/<template>.pdf, plus the
// overlay version of each certificate and the calibration page, through Debian's Chromium.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { templates, type TemplateName } from '../renderer/src/print/templates';
import type { CertificateKind } from '../renderer/src/print/templates/Certificates';
import type { RenderedDocument } from '../renderer/src/print/render';
import {
  certificateSamples,
  renderCalibrationSample,
  renderOverlaySample,
  renderSample,
} from '../tests/print/sampleDocs';
import { htmlToPdf, launchChromium } from '../tests/print/chromium';

const outDir = join(process.cwd(), 'test-results', 'print-samples');
mkdirSync(outDir, { recursive: true });

const jobs: [string, () => RenderedDocument][] = [
  ...(Object.keys(templates) as TemplateName[]).map((name): [string, () => RenderedDocument] => [
    templates[name].id,
    () => renderSample(name),
  ]),
  ...(Object.keys(certificateSamples) as CertificateKind[]).map(
    (kind): [string, () => RenderedDocument] => [
      `${certificateSamples[kind].id}-overlay`,
      () => renderOverlaySample(kind),
    ],
  ),
  ['calibration', () => renderCalibrationSample()],
];

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const [id, render] of jobs) {
    const started = performance.now();
    const pdf = await htmlToPdf(page, render());
    const file = join(outDir, `${id}.pdf`);
    writeFileSync(file, pdf);
    console.log(
      `${file}  ${(pdf.length / 1024).toFixed(0)} KB  ${Math.round(performance.now() - started)} ms`,
    );
  }
} finally {
  await browser.close();
}
