// One Chromium page for a test file's papers and geometry (vitest only: scripts use chromium.ts).
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';

/**
 * Debian's Chromium launched once in the beforeAll of the file (or of the describe block it is
 * called in), one page opened, the browser closed in its afterAll. The answer gives that page;
 * call it inside the tests, once the beforeAll has run.
 */
export function chromiumPageForTests(): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!page) throw new Error('the Chromium page is opened in beforeAll: use it inside a test');
    return page;
  };
}
