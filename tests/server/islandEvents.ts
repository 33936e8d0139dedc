// Events of a station that numbered alone (pg-numbers-island.test.ts, pg-numbers-claim.test.ts):
// certificates, notices and ledger entries with their own seqs, chained and hashed as
// renderer/src/data/log.ts does; and the race of ten leases against an island's numbers.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { GENESIS_HASH } from '../../renderer/src/domain/audit';
import { SqlLeases } from '../../server/db/leases';
import type { Db } from '../../server/db/sql';
import { nodeChainHash } from '../../server/crypto';
import type { WireEvent } from '../../server/protocol';
import { auth } from './http-helpers';

export type Spec = { type: string; streamId: string; payload: Record<string, unknown> };

/** A station's chain of events from `from`, hashed as data/log.ts does. */
export function chainOf(station: string, specs: Spec[], from = 1, prevHash = GENESIS_HASH) {
  let prev = prevHash;
  return specs.map((s, i) => {
    const body = {
      id: `${station}-${from + i}`,
      schema: 2,
      chainId: station,
      stationId: station,
      stationSeq: from + i,
      streamId: s.streamId,
      type: s.type,
      payload: s.payload,
      actor: { id: 'u1', name: '测试', role: 'clerk' },
      at: '2026-03-02T02:00:00.000Z',
      prevHash: prev,
    };
    const hash = nodeChainHash(prev, body);
    prev = hash;
    return { ...body, hash } as WireEvent;
  });
}

export const cert = (caseId: string, seq: number): Spec => ({
  type: 'certificateIssued',
  streamId: `case:${caseId}`,
  payload: {
    caseId,
    certificateType: 'constructionPermit',
    number: `建字第410108${2026}${String(seq).padStart(5, '0')}号`,
    external: false,
    seq,
  },
});
export const notice = (caseId: string, seq: number): Spec => ({
  type: 'documentNumberAllocated',
  streamId: `case:${caseId}`,
  payload: { docType: 'acceptance', number: `惠济规划受〔2026〕${seq}号`, caseId, year: 2026, seq },
});
export const entry = (seq: number): Spec => ({
  type: 'commendationRecorded',
  streamId: `ledger:commendation-${seq}`,
  payload: {
    id: `commendation-${seq}`,
    kind: 'commendation',
    basedOn: 0,
    fields: { number: `BY2026${String(seq).padStart(4, '0')}` },
  },
});

/**
 * Ten leases of five acceptance notices each, asked by `session`'s station at once (the race
 * against an island's claim or push in pg-numbers-claim and pg-numbers-island).
 */
export const racingLeases = (app: FastifyInstance, session: { token: string }) =>
  Array.from({ length: 10 }, (_, i) =>
    app.inject({
      method: 'POST',
      url: '/v1/numbers/lease',
      headers: auth(session),
      payload: {
        leaseKey: `lease:race-${i}`,
        kind: 'document',
        type: 'acceptance',
        year: 2026,
        count: 5,
      },
    }),
  );

/**
 * After the race: the blocks hold 50 distinct seqs; every seq of the series has one row; each
 * of the island's 40 is either taken in or, where a block got there first, a recorded clash; and
 * no block holds a number taken in for the island. The island's taken and clashed seqs.
 */
export async function expectRaceSettled(db: Db, blocks: readonly LightMyRequestResponse[]) {
  const seqs = blocks
    .map((b) => b.json() as { first: number; last: number })
    .flatMap((b) => Array.from({ length: 5 }, (_, i) => b.first + i));
  expect(new Set(seqs).size).toBe(50);
  const reg = await new SqlLeases(db).register('doc:acceptance:2026');
  expect(reg.series[0]).toMatchObject({ lastSeq: Math.max(40, ...seqs), missing: [] });
  const taken = reg.entries.filter((e) => e.origin === 'island').map((e) => e.seq);
  const clashed = reg.clashes.map((x) => x.seq);
  expect([...taken, ...clashed].sort((x, y) => x - y)).toEqual(
    Array.from({ length: 40 }, (_, i) => i + 1),
  );
  for (const q of seqs) expect(taken).not.toContain(q);
  return { taken, clashed };
}
