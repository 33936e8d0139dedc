// The hall channels that need a session (docs/hall-station.md): push and pull, blobs, the
// restore refill, certificate numbers, the floor and the rating device. Each is one
// authenticated call whose answer is checked against the protocol (hall-wire.ts callHall);
// refusals come back as data ({ ok: false, error }) for the sync engine. No Node, no DOM.
import { z } from 'zod';
import { HostError } from './contract';
import type { hallContract } from './contract-hall';
import { callHall, expectBody, failureOf, type Authed, type AuthedRequest } from './hall-wire';
import { floorAnswerSchema, floorRequest } from '../server/protocol/floor';
import { ratingAnswerSchema, ratingRequest } from '../server/protocol/rating';
import {
  allocateCertificateResponseSchema,
  API_PREFIX,
  blobsMissingResponseSchema,
  canonicalCredentials,
  PUSH_SIGNING_FORM,
  pullResponseSchema,
  pushResponseSchema,
  pushSigningText,
  type WireEvent,
} from '../server/protocol';
import { refillResponseSchema } from '../server/protocol/restore';
import { signedRefillBody } from './hall-refill';

type Out<C extends keyof typeof hallContract> = z.output<(typeof hallContract)[C]['result']>;
type In<C extends keyof typeof hallContract> = z.output<(typeof hallContract)[C]['args']>;

export interface HallCallDeps {
  authed: Authed;
  /** The station's sync key. */
  sign(payload: string): Promise<{ signature: string }>;
  readBlob(source: { kind: 'attachment' | 'archive'; id: string }): Promise<Uint8Array>;
  sha256Hex(bytes: Uint8Array): Promise<string> | string;
  /** Deadline of one exchange. */
  timeoutMs: number;
  /**
   * The push signature form the hall checks, as its session answer said (a session is opened
   * when none is held): 2 signs the credentials too, 1 is a hall from before.
   */
  pushSigning(): Promise<number>;
  /** The refill signature form the hall checks, as its session answer said (0: a hall from before). */
  refillSigning(): Promise<number>;
}

export interface HallCalls {
  push(args: In<'hall.push'>): Promise<Out<'hall.push'>>;
  pull(args: In<'hall.pull'>): Promise<Out<'hall.pull'>>;
  putBlob(args: In<'hall.putBlob'>): Promise<Out<'hall.putBlob'>>;
  missingBlobs(args: In<'hall.missingBlobs'>): Promise<Out<'hall.missingBlobs'>>;
  refill(args: In<'hall.refill'>): Promise<Out<'hall.refill'>>;
  allocateNumber(args: In<'hall.allocateNumber'>): Promise<Out<'hall.allocateNumber'>>;
  floor(args: In<'hall.floor'>): Promise<Out<'hall.floor'>>;
  rating(args: In<'hall.rating'>): Promise<Out<'hall.rating'>>;
}

const json = (value: unknown) => JSON.stringify(value);
const utf8 = new TextEncoder();

export function hallCalls(d: HallCallDeps): HallCalls {
  const { authed, timeoutMs } = d;
  /** A floor or rating-device request: a watch waits on the server, so its deadline grows. */
  const device = (r: { method: 'GET' | 'POST'; path: string; body?: string; waitMs?: number }) =>
    ({
      method: r.method,
      path: `${API_PREFIX}${r.path}`,
      ...(r.body !== undefined ? { body: r.body } : {}),
      ...(r.waitMs !== undefined ? { timeoutMs: r.waitMs + timeoutMs } : {}),
    }) satisfies AuthedRequest;

  return {
    push: ({ chainId, fromSeq, events, credentials }) =>
      callHall(
        authed,
        async () => {
          const last = events.at(-1) as WireEvent;
          const pushId = `p-${crypto.randomUUID()}`;
          // Form 2 signs the credentials too (their canonical form's SHA-256); a hall from
          // before checks form 1 only and takes no field it does not know.
          const credentialsSha256 =
            (await d.pushSigning()) >= PUSH_SIGNING_FORM
              ? await d.sha256Hex(utf8.encode(canonicalCredentials(credentials)))
              : undefined;
          const { signature } = await d.sign(
            pushSigningText({
              pushId,
              chainId,
              fromSeq,
              toSeq: fromSeq + events.length - 1,
              lastHash: last.hash,
              ...(credentialsSha256 !== undefined ? { credentialsSha256 } : {}),
            }),
          );
          return {
            method: 'POST',
            path: `${API_PREFIX}/push`,
            body: json({
              pushId,
              chainId,
              fromSeq,
              events,
              signature,
              ...(credentials && credentials.length > 0 ? { credentials } : {}),
              ...(credentialsSha256 !== undefined ? { credentialsSha256 } : {}),
            }),
          };
        },
        pushResponseSchema,
        'response',
      ),

    pull: ({ after, limit, waitMs }) =>
      callHall(
        authed,
        {
          method: 'GET',
          path: `${API_PREFIX}/pull?after=${after}&limit=${limit}&waitMs=${waitMs}`,
          timeoutMs: timeoutMs + waitMs,
        },
        pullResponseSchema,
        'response',
      ),

    async putBlob({ sha256, source }) {
      try {
        if (source.kind === 'attachment' && source.id !== sha256)
          throw new HostError('integrity', 'id_is_not_hash');
        const bytes = await d.readBlob(source);
        if ((await d.sha256Hex(bytes)) !== sha256)
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

    missingBlobs: ({ hashes }) =>
      callHall(
        authed,
        { method: 'POST', path: `${API_PREFIX}/blobs/missing`, body: json({ hashes }) },
        blobsMissingResponseSchema.transform((b) => b.missing),
        'missing',
      ),

    refill: (args) =>
      callHall(
        authed,
        async () => {
          const body = await signedRefillBody(args, {
            sign: (payload) => d.sign(payload),
            sha256Hex: (text) => d.sha256Hex(utf8.encode(text)),
            refillSigning: () => d.refillSigning(),
          });
          return { method: 'POST', path: `${API_PREFIX}/restore/refill`, body: json(body) };
        },
        refillResponseSchema,
        'response',
      ),

    allocateNumber: (args) =>
      callHall(
        authed,
        { method: 'POST', path: `${API_PREFIX}/numbers/certificate`, body: json(args) },
        allocateCertificateResponseSchema,
        'response',
      ),

    floor: (args) =>
      callHall(authed, () => device(floorRequest(args)), floorAnswerSchema, 'answer'),

    rating: (args) =>
      callHall(authed, () => device(ratingRequest(args)), ratingAnswerSchema, 'answer'),
  };
}
