// A counter working the queue through the real local FloorPort, in a page of the app's origin:
// floorDriverEntry.ts bundled with esbuild and evaluated through the DevTools protocol (the app's
// CSP refuses script tags, as for axe in a11y.ts).
import { buildSync } from 'esbuild';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { BusinessType, FloorSettings, Ticket } from '../../renderer/src/domain/floor/types';

let bundle: string | null = null;
function source(): string {
  bundle ??= buildSync({
    entryPoints: [resolve(import.meta.dirname, 'floorDriverEntry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    define: { 'import.meta.env.DEV': 'false' },
  }).outputFiles[0]!.text;
  return bundle;
}

export interface FloorDriver {
  saveWindows(windows: FloorSettings['windows']): Promise<void>;
  issue(business: BusinessType, green?: boolean): Promise<Ticket>;
  callNext(window: string): Promise<Ticket | null>;
  recall(ticketId: string, window: string): Promise<Ticket>;
}

type Result<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
const ok = <T>(r: Result<T>, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.code} ${r.message}`);
  return r.value;
};

export async function floorDriver(page: Page): Promise<FloorDriver> {
  await page.evaluate(source());
  const admin = await page.evaluate(() =>
    (
      window as unknown as { owFloorDriver: { adminId(): Promise<string | null> } }
    ).owFloorDriver.adminId(),
  );
  if (!admin) throw new Error('no administrator on this station');
  const call = <T>(method: string, req: unknown) =>
    page.evaluate(
      ([m, r]) =>
        (
          window as unknown as {
            owFloorDriver: { port: Record<string, (req: unknown) => Promise<unknown>> };
          }
        ).owFloorDriver.port[m as string]!(r),
      [method, req] as const,
    ) as Promise<Result<T>>;
  let n = 0;
  const key = () => `e2e-${Date.now()}-${(n += 1)}`;
  return {
    async saveWindows(windows) {
      ok(
        await call('saveSettings', { settings: { maxCalls: 3, windows }, userId: admin }),
        'settings',
      );
    },
    async issue(business, green = false) {
      const r = ok(
        await call<{ ticket: Ticket }>('issueTicket', { business, green, requestKey: key() }),
        'issue',
      );
      return r.ticket;
    },
    async callNext(window) {
      return ok(
        await call<Ticket | null>('callNext', { window, clerkId: admin, requestKey: key() }),
        'callNext',
      );
    },
    async recall(ticketId, window) {
      return ok(await call<Ticket>('recall', { ticketId, window, clerkId: admin }), 'recall');
    },
  };
}
