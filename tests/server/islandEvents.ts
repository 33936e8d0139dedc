// Events of a station that numbered alone (pg-numbers-island.test.ts, pg-numbers-claim.test.ts):
// certificates, notices and ledger entries with their own seqs, chained and hashed as
// renderer/src/data/log.ts does.
import { GENESIS_HASH } from '../../renderer/src/domain/audit';
import { nodeChainHash } from '../../server/crypto';
import type { WireEvent } from '../../server/protocol';

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
