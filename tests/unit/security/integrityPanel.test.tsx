// A corrupted IndexedDB record is found by verification and reported in the user's language:
// the data side (verifyLog on fake-indexeddb) and what the 数据校验 panel makes of the report.
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../renderer/src/app/i18n';
import type { OneWindowDb } from '../../../renderer/src/data/db';
import { isStreamReadOnly, verifyLog } from '../../../renderer/src/data/integrity';
import { append } from '../../../renderer/src/data/log';
import {
  IntegrityAdmin,
  IntegrityPanel,
  integrityView,
} from '../../../renderer/src/features/admin/IntegrityPanel';
import en from '../../../renderer/src/locales/en/security.json';
import zh from '../../../renderer/src/locales/zh-CN/security.json';
import { clerk, freshDb, station } from '../renderer/data/helpers';

let db: OneWindowDb;
afterEach(() => db?.close());
beforeAll(async () => {
  // initI18n sets <html lang>; these tests run in node, without a DOM.
  vi.stubGlobal('document', { documentElement: {} });
  await initI18n('zh-CN');
});
afterAll(() => vi.unstubAllGlobals());

const now = new Date('2026-11-29T02:00:00Z');

/** A log of `count` events over three cases. */
async function seeded(count = 12) {
  db = freshDb();
  for (let i = 0; i < count; i++) {
    await db.transaction('rw', db.events, db.meta, () =>
      append(
        db,
        station,
        `case:c${i % 3}`,
        [{ type: 'auth.signed_out', payload: { username: `u${i}` } }],
        clerk,
        now,
      ),
    );
  }
  return db;
}

/** What the panel says for a report, in one language. */
function textOf(view: ReturnType<typeof integrityView>, lng: 'zh-CN' | 'en') {
  const t = i18next.getFixedT(lng, 'security');
  if (view.kind !== 'broken') return t(`integrity.${view.kind}`, { time: 'T', total: 0 });
  return t('integrity.broken', {
    ...view,
    reason: t(`integrity.reason.${view.reason}`),
    time: 'T',
  });
}

describe('a corrupted record', () => {
  it('an edited payload is found, named with its case, and the case becomes read-only', async () => {
    await seeded();
    const victim = (await db.events.orderBy('pos').toArray())[7]!;
    // Someone edits IndexedDB by hand (dev tools, a disk tool): the hash no longer fits.
    await db.events.update(victim.pos!, { payload: { username: 'u999' } });
    const report = await verifyLog(db, now);
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({ eventId: victim.id, streamId: victim.streamId });
    expect(await isStreamReadOnly(db, victim.streamId)).toBe(true);

    const view = integrityView(report, null);
    expect(view).toMatchObject({ kind: 'broken', eventId: victim.id, caseId: 'c1' });
    const zhText = textOf(view, 'zh-CN');
    expect(zhText).toContain(victim.id);
    expect(zhText).toContain('记录内容被改动');
    expect(zhText).toContain('只读');
    expect(textOf(view, 'en')).toContain('the record was changed');
  });

  it('a deleted record breaks the link to the next one', async () => {
    await seeded();
    const events = await db.events.orderBy('pos').toArray();
    await db.events.delete(events[4]!.pos!);
    const view = integrityView(await verifyLog(db, now), null);
    expect(view).toMatchObject({ kind: 'broken', eventId: events[5]!.id });
    expect(textOf(view, 'zh-CN')).toContain('衔接不上');
  });

  it('a dropped tail is reported as missing records', async () => {
    await seeded();
    const events = await db.events.orderBy('pos').toArray();
    await db.events.delete(events[events.length - 1]!.pos!);
    const view = integrityView(await verifyLog(db, now), null);
    expect(view.kind).toBe('brokenTail');
    expect(textOf(view, 'zh-CN')).toContain('缺失');
  });

  it('an intact log reads as intact, with its size', async () => {
    await seeded(5);
    expect(integrityView(await verifyLog(db, now), null)).toMatchObject({ kind: 'ok', total: 5 });
  });
});

describe('the panel', () => {
  it('shows progress while a check runs, rounded and capped', () => {
    expect(integrityView(null, { checked: 1000, total: 3000 })).toMatchObject({
      kind: 'running',
      percent: 33,
    });
    // An empty log is done at once, not 0 % forever.
    expect(integrityView(null, { checked: 0, total: 0 })).toMatchObject({ percent: 100 });
    expect(integrityView(null, null)).toEqual({ kind: 'never' });
    expect(integrityView(null, null, true)).toEqual({ kind: 'failed' });
  });

  it('offers the check with its explanation, and refuses it to anyone but an administrator', () => {
    // Server rendering sees the session store's initial state (nobody signed in): the gate's
    // refusal. The check itself is rendered without the gate.
    const gated = renderToStaticMarkup(<IntegrityPanel db={freshDb()} />);
    expect(gated).toContain('数据校验');
    expect(gated).toContain('admin-only');
    expect(gated).not.toContain('立即校验');
    const check = renderToStaticMarkup(<IntegrityAdmin db={freshDb()} />);
    expect(check).toContain('立即校验');
    expect(check).toContain('逐条核对');
    expect(check).toContain('本机尚未做过数据校验');
  });

  it('has every text in both languages, and a name for every break reason', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const reason of ['hash_mismatch', 'prev_hash_mismatch', 'head_mismatch']) {
      expect(Object.keys(zh)).toContain(`integrity.reason.${reason}`);
    }
  });
});
