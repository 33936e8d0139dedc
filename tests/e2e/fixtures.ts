// One fixture, two drivers: the real Electron app when its binary is present (and
// OW_E2E_TARGET is not 'web'), else the built renderer in Debian's Chromium. Every test gets a
// fresh profile / data folder, so tests never see each other's data.
import { test as base, chromium, _electron, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, htmlToPdf } from '../print/chromium';
import { watch, watcherOf, type A11yWatcher } from './a11y';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

// The same Chromium and flags as the print tests (tests/print/chromium.ts).
export const chromiumPath = CHROMIUM_PATH;
export const chromiumArgs = CHROMIUM_ARGS;

/**
 * Chromium's own locale, which its date and month pickers follow: Chinese, as the desktop app sets
 * it from the station's language (electron/main.ts). On Linux Chromium takes it from LANG (not from
 * --lang), and needs Debian's chromium-l10n for it (.ci/run installs it).
 */
export const chromiumEnv = { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh' };

function electronBinary(): string | null {
  const dir = join(root, 'node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(bin) ? bin : null;
}

export type Target = 'electron' | 'web';

export function pickTarget(): Target {
  if (process.env.OW_E2E_TARGET === 'web') return 'web';
  if (electronBinary() && existsSync(join(root, 'out/main/index.js'))) return 'electron';
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Neither the Electron binary nor Chromium at ${chromiumPath} is available. ` +
        'Install Chromium (apt-get install chromium) or set OW_CHROMIUM to a Chromium binary.',
    );
  }
  return 'web';
}

interface Fixtures {
  target: Target;
  /**
   * Lend the browser host Chromium's PDF engine (default). `test.use({ pdfEngine: false })` runs
   * the browser mode as a plain browser serves it: no PDF can be made, papers are kept as HTML.
   */
  pdfEngine: boolean;
  app: Page;
  /** Opens the same profile again (a restart of the app with the same data). */
  reopen: () => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies this way
  target: async ({}, use) => {
    await use(pickTarget());
  },
  pdfEngine: [true, { option: true }],
  app: async ({ target, baseURL, pdfEngine }, use, testInfo) => {
    const profile = mkdtempSync(join(tmpdir(), 'ow-e2e-'));
    testInfo.attach('profile', { body: profile });
    if (target === 'electron') {
      const electronApp = await _electron.launch({
        executablePath: electronBinary()!,
        args: [join(root, 'out/main/index.js'), `--user-data-dir=${profile}`],
        env: { ...process.env, OW_DATA_DIR: profile },
      });
      const page = await electronApp.firstWindow();
      const watcher = watch(page);
      await use(page);
      const faults = await watcher.finish();
      await electronApp.close();
      failOnFaults(faults, profile);
    } else {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        args: chromiumArgs,
        env: chromiumEnv,
        locale: 'zh-CN',
        viewport: { width: 1366, height: 800 },
        acceptDownloads: true,
      });
      const page = context.pages()[0] ?? (await context.newPage());
      // The browser host has no PDF engine of its own; the harness lends it Chromium's real one
      // (what Electron's printToPDF does in the desktop app), so archived papers are real PDFs.
      if (pdfEngine) await lendPdfEngine(page, (pdf) => pdfsOf(page).push(pdf));
      await page.goto(baseURL!);
      const watcher = watch(page);
      await use(page);
      const faults = await watcher.finish();
      await context.close();
      failOnFaults(faults, profile);
    }
    rmSync(profile, { recursive: true, force: true });
  },
  reopen: async ({ app }, use) => {
    await use(async () => {
      await app.reload();
      return app;
    });
  },
});

export const expect = test.expect;

/** Ends the test with the accessibility faults its screens had (serious and critical). */
function failOnFaults(faults: string, profile: string) {
  if (!faults) return;
  rmSync(profile, { recursive: true, force: true });
  throw new Error(`axe-core: serious or critical accessibility violations\n${faults}`);
}

/** Checks the screen in front of the page with axe now (also done by shot()). */
export async function checkA11y(page: Page, label: string) {
  await (watcherOf(page) as A11yWatcher | undefined)?.check(label);
}

const rendered = new WeakMap<Page, Buffer[]>();
/** Every PDF the app rendered (and archived) in this page, oldest first. */
/**
 * The browser host has no PDF engine of its own: window.owRenderPdf lends it Chromium's (each
 * paper rendered in a page of its own of the same context); every PDF made goes to `made` too.
 */
export async function lendPdfEngine(page: Page, made: (pdf: Buffer) => void) {
  await page.exposeFunction(
    'owRenderPdf',
    async (html: string, paper: { widthMm: number; heightMm: number | null }) => {
      const pdfPage = await page.context().newPage();
      try {
        const pdf = await htmlToPdf(pdfPage, { html, paper });
        made(pdf);
        return pdf.toString('base64');
      } finally {
        await pdfPage.close();
      }
    },
  );
}

export function pdfsOf(page: Page): Buffer[] {
  let list = rendered.get(page);
  if (!list) rendered.set(page, (list = []));
  return list;
}

/** Text of a PDF through poppler's pdftotext (-layout), as a person reading it would see it. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ow-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Saves a screenshot under test-results/screens/<name>.png for people to look at. */
export async function shot(page: Page, name: string) {
  await checkA11y(page, name);
  await page.screenshot({
    path: join(root, 'test-results/screens', `${name}.png`),
    fullPage: true,
  });
}
