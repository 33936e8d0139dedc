// A real hall server process (server/, embedded PGlite in a temp folder) and station profiles
// enrolled with it, for the numbers e2e (hall-leases.spec.ts). Like hall-stations.spec.ts: each
// station a persistent Chromium profile with its own IndexedDB, its /v1/* routed to the hall
// through its own origin; here the papers are captured too (PDFs for pdftotext), and the server
// can be stopped and started again on the same port and folder ("the server is down").
import { chromium, type BrowserContext, type Page, type Route } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { htmlToPdf } from '../print/chromium';
import { chromiumArgs, chromiumEnv, chromiumPath, expect } from './fixtures';
import { fillSetUp, signIn, STATION_ADMIN } from './session';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

export class HallProcess {
  dataDir = mkdtempSync(join(tmpdir(), 'ow-hall-leases-'));
  port = 0;
  codes: Record<string, string> = {};
  private child: ChildProcess | null = null;

  async cli(...args: string[]) {
    const { stdout } = await run('npx', ['tsx', 'server/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, OW_HALL_DATA: this.dataDir, DATABASE_URL: '' },
      timeout: 120_000,
    });
    return stdout;
  }

  async create(stations: string[]) {
    this.port = await freePort();
    await this.cli('hall', 'create', '--name', '惠济区服务大厅');
    for (const code of stations) {
      const out = await this.cli('station', 'enrol', '--code', code, '--label', `${code} 窗口`);
      this.codes[code] = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(out)![1]!;
    }
  }

  /** `extra`: more flags of `serve` (e.g. --public-url). */
  async start(extra: string[] = []) {
    const args = ['tsx', 'server/main.ts', 'serve', '--port', String(this.port), ...extra];
    this.child = spawn('npx', args, {
      cwd: root,
      env: { ...process.env, OW_HALL_DATA: this.dataDir, DATABASE_URL: '' },
      stdio: 'ignore',
      detached: true,
    });
    const end = Date.now() + 120_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${this.port}/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > end) throw new Error('the hall server did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** SIGTERM to the server's own process group (it was started detached, by this harness). */
  async stop() {
    const pid = this.child?.pid;
    this.child = null;
    if (!pid) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    // Until the whole process group is gone: the trial database's lock names the server's pid,
    // and a server started while the old one still closes PGlite is refused (a clean-clone CI
    // run on a loaded machine took longer than the fixed second this used to wait).
    const end = Date.now() + 60_000;
    while (Date.now() < end) {
      try {
        process.kill(-pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the hall server did not stop within 60 s');
  }

  dispose() {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface Station {
  code: string;
  context: BrowserContext;
  page: Page;
  profile: string;
  pdfs: Buffer[];
  /** Called for /v1/numbers/certificate after the hall answered; return true to hold the answer. */
  onNumber: ((route: Route) => boolean) | null;
}

/** A fresh station profile set up as `code` and enrolled with the hall. */
export async function openStation(hall: HallProcess, code: string, baseURL: string) {
  const profile = mkdtempSync(join(tmpdir(), `ow-e2e-leases-${code}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    env: chromiumEnv,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const me: Station = { code, context, page, profile, pdfs: [], onNumber: null };
  await page.exposeFunction(
    'owRenderPdf',
    async (html: string, paper: { widthMm: number; heightMm: number | null }) => {
      const pdfPage = await context.newPage();
      try {
        const pdf = await htmlToPdf(pdfPage, { html, paper });
        me.pdfs.push(pdf);
        return pdf.toString('base64');
      } finally {
        await pdfPage.close();
      }
    },
  );
  await page.route('**/v1/**', async (route) => {
    const url = new URL(route.request().url());
    try {
      const response = await route.fetch({
        url: `http://127.0.0.1:${hall.port}${url.pathname}${url.search}`,
        timeout: 40_000,
      });
      if (url.pathname === '/v1/numbers/certificate' && me.onNumber?.(route)) return;
      await route.fulfill({ response });
    } catch {
      await route.abort('connectionrefused').catch(() => undefined);
    }
  });
  await page.goto(baseURL);
  await fillSetUp(page);
  await page.getByTestId('setup-stationCode').fill(code);
  await page.getByTestId('setup-submit').click();
  await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('open-hall').click();
  await page.getByTestId('hall-serverUrl').fill(new URL(page.url()).origin);
  await page.getByTestId('hall-label').fill(`${code} 窗口`);
  await page.getByTestId('hall-code').fill(hall.codes[code]!);
  await page.getByTestId('hall-enrol').click();
  await expect(page.getByTestId('hall-enrolled-message')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', {
    timeout: 60_000,
  });
  return me;
}

export async function closeStation(s: Station) {
  await s.context.close();
  rmSync(s.profile, { recursive: true, force: true });
}
