// The public follow-the-queue page on real PostgreSQL (docs/floor.md, 扫码查看排队进度): every
// status in words, Chinese first with the English under it; the people ahead after calls and a
// green-channel ticket; 404 with what to do for an unknown, malformed or yesterday's ticket;
// everything escaped; the headers; reachable without a session while every floor route still
// needs one; and the hall's public address told to the kiosk with the snapshot.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHall } from '../../server/admin';
import { SqlStore } from '../../server/db/store';
import { buildApp } from '../../server/http/app';
import type { HallContext } from '../../server/http/context';
import { FLOOR_ROUTES } from '../../server/protocol/floor';
import { RATING_ROUTES } from '../../server/protocol/rating';
import type { FloorSettings, Ticket } from '../../renderer/src/domain/floor/types';
import { clusterDatabases, insertStation } from './helpers';
import { auth, enrolled } from './http-helpers';

const cluster = clusterDatabases('follow');

const settings: FloorSettings = {
  maxCalls: 1,
  windows: [
    { id: 'HJ01', number: 1, businesses: ['counselling'], green: false },
    { id: 'HJ02', number: 2, businesses: ['collection'], green: true },
  ],
};
const must = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

/** A hall named `name`, a floor set up, a clock the test moves (10:00:00 in the hall). */
async function hall(name = '惠济区服务大厅', publicUrl?: string) {
  const db = await cluster.fresh();
  await createHall(db, name);
  await insertStation(db, { code: 'QH01' });
  const clock = { now: new Date('2026-12-01T02:00:00Z') };
  const { app, ctx } = buildApp({
    db,
    store: new SqlStore(db),
    blobDir: '/tmp/ow-no-blobs',
    log: () => undefined,
    now: () => clock.now,
    ...(publicUrl ? { publicUrl } : {}),
  });
  must(await ctx.floor.saveSettings(settings));
  let keys = 0;
  const take = async (business: Ticket['business'], green = false) => {
    clock.now = new Date(clock.now.getTime() + 60_000);
    return must(
      await ctx.floor.issueTicket('QH01', { business, green, requestKey: `req-key-${++keys}` }),
    ).ticket;
  };
  return { db, app, ctx, clock, take };
}

const page = (app: FastifyInstance, id: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: `/q/${id}`, headers });

/** The page's text as a person reads it: one line per element, entities decoded. */
function lines(html: string): string[] {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

const act = (t: Ticket, window: string) => ({ ticketId: t.id, window, clerkId: 'u-clerk' });
const call = (ctx: HallContext, window: string, key: string) =>
  ctx.floor.callNext('QH01', { window, clerkId: 'u-clerk', requestKey: key });

describe('GET /q/<ticket id>', () => {
  it('says every status in words, with the people ahead after calls and a green ticket', async () => {
    const { app, ctx, clock, take } = await hall();
    const a1 = await take('counselling');
    const a2 = await take('counselling');
    const a3 = await take('counselling');

    const first = await page(app, a3.id);
    expect(first.statusCode).toBe(200);
    expect(lines(first.body)).toEqual([
      '惠济区服务大厅',
      '排队进度',
      'Queue progress',
      '您的号码',
      'Your number',
      'A003',
      '咨询 · 一次性告知',
      'Counselling · one-time checklist',
      '当前状态',
      'Status',
      '等候中',
      'Waiting',
      '前面等候',
      'Waiting ahead',
      '2 人',
      '2 people',
      '取号时间 10:03 ·',
      'Issued at 10:03',
      '更新于 10:03:00（大厅时间），每 15 秒自动刷新',
      'Updated 10:03:00 (hall time); refreshes every 15 seconds',
      '本页只显示排队进度，不含任何个人信息。',
      'This page shows queue progress only, never personal data.',
    ]);
    expect(first.body).toContain('<meta http-equiv="refresh" content="15">');
    expect(first.body).toContain('<html lang="zh-CN">');
    expect(first.body).toContain('name="viewport" content="width=device-width, initial-scale=1"');

    // A green-channel ticket taken last goes before both that still wait.
    const g = await take('counselling', true);
    expect(lines((await page(app, g.id)).body)).toContain('绿色通道 · Green channel');
    expect(lines((await page(app, g.id)).body)).toContain('下一位就是您，请留意叫号');
    expect(lines((await page(app, a3.id)).body)).toContain('3 人');

    // HJ01 calls: the green ticket first — A003 has two ahead again, then one.
    expect(must(await call(ctx, 'HJ01', 'call-0001'))?.id).toBe(g.id);
    const called = lines((await page(app, g.id)).body);
    expect(called).toContain('请到 1 号窗口办理');
    expect(called).toContain('Please go to window 1');
    expect(called).toContain('请尽快到窗口办理。');
    expect(called).not.toContain('前面等候');
    expect(lines((await page(app, a3.id)).body)).toContain('2 人');

    must(await ctx.floor.serve(act(g, 'HJ01')));
    expect(lines((await page(app, g.id)).body)).toContain('办理中（1 号窗口）');
    must(await ctx.floor.finish(act(g, 'HJ01')));
    const done = await page(app, g.id);
    expect(lines(done.body)).toContain('已办结');
    expect(lines(done.body)).toContain('Finished');
    // A final status stops the refresh, and says when it was read without "every 15 s".
    expect(done.body).not.toContain('http-equiv="refresh"');
    expect(lines(done.body)).toContain('更新于 10:04:00（大厅时间）');

    // A001 is called, not answered: skipped as a no-show after the one call allowed.
    expect(must(await call(ctx, 'HJ01', 'call-0002'))?.id).toBe(a1.id);
    expect(lines((await page(app, a3.id)).body)).toContain('1 人');
    must(await ctx.floor.skip(act(a1, 'HJ01')));
    const missed = lines((await page(app, a1.id)).body);
    expect(missed).toContain('已过号');
    expect(missed).toContain('请向大厅引导员咨询。');

    // A002 is called and transferred to the collection business; A003 to window 2 by name.
    expect(must(await call(ctx, 'HJ01', 'call-0003'))?.id).toBe(a2.id);
    expect(lines((await page(app, a3.id)).body)).toContain('下一位就是您，请留意叫号');
    must(
      await ctx.floor.transfer({ ticketId: a2.id, to: { business: 'collection' }, clerkId: 'u' }),
    );
    const moved = lines((await page(app, a2.id)).body);
    expect(moved).toContain('已转至「领证 · 取件」，等候中');
    expect(moved).toContain('Transferred to “Collect a certificate or document”, waiting');
    expect(must(await call(ctx, 'HJ01', 'call-0004'))?.id).toBe(a3.id);
    must(await ctx.floor.transfer({ ticketId: a3.id, to: { window: 'HJ02' }, clerkId: 'u' }));
    const named = lines((await page(app, a3.id)).body);
    expect(named).toContain('已转至 2 号窗口，等候中');
    expect(named).toContain('Transferred to window 2, waiting');
    // HJ02's queue: A002 (collection, issued 10:02) before A003 (issued 10:03).
    expect(named).toContain('1 人');

    // Cancelled (an administrator's withdrawal: no rule of the queue makes it yet).
    const c = await take('enquiry');
    await ctx.db.query(
      `UPDATE floor_tickets SET data = jsonb_set(data, '{status}', '"cancelled"') WHERE id = $1`,
      [c.id],
    );
    expect(lines((await page(app, c.id)).body)).toContain('已取消');

    // The next hall day: yesterday's ticket is not found.
    clock.now = new Date('2026-12-02T01:00:00Z');
    const yesterday = await page(app, a3.id);
    expect(yesterday.statusCode).toBe(404);
    expect(lines(yesterday.body)).toContain('未找到这张排队凭条');
    await app.close();
  });

  it('answers 404 with what to do for an unknown or malformed id, and escapes what it prints', async () => {
    const { app, take } = await hall('<script>alert("x")</script> & 大厅');
    const t = await take('collection');
    for (const id of [
      `tk-${crypto.randomUUID()}`,
      'A001',
      'tk-1',
      encodeURIComponent("tk-'><script>alert(1)</script>"),
      `${t.id}x`,
      '',
      `${t.id}/more`,
    ]) {
      const res = await page(app, id);
      expect([id, res.statusCode]).toEqual([id, 404]);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(lines(res.body)).toEqual(
        expect.arrayContaining([
          '未找到这张排队凭条',
          '号码不存在，或凭条已过期（凭条仅当日有效）。请向大厅工作人员询问，或到取号机重新取号。',
          'This queue ticket was not found',
        ]),
      );
      expect(res.body).not.toContain('<script>');
    }
    const ok = await page(app, t.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).not.toContain('<script>');
    expect(ok.body).toContain(
      '<p class="hall">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 大厅</p>',
    );
    expect(lines(ok.body)[0]).toBe('<script>alert("x")</script> & 大厅');
    await app.close();
  });

  it('sends strict headers, needs no session, and shows nothing of a case', async () => {
    const { app, ctx, take } = await hall();
    const t = await take('counselling');
    must(await call(ctx, 'HJ01', 'call-0001'));
    must(await ctx.floor.serve(act(t, 'HJ01')));
    must(await ctx.floor.linkCase({ ticketId: t.id, caseId: 'case-secret-4711', clerkId: 'u' }));
    const res = await page(app, t.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    );
    // No script at all, no external asset, no form; the case, the clerk and the kiosk stay out.
    expect(res.body).not.toMatch(/<script|<link|<img|<form|src=|href=/);
    for (const word of ['case-secret-4711', 'u-clerk', 'QH01', 'HJ01', t.id]) {
      expect([word, res.body.includes(word)]).toEqual([word, false]);
    }
    // A session is not needed (and a bad one does not matter) …
    expect((await page(app, t.id, { authorization: 'Bearer nonsense' })).statusCode).toBe(200);
    // … while every floor route still refuses a request without one.
    const reads = ['snapshot', 'month', 'watch', 'current', 'rated'];
    for (const [action, path] of [
      ...Object.entries(FLOOR_ROUTES),
      ...Object.entries(RATING_ROUTES),
    ]) {
      const method = reads.includes(action) ? 'GET' : 'POST';
      const res2 = await app.inject({
        method,
        url: `/v1${path}`,
        payload: method === 'POST' ? {} : undefined,
      });
      expect([path, res2.statusCode, res2.json().error?.code]).toEqual([path, 401, 'unauthorized']);
    }
    await app.close();
  });

  it('is bounded per address, with a page that says to wait', async () => {
    const db = await cluster.fresh();
    const { app } = buildApp({
      db,
      store: new SqlStore(db),
      blobDir: '/tmp/ow-no-blobs',
      log: () => undefined,
      publicRate: { perSecond: 0.001, burst: 2 },
    });
    const id = `tk-${crypto.randomUUID()}`;
    expect((await page(app, id)).statusCode).toBe(404);
    expect((await page(app, id)).statusCode).toBe(404);
    const busy = await page(app, id);
    expect(busy.statusCode).toBe(429);
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    expect(lines(busy.body)).toContain('查询的人太多了');
    await app.close();
  });
});

describe('the public address told to the kiosk', () => {
  it('comes with the snapshot and the watch when the server has one, never otherwise', async () => {
    const withUrl = await hall('大厅', 'https://dt.example.gov.cn/hall');
    const kiosk = await enrolled(withUrl.app, withUrl.db, 'QH02', 'kiosk');
    const snap = await withUrl.app.inject({
      method: 'GET',
      url: '/v1/floor/snapshot',
      headers: auth(kiosk),
    });
    expect(snap.json().value.publicUrl).toBe('https://dt.example.gov.cn/hall');
    const watch = await withUrl.app.inject({
      method: 'GET',
      url: '/v1/floor/watch?after=0&waitMs=0',
      headers: auth(kiosk),
    });
    expect(watch.json().value.publicUrl).toBe('https://dt.example.gov.cn/hall');
    await withUrl.app.close();

    const without = await hall('大厅');
    const k2 = await enrolled(without.app, without.db, 'QH02', 'kiosk');
    const s2 = await without.app.inject({
      method: 'GET',
      url: '/v1/floor/snapshot',
      headers: auth(k2),
    });
    expect(s2.statusCode).toBe(200);
    expect('publicUrl' in s2.json().value).toBe(false);
    await without.app.close();
  });
});
