import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  GENESIS_HASH,
  canonicalJson,
  chain,
  sha256Hex,
  verifyChain,
  type ChainedEvent,
} from '../../../../renderer/src/domain/audit';

/** A stored event with envelope fields; overrides pick out what a case is about. */
function eventOf(i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `ev-${i}`,
    stationId: 'HJ01',
    seq: i + 1,
    at: `2026-03-02T0${i % 10}:00:00.000Z`,
    actor: { id: 'u1', name: '张三', role: 'clerk' },
    type: 'caseAccepted',
    payload: { caseId: 'c1', note: `第${i}条` },
    ...overrides,
  };
}

async function build(n: number): Promise<ChainedEvent[]> {
  const out: ChainedEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const e: Record<string, unknown> = { ...eventOf(i), prevHash: prev };
    const hash = await chain(prev, e);
    out.push({ ...e, id: String(e.id), prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined, 'x'], c: null }, z: undefined })).toBe(
      '{"a":{"c":null,"d":[1,null,"x"]},"b":1}',
    );
  });

  it('property: key order never changes the result', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        // And it is still JSON that means the same thing.
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('refuses values with no stable JSON form', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(new Map())).toThrow(TypeError);
  });
});

describe('sha256Hex', () => {
  it('matches the published test vectors', async () => {
    expect(await sha256Hex('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain', async () => {
    expect(await verifyChain(await build(5))).toEqual({ ok: true });
    expect(await verifyChain([])).toEqual({ ok: true });
  });

  it('names the first event whose content was edited', async () => {
    const events = await build(5);
    events[2] = { ...events[2]!, payload: { caseId: 'c1', note: 'edited' } };
    expect(await verifyChain(events)).toEqual({
      ok: false,
      index: 2,
      eventId: 'ev-2',
      reason: 'hash_mismatch',
    });
  });

  it('names the event after a dropped one', async () => {
    const events = await build(5);
    events.splice(1, 1);
    expect(await verifyChain(events)).toMatchObject({ ok: false, index: 1, eventId: 'ev-2' });
    expect(await verifyChain(events)).toMatchObject({ reason: 'prev_hash_mismatch' });
  });

  it('catches a re-hashed edit because the next event still points at the old hash', async () => {
    const events = await build(4);
    const edited = { ...events[1]!, actor: { id: 'u9', name: '李四', role: 'director' } };
    edited.hash = await chain(edited.prevHash, edited);
    events[1] = edited;
    expect(await verifyChain(events)).toMatchObject({ ok: false, index: 2, eventId: 'ev-2' });
  });
});
