// One push, end to end over any EventStore: ownership, the request's own checks, blobs, then the
// chain locked and the pure rules of push.ts applied. The HTTP layer checks the session and the
// signature before calling this; the simulation calls it directly.
import { CREDENTIAL_EVENT_TYPES, numberUsesOf, type Credential, type WireEvent } from '../protocol';
import { EventIdTaken, type EventStore } from './store';
import {
  chainBelongsTo,
  checkRequest,
  defaultChainHash,
  planPush,
  type ChainHash,
  type PushRefusal,
} from './push';
import { blobRefsOf } from '../protocol';

export interface PushRequestData {
  pushId: string;
  chainId: string;
  fromSeq: number;
  events: readonly WireEvent[];
  credentials?: readonly Credential[];
}

/**
 * A credential must belong to an event of the same push: a user event that may carry one, of
 * the user it names (its stream `user:<id>`). Anything else is a station's bug: refused.
 */
export function credentialProblem(req: PushRequestData): string | null {
  const byId = new Map(req.events.map((e) => [e.id, e]));
  const seen = new Set<string>();
  for (const c of req.credentials ?? []) {
    const e = byId.get(c.eventId);
    if (!e) return `credential for ${c.eventId}: no such event in the push`;
    if (!CREDENTIAL_EVENT_TYPES.includes(e.type)) return `credential beside a ${e.type} event`;
    if (e.streamId !== `user:${c.userId}`) return `credential of another user than ${e.streamId}`;
    if (seen.has(c.eventId)) return `two credentials for ${c.eventId}`;
    seen.add(c.eventId);
  }
  return null;
}

export type Refusal = PushRefusal | { code: 'foreign_chain'; message: string };

export type PushResult =
  | {
      ok: true;
      accepted: number;
      duplicates: number;
      gseqs: number[];
      head: { chainId: string; seq: number; hash: string; status: 'open' };
    }
  | { ok: false; refusal: Refusal; quarantined?: boolean };

export interface PushOptions {
  maxEventSchema: number;
  hashOf?: ChainHash;
}

export async function push(
  store: EventStore,
  stationCode: string,
  req: PushRequestData,
  opts: PushOptions,
): Promise<PushResult> {
  if (!chainBelongsTo(req.chainId, stationCode)) {
    return {
      ok: false,
      refusal: { code: 'foreign_chain', message: `chain ${req.chainId} is not ${stationCode}'s` },
    };
  }
  const early = checkRequest(stationCode, req, opts.maxEventSchema);
  if (early) return { ok: false, refusal: early };
  const credential = credentialProblem(req);
  if (credential) return { ok: false, refusal: { code: 'bad_request', message: credential } };
  const refs = [...new Set(req.events.flatMap((e) => blobRefsOf(e)))];
  if (refs.length > 0) {
    const missing = await store.missingBlobs(refs);
    if (missing.length > 0) {
      return {
        ok: false,
        refusal: { code: 'blob_missing', message: `${missing.length} blobs to upload`, missing },
      };
    }
  }
  const toSeq = req.fromSeq + req.events.length - 1;
  return withChainPush(store, stationCode, req, toSeq, opts).catch((e: unknown) => {
    if (!(e instanceof EventIdTaken)) throw e;
    return {
      ok: false as const,
      refusal: { code: 'bad_request' as const, message: 'an event id is held by another event' },
    };
  });
}

function withChainPush(
  store: EventStore,
  stationCode: string,
  req: PushRequestData,
  toSeq: number,
  opts: PushOptions,
): Promise<PushResult> {
  return store.withChain(req.chainId, stationCode, async (tx): Promise<PushResult> => {
    if (tx.owner !== stationCode) {
      return {
        ok: false,
        refusal: { code: 'foreign_chain', message: `chain ${req.chainId} is another station's` },
      };
    }
    const { state } = tx;
    const held =
      state.status === 'open' && req.fromSeq <= state.headSeq
        ? await tx.held(req.fromSeq, Math.min(toSeq, state.headSeq))
        : [];
    const plan = planPush(state, held, req, opts.hashOf ?? defaultChainHash);
    if (plan.kind === 'refuse') {
      if (plan.quarantine) await tx.quarantine(plan.quarantine.seq);
      return {
        ok: false,
        refusal: plan.refusal,
        ...(plan.quarantine ? { quarantined: true } : {}),
      };
    }
    await tx.recordPush({
      pushId: req.pushId,
      stationCode,
      chainId: req.chainId,
      fromSeq: req.fromSeq,
      toSeq,
      accepted: plan.fresh.length,
      duplicates: plan.duplicateGseqs.length,
    });
    // The numbers the fresh events record are used now (docs/hall.md "Numbers"; an island's own
    // taken in or recorded as clashes): before the append, so the hall row is not held over it.
    // Lock order: chain → own allocation rows → series (by id) → hall.
    const uses = plan.fresh.flatMap(numberUsesOf);
    if (uses.length > 0) await tx.markNumbersUsed?.(uses, stationCode);
    // Last: on SQL the append takes the hall row, held until commit.
    const fresh =
      plan.fresh.length > 0 ? await tx.append(req.chainId, plan.fresh, plan.head, req.pushId) : [];
    // After the events (the credentials table refers to them); a re-push keeps the first.
    if (req.credentials && req.credentials.length > 0)
      await tx.storeCredentials(req.credentials, stationCode);
    return {
      ok: true,
      accepted: fresh.length,
      duplicates: plan.duplicateGseqs.length,
      gseqs: [...plan.duplicateGseqs, ...fresh],
      head: { chainId: req.chainId, seq: plan.head.seq, hash: plan.head.hash, status: 'open' },
    };
  });
}
