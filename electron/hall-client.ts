// The station's side of the hall server (issue 16), one implementation for both hosts: opens
// sessions by challenge–response with the station's sync key, signs every push, keeps the
// session token to itself, and keeps the enrolment (address, hall, pinned certificate
// fingerprint) through the host's store. Electron wires it with a Node transport that pins the
// certificate (services/hall.ts), the browser host with fetch (renderer/src/host/browserHall.ts).
// Refusals of push/pull/blobs are returned as data ({ ok: false, error }) for the sync engine;
// probe/enrol/session throw HostError('hall', <HallErrorCode>) like any host call.
// No Node, no DOM: global crypto.randomUUID only. Nothing here logs.
import { z } from 'zod';
import { HostError } from './contract';
import { keepBundleKey, sealStationBundle } from './hall-bundle';
import { hallNumbersCall } from './hall-numbers';
import {
  expectBody,
  failureOf,
  HallCallError,
  hostErrorOf,
  type HallAnswer,
  type HallRequest,
} from './hall-wire';
import {
  checkHallAddress,
  HALL_EVENT_SCHEMA,
  hallContract,
  normaliseFingerprint,
} from './contract-hall';
import { floorAnswerSchema, floorRequest } from '../server/protocol/floor';
import { ratingAnswerSchema, ratingRequest } from '../server/protocol/rating';
import {
  allocateCertificateResponseSchema,
  API_PREFIX,
  errorBodySchema,
  blobsMissingResponseSchema,
  challengeResponseSchema,
  enrolResponseSchema,
  healthResponseSchema,
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushResponseSchema,
  pushSigningText,
  sessionResponseSchema,
  sessionSigningText,
  stationKindSchema,
  type WireEvent,
} from '../server/protocol';
import { refillResponseSchema } from '../server/protocol/restore';

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

export interface HallService {
  status(): Promise<Out<'hall.status'>>;
  probe(args: In<'hall.probe'>): Promise<Out<'hall.probe'>>;
  enrol(args: In<'hall.enrol'>): Promise<Out<'hall.enrol'>>;
  session(): Promise<Out<'hall.session'>>;
  push(args: In<'hall.push'>): Promise<Out<'hall.push'>>;
  pull(args: In<'hall.pull'>): Promise<Out<'hall.pull'>>;
  putBlob(args: In<'hall.putBlob'>): Promise<Out<'hall.putBlob'>>;
  missingBlobs(args: In<'hall.missingBlobs'>): Promise<Out<'hall.missingBlobs'>>;
  refill(args: In<'hall.refill'>): Promise<Out<'hall.refill'>>;
  allocateNumber(args: In<'hall.allocateNumber'>): Promise<Out<'hall.allocateNumber'>>;
  sealBundle(args: In<'hall.sealBundle'>): Promise<Out<'hall.sealBundle'>>;
  floor(args: In<'hall.floor'>): Promise<Out<'hall.floor'>>;
  rating(args: In<'hall.rating'>): Promise<Out<'hall.rating'>>;
  numbers(args: In<'hall.numbers'>): Promise<Out<'hall.numbers'>>;
}

export function createHallClient(deps: HallClientDeps): HallService {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const send = deps.send;
  const now = deps.now ?? (() => new Date());
  let enrolment: Enrolment | null | undefined;
  let token: { value: string; expiresAt: number } | null = null;
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
    const expires = Date.parse(session.expiresAt);
    token = { value: session.token, expiresAt: Number.isFinite(expires) ? expires : 0 };
    return session;
  }

  function session(): Promise<Out<'hall.session'>> {
    opening ??= openSession().finally(() => (opening = null));
    return opening;
  }

  /** A call with the session token; opens (once more on 'unauthorized') as needed. */
  async function authed(
    r: Omit<HallRequest, 'base' | 'pin' | 'timeoutMs' | 'token'> & { timeoutMs?: number },
  ): Promise<HallAnswer> {
    const e = await enrolled();
    const go = async () =>
      send({
        ...r,
        base: e.serverUrl,
        pin: e.fingerprint,
        timeoutMs: r.timeoutMs ?? timeoutMs,
        token: token!.value,
      });
    // A minute's margin: a token about to expire is renewed before use.
    if (!token || token.expiresAt - 60_000 < now().getTime()) await session();
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
      };
    },

    sealBundle: (args) => sealStationBundle({ ...deps, enrolment: enrolled, now }, args),

    async probe({ serverUrl }) {
      try {
        const address = checkHallAddress(serverUrl);
        if (!address.ok) throw new HallCallError(address.code, address.code);
        const answer = await send({
          base: address.url.origin,
          method: 'GET',
          path: `${API_PREFIX}/health`,
          pin: null,
          timeoutMs,
        });
        const health = expectBody(answer, healthResponseSchema);
        return {
          hallId: health.hallId,
          hallName: health.hallName,
          fingerprint: answer.fingerprint,
          serverTime: health.serverTime,
          protocol: health.protocol,
        };
      } catch (e) {
        throw hostErrorOf(e);
      }
    },

    async enrol(args) {
      try {
        const existing = await load();
        if (existing && !args.replace)
          throw new HallCallError('already_enrolled', 'already_enrolled');
        const address = checkHallAddress(args.serverUrl);
        if (!address.ok) throw new HallCallError(address.code, address.code);
        let pin: string | null = null;
        if (address.secure && deps.pinsCertificates) {
          // The fingerprint the server printed is what makes the first contact safe: no code
          // and no key is sent to a certificate the administrator did not compare.
          pin = normaliseFingerprint(args.fingerprint ?? '');
          if (pin === null) throw new HallCallError('certificate_mismatch', 'fingerprint_required');
        }
        if (existing) {
          // Enrolling again (a new server certificate, a reinstalled PC) stays in the same hall:
          // this station's records belong to it, another hall must never receive them.
          const health = expectBody(
            await send({
              base: address.url.origin,
              method: 'GET',
              path: `${API_PREFIX}/health`,
              pin,
              timeoutMs,
            }),
            healthResponseSchema,
          );
          if (health.hallId !== existing.hallId)
            throw new HallCallError('other_hall', 'other_hall');
        }
        const { spki } = await deps.keys.publicKey();
        const answer = await send({
          base: address.url.origin,
          method: 'POST',
          path: `${API_PREFIX}/enrol`,
          pin,
          timeoutMs,
          body: json({
            code: args.code,
            stationCode: args.stationCode,
            label: args.label,
            kind: args.kind,
            publicKey: spki,
            appVersion: deps.appVersion.slice(0, 40),
            protocol: PROTOCOL_VERSION,
          }),
        });
        const done = expectBody(answer, enrolResponseSchema);
        const record: Enrolment = {
          version: 1,
          serverUrl: address.url.origin,
          hallId: done.hallId,
          hallName: done.hallName,
          stationCode: done.stationCode,
          label: args.label,
          kind: args.kind,
          fingerprint: pin,
          enrolledAt: now().toISOString(),
          ...(existing?.bundleKey ? { bundleKey: existing.bundleKey } : {}),
        };
        await deps.store.save(record);
        enrolment = record;
        token = null;
        return {
          hallId: done.hallId,
          hallName: done.hallName,
          fingerprint: pin,
          heads: done.heads,
          serverTime: done.serverTime,
        };
      } catch (e) {
        throw hostErrorOf(e);
      }
    },

    async session() {
      try {
        return await session();
      } catch (e) {
        throw hostErrorOf(e);
      }
    },

    async push({ chainId, fromSeq, events, credentials }) {
      try {
        const last = events.at(-1) as WireEvent;
        const pushId = `p-${crypto.randomUUID()}`;
        const { signature } = await deps.keys.sign(
          pushSigningText({
            pushId,
            chainId,
            fromSeq,
            toSeq: fromSeq + events.length - 1,
            lastHash: last.hash,
          }),
        );
        const answer = await authed({
          method: 'POST',
          path: `${API_PREFIX}/push`,
          body: json({
            pushId,
            chainId,
            fromSeq,
            events,
            signature,
            ...(credentials && credentials.length > 0 ? { credentials } : {}),
          }),
        });
        return { ok: true as const, response: expectBody(answer, pushResponseSchema) };
      } catch (e) {
        return failureOf(e);
      }
    },

    async pull({ after, limit, waitMs }) {
      try {
        const answer = await authed({
          method: 'GET',
          path: `${API_PREFIX}/pull?after=${after}&limit=${limit}&waitMs=${waitMs}`,
          timeoutMs: timeoutMs + waitMs,
        });
        return { ok: true as const, response: expectBody(answer, pullResponseSchema) };
      } catch (e) {
        return failureOf(e);
      }
    },

    async putBlob({ sha256, source }) {
      try {
        if (source.kind === 'attachment' && source.id !== sha256)
          throw new HostError('integrity', 'id_is_not_hash');
        const bytes = await deps.readBlob(source);
        if ((await deps.sha256Hex(bytes)) !== sha256)
          throw new HostError('integrity', 'hash_mismatch');
        const answer = await authed({
          method: 'PUT',
          path: `${API_PREFIX}/blobs/${sha256}`,
          body: bytes,
          contentType: 'application/octet-stream',
          // A 30 MB scan on a slow hall network: a minute more than a small call.
          timeoutMs: timeoutMs + 60_000,
        });
        expectBody(answer, z.unknown()); // a refusal throws
        return { ok: true as const };
      } catch (e) {
        return failureOf(e);
      }
    },

    async missingBlobs({ hashes }) {
      try {
        const answer = await authed({
          method: 'POST',
          path: `${API_PREFIX}/blobs/missing`,
          body: json({ hashes }),
        });
        return {
          ok: true as const,
          missing: expectBody(answer, blobsMissingResponseSchema).missing,
        };
      } catch (e) {
        return failureOf(e);
      }
    },

    async refill(args) {
      try {
        const answer = await authed({
          method: 'POST',
          path: `${API_PREFIX}/restore/refill`,
          body: json(args),
        });
        return { ok: true as const, response: expectBody(answer, refillResponseSchema) };
      } catch (e) {
        return failureOf(e);
      }
    },

    async allocateNumber(args) {
      try {
        const answer = await authed({
          method: 'POST',
          path: `${API_PREFIX}/numbers/certificate`,
          body: json(args),
        });
        return {
          ok: true as const,
          response: expectBody(answer, allocateCertificateResponseSchema),
        };
      } catch (e) {
        return failureOf(e);
      }
    },

    async floor(args) {
      try {
        const r = floorRequest(args);
        const answer = await authed({
          method: r.method,
          path: `${API_PREFIX}${r.path}`,
          ...(r.body !== undefined ? { body: r.body } : {}),
          ...(r.waitMs !== undefined ? { timeoutMs: r.waitMs + timeoutMs } : {}),
        });
        return { ok: true as const, answer: expectBody(answer, floorAnswerSchema) };
      } catch (e) {
        return failureOf(e);
      }
    },

    async rating(args) {
      try {
        const r = ratingRequest(args);
        const answer = await authed({
          method: r.method,
          path: `${API_PREFIX}${r.path}`,
          ...(r.body !== undefined ? { body: r.body } : {}),
          ...(r.waitMs !== undefined ? { timeoutMs: r.waitMs + timeoutMs } : {}),
        });
        return { ok: true as const, answer: expectBody(answer, ratingAnswerSchema) };
      } catch (e) {
        return failureOf(e);
      }
    },
  };
}
