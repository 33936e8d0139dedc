// A real hall server process (server/, embedded PGlite in a temp folder) and station profiles
// enrolled with it, for every e2e spec that needs a real hall (hall-stations, hall-join,
// hall-leases, floor-devices, rating-hall). Each station is a persistent Chromium profile with
// its own IndexedDB, its /v1/* routed to the hall through its own origin (the page's CSP allows
// nothing else); it can be cut off like a pulled cable, its papers captured (PDFs for
// pdftotext), and the server stopped and started again on the same port and folder ("the server
// is down"). Stopping waits until the server's process group is gone: the trial database's lock
// names the server's pid, and a server started while the old one still closes PGlite is refused.
import { chromium, type BrowserContext, type Page, type Route } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
// A port nobody listens on now, never one others start PostgreSQL on (previews use fixed ones).
import { freePort } from '../../server/testing/cluster';
import { chromiumArgs, chromiumEnv, chromiumPath, expect, lendPdfEngine } from './fixtures';
import { fillSetUp, signIn, STAFF, STATION_ADMIN, type StaffRole } from './session';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

/** A station the hall expects: its code, the label the hall records, its kind. */
export interface HallStation {
  code: string;
  /** Default `${code} 窗口`. */
  label?: string;
  /** Default counter (the CLI's default). */
  kind?: 'counter' | 'kiosk' | 'display' | 'rating';
}

export class HallProcess {
  dataDir = '';
  port = 0;
  /** The single-use enrolment code the hall printed for each station code. */
  codes: Record<string, string> = {};
  /** The hall cannot be reached from any station (the server still runs): every call fails. */
  cutOff = false;
  private child: ChildProcess | null = null;

  /** `prefix` names the temp folder (ow-hall-leases-…), to tell the specs' folders apart. */
  constructor(private readonly prefix = 'ow-hall-e2e-') {}

  async cli(...args: string[]) {
    const { stdout } = await run('npx', ['tsx', 'server/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, OW_HALL_DATA: this.dataDir, DATABASE_URL: '' },
      timeout: 120_000,
    });
    return stdout;
  }

  /** A new hall in a new folder, with an enrolment code for each station; picks the port. */
  async create(stations: (string | HallStation)[]) {
    this.dataDir = mkdtempSync(join(tmpdir(), this.prefix));
    this.port = await freePort();
    await this.cli('hall', 'create', '--name', '惠济区服务大厅');
    for (const s of stations) {
      const { code, label = `${code} 窗口`, kind } = typeof s === 'string' ? { code: s } : s;
      const args = ['station', 'enrol', '--code', code, '--label', label];
      if (kind) args.push('--kind', kind);
      const out = await this.cli(...args);
      this.codes[code] = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(out)![1]!;
    }
  }

  /** `serve` on the hall's port, detached (its own process group); resolves once it answers.
   * `extra`: more flags of `serve` (e.g. --public-url). */
  async start(extra: string[] = []) {
    if (this.child) throw new Error('the hall server is already running');
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

  /** Stopped and started again on the same port and folder. */
  async restart() {
    await this.stop();
    await this.start();
  }

  dispose() {
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** stop() then dispose(): for afterAll. */
  async close() {
    await this.stop();
    this.dispose();
  }
}

export interface Station {
  code: string;
  context: BrowserContext;
  page: Page;
  profile: string;
  /** The papers the station printed, as PDFs (only with `pdfs: true`). */
  pdfs: Buffer[];
  /** Called for /v1/numbers/certificate after the hall answered; return true to hold the answer. */
  onNumber: ((route: Route) => boolean) | null;
  /** Cut off from the hall: the route fails every call (setOffline does not reach routed calls). */
  offline: boolean;
}

export interface EnrolOptions {
  /** What the station calls itself in 设置 › 大厅同步; default `${code} 窗口`. */
  label?: string;
  /** The 本机用途 option to pick, by its visible name (e.g. 取号机); default left as it is. */
  use?: string;
  /** The language the settings page is in (the 本机用途 field's name follows it). */
  language?: 'zh-CN' | 'en';
  /** Wait until the frame says 已同步 (default true). */
  synced?: boolean;
  /** Start the station again after enrolling (a device starts into its page): `baseURL`. */
  restartAt?: string;
}

export interface StationOptions extends Omit<EnrolOptions, 'restartAt'> {
  viewport?: { width: number; height: number };
  /** Capture the papers as PDFs through Chromium's engine (the browser host has none). */
  pdfs?: boolean;
  /** false: set up alone and signed in as the administrator, not enrolled (default true). */
  enrol?: boolean;
  /** Start the station again after enrolling (a device starts into its page). */
  restart?: boolean;
}

/**
 * A fresh station profile set up as `code`, signed in as the administrator and (unless `enrol:
 * false`) enrolled with the hall. With `language: 'en'` the browser's locale is English and the
 * station's language is set to English before it enrols.
 */
export async function openStation(
  hall: HallProcess,
  code: string,
  baseURL: string,
  options: StationOptions = {},
): Promise<Station> {
  const language = options.language ?? 'zh-CN';
  const profile = mkdtempSync(join(tmpdir(), `ow-e2e-hall-${code}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    env: chromiumEnv,
    locale: language,
    viewport: options.viewport ?? { width: 1366, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const me: Station = { code, context, page, profile, pdfs: [], onNumber: null, offline: false };
  if (options.pdfs) await lendPdfEngine(page, (pdf) => me.pdfs.push(pdf));
  const cut = () => me.offline || hall.cutOff;
  await page.route('**/v1/**', async (route) => {
    const url = new URL(route.request().url());
    if (cut()) return route.abort('internetdisconnected');
    try {
      const response = await route.fetch({
        url: `http://127.0.0.1:${hall.port}${url.pathname}${url.search}`,
        timeout: 40_000,
      });
      // A long-poll answered after the cable was pulled never reaches the station.
      if (cut()) return await route.abort('internetdisconnected');
      if (url.pathname === '/v1/numbers/certificate' && me.onNumber?.(route)) return;
      await route.fulfill({ response });
    } catch {
      await route.abort('connectionrefused').catch(() => undefined);
    }
  });
  try {
    await page.goto(baseURL);
    await fillSetUp(page);
    await page.getByTestId('setup-stationCode').fill(code);
    await page.getByTestId('setup-submit').click();
    await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
    if (options.enrol !== false)
      await enrolStation(hall, page, code, {
        ...options,
        restartAt: options.restart ? baseURL : undefined,
      });
  } catch (e) {
    // Not handed back, so nobody else would close it.
    await closeStation(me);
    throw e;
  }
  return me;
}

/** Signed in as the administrator: 设置 › 大厅同步, enrolled with the hall's code for `code`. */
export async function enrolStation(
  hall: HallProcess,
  page: Page,
  code: string,
  options: EnrolOptions = {},
) {
  await page.getByTestId('nav-settings').click();
  if (options.language === 'en') {
    await page.getByTestId('language-en').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
  await page.getByTestId('open-hall').click();
  await page.getByTestId('hall-serverUrl').fill(new URL(page.url()).origin);
  await page.getByTestId('hall-label').fill(options.label ?? `${code} 窗口`);
  if (options.use) {
    const name = options.language === 'en' ? 'What this station is for' : '本机用途';
    await page.getByRole('combobox', { name }).click();
    await page.getByRole('option', { name: options.use }).click();
  }
  await page.getByTestId('hall-code').fill(hall.codes[code]!);
  await page.getByTestId('hall-enrol').click();
  await expect(page.getByTestId('hall-enrolled-message')).toBeVisible({ timeout: 30_000 });
  if (options.synced !== false)
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', {
      timeout: 60_000,
    });
  if (options.restartAt) await page.goto(options.restartAt);
}

export async function closeStation(s: Station) {
  await s.context.close();
  rmSync(s.profile, { recursive: true, force: true });
}

/** Closes and removes every station in the list, emptying it (for afterEach / afterAll). */
export async function closeStations(list: Station[]) {
  for (const s of list.splice(0)) await closeStation(s);
}

/** Signs out and signs in as a hall user created on another station, once this one has it. */
export async function signInAsHallUser(page: Page, role: StaffRole) {
  // A station left alone for minutes while the other works may have locked its screen.
  const locked = page.getByRole('button', { name: '退出登录' });
  if (await locked.isVisible()) await locked.click();
  else {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-signout').click();
  }
  const u = STAFF[role];
  await expect(async () => {
    await page.getByTestId('signin-username').fill(u.username);
    await page.getByTestId('signin-password').fill(u.password);
    await page.getByTestId('signin-submit').click();
    await expect(page.getByRole('navigation')).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 60_000 });
}
