// Debian's Chromium through playwright-core: never a downloaded browser (docs/toolchain.md).
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RenderedDocument } from '../../renderer/src/print/render';

/** Debian's Chromium, or the binary OW_CHROMIUM names. */
export const CHROMIUM_PATH = process.env.OW_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

/**
 * What the Electron adapter does with a rendered document: load it, wait for the fonts, size a
 * roll paper to its content, print to PDF at the CSS page size.
 */
export async function htmlToPdf(page: Page, doc: RenderedDocument): Promise<Buffer> {
  await page.setContent(doc.html, { waitUntil: 'load' });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  if (doc.paper.heightMm === null) {
    // Thermal roll: one page exactly as tall as the content (plus the @page margins).
    const px = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
    const heightMm = Math.ceil((px * 25.4) / 96) + 10;
    await page.addStyleTag({
      content: `@page { size: ${doc.paper.widthMm}mm ${heightMm}mm; } @media print { body { width: auto; padding: 0 } }`,
    });
  }
  return page.pdf({ preferCSSPageSize: true, printBackground: true });
}
