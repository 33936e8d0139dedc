// The station's side of the hall server (issue 16), one implementation for both hosts: opens
// sessions by challenge–response with the station's sync key, signs every push, keeps the
// session token to itself, and keeps the enrolment (address, hall, pinned certificate
// fingerprint) through the host's store. Electron wires it with a Node transport that pins the
// certificate (services/hall.ts), the browser host with fetch (renderer/src/host/browserHall.ts).
// Refusals of push/pull/blobs are returned as data ({ ok: false, error }) for the sync engine;
// probe/enrol/session throw HostError('hall', <HallErrorCode>) like any host call.
// No Node, no DOM: global crypto.randomUUID only. Nothing here logs.
import type { z } from 'zod';
import { keepBundleKey, sealStationBundle } from './hall-bundle';
import { hallCalls, type HallCalls } from './hall-calls';
import { enrolStation, probeHall } from './hall-enrol';
import { hallNumbersCall } from './hall-numbers';
import {
  expectBody,
  HallCallError,
  hostErrorOf,
  type AuthedRequest,
  type HallAnswer,
  type HallRequest,
} from './hall-wire';
import { HALL_EVENT_SCHEMA, hallContract } from './contract-hall';
import {
  API_PREFIX,
  errorBodySchema,
  challengeResponseSchema,
  PROTOCOL_VERSION,
  sessionResponseSchema,
  sessionSigningText,
  stationKindSchema,
} from '../server/protocol';

/** What the station keeps of its enrolment. */
export interface Enrolment {
  version: 1;
  serverUrl: string;
  hallId: string;
  hallName: string;
  stationCode: string;
  label: string;
  kind: string;
  /** null: plain http on loopback, or a browser host (which cannot pin). */
  fingerprint: string | null;
  enrolledAt: string;
  /** The hall's bundle key (SPKI, base64) from the last session answer (hall-bundle.ts). */
  bundleKey?: string;
}

export interface HallClientDeps {
  store: { load(): Promise<Enrolment | null>; save(e: Enrolment): Promise<void> };
  /** The station's sync key (never the office key). */
  keys: {
    publicKey(): Promise<{ spki: string }>;
    sign(payload: string): Promise<{ signature: string }>;
  };
  /** A blob's bytes from the host's own store; throws HostError not_found / integrity. */
  readBlob(source: { kind: 'attachment' | 'archive'; id: string }): Promise<Uint8Array>;
  sha256Hex(bytes: Uint8Array): Promise<string> | string;
  send(r: HallRequest): Promise<HallAnswer>;
  appVersion: string;
  /** Whether this host can pin the certificate (Electron yes; a browser checks it itself). */
  pinsCertificates: boolean;
  /** Deadline of one exchange (a pull adds its waitMs). */
  timeoutMs?: number;
  now?: () => Date;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The stored kind as the contract has it; an unknown word (a hand-edited file) is no kind. */
const kindOf = (kind: string | undefined) => {
  const parsed = stationKindSchema.safeParse(kind);
  return parsed.success ? parsed.data : null;
};

type Out<C extends keyof typeof hallContract> = z.output<(typeof hallContract)[C]['result']>;
type In<C extends keyof typeof hallContract> = z.output<(typeof hallContract)[C]['args']>;

/** The session calls (hall-calls.ts) and what needs the station's own state: enrolment, bundles. */
export interface HallService extends HallCalls {
  status(): Promise<Out<'hall.status'>>;
  probe(args: In<'hall.probe'>): Promise<Out<'hall.probe'>>;
  enrol(args: In<'hall.enrol'>): Promise<Out<'hall.enrol'>>;
  session(): Promise<Out<'hall.session'>>;
  sealBundle(args: In<'hall.sealBundle'>): Promise<Out<'hall.sealBundle'>>;
  numbers(args: In<'hall.numbers'>): Promise<Out<'hall.numbers'>>;
}

export function createHallClient(deps: HallClientDeps): HallService {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const send = deps.send;
  const now = deps.now ?? (() => new Date());
  let enrolment: Enrolment | null | undefined;
  let token: { value: string; expiresAt: number } | null = null;
  /** The push signature form the last session answer announced (1: a hall from before). */
  let pushSigning = 1;
  /** The refill signature form it announced (0: a hall from before, which takes them unsigned). */
  let refillSigning = 0;
  let opening: Promise<Out<'hall.session'>> | null = null;

  async function load(): Promise<Enrolment | null> {
    if (enrolment === undefined) enrolment = await deps.store.load();
    return enrolment;
  }

  async function enrolled(): Promise<Enrolment> {
    const e = await load();
    if (!e) throw new HallCallError('not_enrolled', 'not_enrolled');
    return e;
  }

  const json = (value: unknown) => JSON.stringify(value);

  async function openSession(): Promise<Out<'hall.session'>> {
    const e = await enrolled();
    const base = { base: e.serverUrl, pin: e.fingerprint, timeoutMs } as const;
    const challenge = expectBody(
      await send({
        ...base,
        method: 'POST',
        path: `${API_PREFIX}/session/challenge`,
        body: json({ stationCode: e.stationCode }),
      }),
      challengeResponseSchema,
    );
    const { signature } = await deps.keys.sign(
      sessionSigningText(e.stationCode, challenge.challengeId, challenge.nonce),
    );
    const session = expectBody(
      await send({
        ...base,
        method: 'POST',
        path: `${API_PREFIX}/session`,
        body: json({
          stationCode: e.stationCode,
          challengeId: challenge.challengeId,
          signature,
          protocol: PROTOCOL_VERSION,
          appVersion: deps.appVersion.slice(0, 40),
          maxEventSchema: HALL_EVENT_SCHEMA,
        }),
      }),
      sessionResponseSchema,
    );
    enrolment = await keepBundleKey(deps.store, e, session.bundleKey);
    pushSigning = session.pushSigning ?? 1;
    refillSigning = session.refillSigning ?? 0;
    const expires = Date.parse(session.expiresAt);
    token = { value: session.token, expiresAt: Number.isFinite(expires) ? expires : 0 };
    return session;
  }

  function session(): Promise<Out<'hall.session'>> {
    opening ??= openSession().finally(() => (opening = null));
    return opening;
  }

  /** A token held and not about to expire (a minute's margin: renewed before use). */
  const fresh = () => token !== null && token.expiresAt - 60_000 >= now().getTime();

  /** A call with the session token; opens (once more on 'unauthorized') as needed. */
  async function authed(r: AuthedRequest): Promise<HallAnswer> {
    const e = await enrolled();
    const go = async () =>
      send({
        ...r,
        base: e.serverUrl,
        pin: e.fingerprint,
        timeoutMs: r.timeoutMs ?? timeoutMs,
        token: token!.value,
      });
    if (!fresh()) await session();
    const first = await go();
    // Only an expired or unknown token is renewed; other 401s (bad_signature …) are answers.
    const refusal = errorBodySchema.safeParse(first.body);
    if (first.status !== 401 || !refusal.success || refusal.data.error.code !== 'unauthorized')
      return first;
    token = null;
    await session();
    return go();
  }

  return {
    numbers: (args) => hallNumbersCall(authed, args),
    async status() {
      const e = await load();
      return {
        enrolled: e !== null,
        serverUrl: e?.serverUrl ?? null,
        hallName: e?.hallName ?? null,
        stationCode: e?.stationCode ?? null,
        fingerprint: e?.fingerprint ?? null,
        hallId: e?.hallId ?? null,
        bundleKey: e?.bundleKey ?? null,
        kind: kindOf(e?.kind),
        enrolledAt: e?.enrolledAt ?? null,
      };
    },

    sealBundle: (args) => sealStationBundle({ ...deps, enrolment: enrolled, now }, args),

    probe: (args) => probeHall({ send, timeoutMs }, args),

    enrol: (args) =>
      enrolStation(
        {
          ...deps,
          timeoutMs,
          now,
          load,
          enrolledAs: (record) => {
            enrolment = record;
            token = null;
          },
        },
        args,
      ),

    async session() {
      try {
        return await session();
      } catch (e) {
        throw hostErrorOf(e);
      }
    },

    ...hallCalls({
      authed,
      sign: (payload) => deps.keys.sign(payload),
      readBlob: (source) => deps.readBlob(source),
      sha256Hex: (bytes) => deps.sha256Hex(bytes),
      timeoutMs,
      pushSigning: async () => {
        if (!fresh()) await session();
        return pushSigning;
      },
      refillSigning: async () => {
        if (!fresh()) await session();
        return refillSigning;
      },
    }),
  };
}
