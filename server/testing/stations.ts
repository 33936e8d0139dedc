// Simulated stations for the hall's tests and bench: P-256 keys, chained events exactly as the
// station's log makes them (data/log.ts), and signed push requests.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { GENESIS_HASH } from '../../renderer/src/domain/audit';
import { nodeChainHash, sha256Hex } from '../crypto';
import {
  canonicalCredentials,
  pushSigningText,
  refillSigningTextOf,
  sessionSigningText,
  type Credential,
  type WireEvent,
} from '../protocol';
import type { RefillBody, RefillRequest } from '../protocol/restore';

export interface TestStation {
  code: string;
  publicKey: string;
  privateKey: KeyObject;
  sign(text: string): string;
}

export function testStation(code: string): TestStation {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    code,
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey,
    sign: (text) =>
      sign('sha256', Buffer.from(text), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString(
        'base64',
      ),
  };
}

export interface ChainOptions {
  chainId?: string;
  fromSeq?: number;
  prevHash?: string;
  schema?: number;
  at?: string;
  type?: string;
  payload?: (seq: number) => Record<string, unknown>;
  /** A different history: changes the payload, so hashes differ from the default chain. */
  variant?: string;
}

/** n events of a station's chain, hashed exactly as data/log.ts does. */
export function makeEvents(station: string, n: number, o: ChainOptions = {}): WireEvent[] {
  const chainId = o.chainId ?? station;
  let prev = o.prevHash ?? GENESIS_HASH;
  const from = o.fromSeq ?? 1;
  const out: WireEvent[] = [];
  for (let i = 0; i < n; i++) {
    const seq = from + i;
    const body = {
      id: `${chainId}-${seq}`,
      schema: o.schema ?? 2,
      chainId,
      stationId: station,
      stationSeq: seq,
      streamId: `case:${station}-${Math.ceil(seq / 3)}`,
      type: o.type ?? 'caseNoted',
      payload: o.payload?.(seq) ?? { note: `n${seq}`, ...(o.variant ? { v: o.variant } : {}) },
      actor: { id: 'u1', name: '测试', role: 'clerk' },
      at: o.at ?? '2026-12-01T08:00:00.000Z',
      prevHash: prev,
    };
    const hash = nodeChainHash(prev, body);
    out.push({ ...body, hash } as WireEvent);
    prev = hash;
  }
  return out;
}

let pushCounter = 0;

export interface SignedPushOptions {
  /** The credentials beside the events, covered by the signature (form 2). */
  credentials?: Credential[];
  /** Sign these instead of `credentials` (a test of credentials swapped on the way). */
  signCredentials?: Credential[];
  /** 1: the form of stations from before the credentials were signed (no credentialsSha256). */
  form?: 1 | 2;
}

/**
 * A push request of `events` (a contiguous range), signed by the station — form 1 (identity and
 * last hash) when it carries no credentials, as every station signed before; form 2 (the
 * credentials' canonical SHA-256 too) when it does, or when asked.
 */
export function signedPush(
  st: TestStation,
  events: WireEvent[],
  chainId = st.code,
  o: SignedPushOptions = {},
) {
  const first = events[0] as WireEvent;
  const last = events.at(-1) as WireEvent;
  const pushId = `push-${st.code}-${++pushCounter}-${Date.now()}`;
  const form = o.form ?? (o.credentials ? 2 : 1);
  const credentialsSha256 =
    form === 2 ? sha256Hex(canonicalCredentials(o.signCredentials ?? o.credentials)) : undefined;
  const signature = st.sign(
    pushSigningText({
      pushId,
      chainId,
      fromSeq: first.stationSeq,
      toSeq: last.stationSeq,
      lastHash: last.hash,
      ...(credentialsSha256 !== undefined ? { credentialsSha256 } : {}),
    }),
  );
  return {
    pushId,
    chainId,
    fromSeq: first.stationSeq,
    events,
    signature,
    ...(o.credentials ? { credentials: o.credentials } : {}),
    ...(credentialsSha256 !== undefined ? { credentialsSha256 } : {}),
  };
}

export const sessionText = sessionSigningText;

/**
 * A refill request signed by the station as its host signs it (electron/hall-refill.ts):
 * `signAs` signs another request than the one sent (a refill changed on the way).
 */
export async function signedRefill(
  st: TestStation,
  request: RefillRequest,
  o: { signAs?: RefillRequest } = {},
): Promise<RefillBody> {
  const signed = o.signAs ?? request;
  const credentialsSha256 = sha256Hex(canonicalCredentials(signed.credentials));
  const text = await refillSigningTextOf(signed, sha256Hex, credentialsSha256);
  return { ...request, signature: st.sign(text), credentialsSha256 };
}
