// The push rules on their own (server/core/push.ts) and over the in-memory store: duplicates,
// gap, fork + quarantine, bad hash, foreign chain, schema too new, blobs first.
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../renderer/src/domain/audit';
import { EVENT_SCHEMA } from '../../renderer/src/data/eventRegistry';
import { defaultChainHash, planPush } from '../../server/core/push';
import { push } from '../../server/core/hall';
import { MemoryStore } from '../../server/core/memory';
import { SERVER_MAX_EVENT_SCHEMA } from '../../server/http/app';
import { makeEvents } from './helpers';

const opts = { maxEventSchema: 2 };
const req = (chainId: string, events: ReturnType<typeof makeEvents>, pushId = 'p-0000001') => ({
  pushId,
  chainId,
  fromSeq: events[0]?.stationSeq ?? 1,
  events,
});

describe('planPush', () => {
  const ev = makeEvents('HJ01', 5);
  const state = { headSeq: 3, headHash: ev[2]!.hash, status: 'open' as const };
  const held = ev.slice(0, 3).map((e, i) => ({ seq: e.stationSeq, hash: e.hash, gseq: 10 + i }));

  it('acknowledges the held part as duplicates with their first gseq and appends the rest', () => {
    const plan = planPush(state, held.slice(1), req('HJ01', ev.slice(1)));
    expect(plan).toEqual({
      kind: 'append',
      duplicateGseqs: [11, 12],
      fresh: ev.slice(3),
      head: { seq: 5, hash: ev[4]!.hash },
    });
  });

  it('refuses a gap with the seq it expects', () => {
    const plan = planPush(state, [], req('HJ01', ev.slice(4)));
    expect(plan).toMatchObject({ kind: 'refuse', refusal: { code: 'gap', expectedSeq: 4 } });
  });

  it('calls a different hash at a held seq a fork and asks for the quarantine', () => {
    const other = makeEvents('HJ01', 3, { variant: 'restored' });
    const plan = planPush(state, held, req('HJ01', other));
    expect(plan).toMatchObject({
      kind: 'refuse',
      refusal: { code: 'fork', seq: 1 },
      quarantine: { seq: 1 },
    });
  });

  it('refuses an event whose hash does not verify, or that does not link to the head', () => {
    const tampered = ev.slice(3).map((e) => ({ ...e }));
    tampered[1]!.payload = { note: 'edited' };
    expect(planPush(state, [], req('HJ01', tampered))).toMatchObject({
      refusal: { code: 'bad_hash', seq: 5 },
    });
    const unlinked = makeEvents('HJ01', 2, { fromSeq: 4, prevHash: GENESIS_HASH });
    expect(planPush(state, [], req('HJ01', unlinked))).toMatchObject({
      refusal: { code: 'bad_hash', seq: 4, message: "seq 4 does not link to the chain's head" },
    });
  });

  it('takes nothing into a quarantined chain, not even duplicates', () => {
    const plan = planPush({ ...state, status: 'quarantined' }, held, req('HJ01', ev.slice(0, 3)));
    expect(plan).toMatchObject({ kind: 'refuse', refusal: { code: 'quarantined' } });
  });
});

describe('push over the in-memory store', () => {
  it('keeps every event once, in gseq order, through repeats, gaps and a fork', async () => {
    const store = new MemoryStore();
    const a = makeEvents('HJ01', 6);
    const b = makeEvents('HJ02', 2);
    expect(await push(store, 'HJ01', req('HJ01', a.slice(0, 4)), opts)).toMatchObject({
      ok: true,
      accepted: 4,
      duplicates: 0,
      gseqs: [1, 2, 3, 4],
    });
    expect(await push(store, 'HJ02', req('HJ02', b), opts)).toMatchObject({ gseqs: [5, 6] });
    // The response was lost: the station pushes 3..6 again.
    expect(await push(store, 'HJ01', req('HJ01', a.slice(2)), opts)).toMatchObject({
      accepted: 2,
      duplicates: 2,
      gseqs: [3, 4, 7, 8],
      head: { seq: 6, hash: a[5]!.hash },
    });
    expect(await push(store, 'HJ02', req('HJ02', makeEvents('HJ02', 5).slice(3)), opts)).toEqual({
      ok: false,
      refusal: { code: 'gap', message: 'chain HJ02 expects seq 3', expectedSeq: 3 },
    });
    const fork = makeEvents('HJ02', 2, { variant: 'clone' });
    expect(await push(store, 'HJ02', req('HJ02', fork), opts)).toMatchObject({
      ok: false,
      quarantined: true,
      refusal: { code: 'fork', seq: 1 },
    });
    expect(await push(store, 'HJ02', req('HJ02', b), opts)).toMatchObject({
      refusal: { code: 'quarantined' },
    });
    expect(await store.heads('HJ02')).toEqual([
      { chainId: 'HJ02', seq: 2, hash: b[1]!.hash, status: 'quarantined' },
    ]);
    const page = await store.pull(0, 100);
    expect(page.rows.map((r) => r.gseq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(page.rows.map((r) => JSON.parse(r.json).id)).toEqual([
      'HJ01-1',
      'HJ01-2',
      'HJ01-3',
      'HJ01-4',
      'HJ02-1',
      'HJ02-2',
      'HJ01-5',
      'HJ01-6',
    ]);
  });

  it("refuses another station's chain, a newer schema and events whose blobs are missing", async () => {
    const store = new MemoryStore();
    expect(await push(store, 'HJ02', req('HJ01', makeEvents('HJ01', 1)), opts)).toMatchObject({
      refusal: { code: 'foreign_chain' },
    });
    expect(
      await push(store, 'HJ02', req('HJ02', makeEvents('HJ01', 1, { chainId: 'HJ02' })), opts),
    ).toMatchObject({ refusal: { code: 'bad_request', seq: 1 } });
    expect(
      await push(store, 'HJ01', req('HJ01', makeEvents('HJ01', 2, { schema: 3 })), opts),
    ).toEqual({
      ok: false,
      refusal: {
        code: 'schema_too_new',
        message: 'event schema 3 is newer than 2',
        seq: 1,
        supported: 2,
      },
    });
    const scan = 'ab'.repeat(32);
    const withBlob = makeEvents('HJ01', 1, {
      payload: () => ({ attachments: [{ sha256: scan }] }),
    });
    expect(await push(store, 'HJ01', req('HJ01', withBlob), opts)).toMatchObject({
      refusal: { code: 'blob_missing', missing: [scan] },
    });
    store.blobs.add(scan);
    expect(await push(store, 'HJ01', req('HJ01', withBlob), opts)).toMatchObject({ accepted: 1 });
    // A restored station opens a new chain of its own.
    expect(
      await push(store, 'HJ01', req('HJ01.2', makeEvents('HJ01', 1, { chainId: 'HJ01.2' })), opts),
    ).toMatchObject({ accepted: 1, gseqs: [2] });
  });

  it('wakes a long-poll when an event arrives', async () => {
    const store = new MemoryStore();
    const t0 = Date.now();
    const waiting = store.waitPast(0, 5000);
    setTimeout(() => void push(store, 'HJ01', req('HJ01', makeEvents('HJ01', 1)), opts), 50);
    await waiting;
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await store.lastGseq()).toBe(1);
  });
});

it("the server's newest event schema is the app's", () => {
  expect(SERVER_MAX_EVENT_SCHEMA).toBe(EVENT_SCHEMA);
});

it("the server's Node hash is the station's chain hash", async () => {
  const { chainSync } = await import('../../renderer/src/domain/audit');
  const { nodeChainHash } = await import('../../server/crypto');
  const e = makeEvents('HJ01', 1, {
    payload: () => ({ note: '含\u0000零', n: 1.5, list: [1, 'a'] }),
  })[0]!;
  expect(nodeChainHash(e.prevHash, e)).toBe(chainSync(e.prevHash, e));
  expect(nodeChainHash(e.prevHash, e)).toBe(e.hash);
});

it('MemoryHall answers as the HTTP routes do', async () => {
  const { MemoryHall } = await import('../../server/core/memory-hall');
  const hall = new MemoryHall({ now: () => new Date('2026-12-01T09:00:00.000Z') });
  const ev = makeEvents('HJ01', 3);
  const ok = await hall.push('HJ01', {
    pushId: 'p-0000001',
    chainId: 'HJ01',
    fromSeq: 1,
    events: ev,
  });
  expect(ok).toEqual({
    status: 200,
    body: {
      accepted: 3,
      duplicates: 0,
      head: { chainId: 'HJ01', seq: 3, hash: ev[2]!.hash, status: 'open' },
      gseqs: [1, 2, 3],
      serverTime: '2026-12-01T09:00:00.000Z',
    },
  });
  const gap = await hall.push('HJ01', {
    pushId: 'p-0000002',
    chainId: 'HJ01',
    fromSeq: 5,
    events: makeEvents('HJ01', 5).slice(4),
  });
  expect(gap).toEqual({
    status: 409,
    body: { error: { code: 'gap', message: 'chain HJ01 expects seq 4', expectedSeq: 4 } },
  });
  const page = await hall.pull({ after: 1, limit: 1 });
  expect(page).toEqual({
    status: 200,
    body: {
      events: [{ gseq: 2, event: ev[1] }],
      cursor: 2,
      lastGseq: 3,
      serverTime: '2026-12-01T09:00:00.000Z',
    },
  });
});

it('refuses an event id another chain holds, storing nothing (memory and SQL alike)', async () => {
  const store = new MemoryStore();
  await push(store, 'HJ01', req('HJ01', makeEvents('HJ01', 1)), opts);
  const clash = makeEvents('HJ02', 1).map((e) => ({ ...e, id: 'HJ01-1' }));
  clash[0]!.hash = defaultChainHash(clash[0]!.prevHash, clash[0]!);
  expect(await push(store, 'HJ02', req('HJ02', clash), opts)).toEqual({
    ok: false,
    refusal: { code: 'bad_request', message: 'an event id is held by another event' },
  });
  expect(await store.lastGseq()).toBe(1);
  // Rolled back whole: not even the new chain's row stays.
  expect(await store.heads('HJ02')).toEqual([]);
});
