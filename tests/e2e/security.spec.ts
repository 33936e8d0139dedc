// Fault: the page is closed in the middle of a write. The administrator creates a user (an event
// appended to the hash chain and a users row, in one IndexedDB transaction with strict
// durability) and the browser is closed after a delay that sweeps from "before the click lands"
// to "well after": some closes hit the hashing, some the transaction, some nothing. After each,
// the same profile is opened again: the chain must verify, the head must match the last event,
// and every user must have both its event and its row — or neither.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { GENESIS_HASH, verifyChain, type ChainedEvent } from '../../renderer/src/domain/audit';
import { chromiumArgs, chromiumPath, expect, pickTarget, test } from './fixtures';
import { setUpAndSignIn, signIn, STATION_ADMIN } from './session';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Milliseconds between the click on 创建 and closing the browser, one round each; -1 closes
 * while the click itself is still being delivered (so at least one close lands before the write),
 * 9999 only once the new user is on screen (so at least one lands after it).
 */
const DELAYS = (process.env.OW_E2E_FAULT_DELAYS ?? '-1,0,5,10,15,20,25,30,40,60,120,9999')
  .split(',')
  .map(Number);

interface Dump {
  events: (ChainedEvent & { pos: number; type: string; payload: { id?: string } })[];
  users: { id: string; username: string }[];
  head: { hash: string } | null;
}

/** Reads the app's IndexedDB as it is on disk, with the plain IndexedDB API. */
function dump(page: Page): Promise<Dump> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('onewindow');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(store, 'readonly').objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const [events, users, meta] = await Promise.all([all('events'), all('users'), all('meta')]);
    db.close();
    const head = (meta as { key: string; value: unknown }[]).find((m) => m.key === 'chainHead');
    return { events, users, head: head?.value ?? null } as Dump;
  });
}

async function open(
  profile: string,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(baseURL);
  return { context, page };
}

test('closing the browser in the middle of a write leaves nothing half-written', async ({
  baseURL,
}) => {
  test.skip(pickTarget() !== 'web', 'drives Chromium profiles directly');
  test.setTimeout(60_000 + DELAYS.length * 20_000);
  const profile = mkdtempSync(join(tmpdir(), 'ow-e2e-fault-'));
  const outcomes: string[] = [];
  try {
    let { context, page } = await open(profile, baseURL!);
    await setUpAndSignIn(page);
    for (const [round, delay] of DELAYS.entries()) {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('menu-users').click();
      const username = `fault${round}`;
      await page.getByTestId('newuser-username').fill(username);
      await page.getByTestId('newuser-name').fill(`故障${round}`);
      await page.getByRole('combobox', { name: '角色' }).first().click();
      await page.getByRole('option', { name: '窗口受理员', exact: true }).click();
      await page.getByTestId('newuser-password').fill('fault-pass-1');
      await page.getByTestId('newuser-password2').fill('fault-pass-1');
      const click = page.getByTestId('newuser-submit').click();
      if (delay === 9999) {
        await click;
        await expect(page.getByTestId(`user-row-${username}`)).toBeVisible();
      } else if (delay >= 0) {
        await click;
        await page.waitForTimeout(delay);
      } else {
        // The page goes away under the click: Playwright reports the click as interrupted.
        click.catch(() => undefined);
      }
      // The fault: the window goes away with whatever was in flight.
      await context.close();

      ({ context, page } = await open(profile, baseURL!));
      await expect(page.getByTestId('signin-submit')).toBeVisible({ timeout: 20_000 });
      const d = await dump(page);
      const events = [...d.events].sort((a, b) => a.pos - b.pos);
      const chained = events.map(({ pos: _pos, ...e }) => e as unknown as ChainedEvent);
      expect(await verifyChain(chained, GENESIS_HASH)).toEqual({ ok: true });
      expect(d.head?.hash).toBe(events.at(-1)?.hash);
      // All or nothing: every user has its event, every user event its user.
      const created = events.filter((e) => e.type === 'user.created').map((e) => e.payload.id);
      expect(d.users.map((u) => u.id).sort()).toEqual([...created].sort());
      const landed = d.users.some((u) => u.username === username);
      outcomes.push(`${delay}ms:${landed ? 'written' : 'not written'}`);
      await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
    }
    await context.close();
    test.info().annotations.push({ type: 'outcomes', description: outcomes.join(', ') });
    console.info('close mid-write:', outcomes.join(', '));
    // The sweep must straddle the write: at least one close before it landed and one after.
    expect(outcomes.some((o) => o.endsWith('not written'))).toBe(true);
    expect(outcomes.some((o) => o.endsWith(':written'))).toBe(true);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
