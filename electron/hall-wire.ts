// The hall exchange as both hosts see it: what a transport is asked (HallRequest), what it
// answers (HallAnswer), how it fails (HallCallError), and how an answer becomes the protocol's
// value or a refusal by code. No Node, no DOM.
import type { z } from 'zod';
import { HostError } from './contract';
import type { HallErrorCode, HallFailure } from './contract-hall';
import { errorBodySchema } from '../server/protocol';

/** A failed exchange, by code; what a transport throws and what the client maps to answers. */
export class HallCallError extends Error {
  extra: Partial<HallFailure> = {};
  constructor(
    readonly code: HallErrorCode,
    message: string,
    /** certificate_mismatch: what the server showed. */
    readonly seenFingerprint?: string,
  ) {
    super(message);
    this.name = 'HallCallError';
  }
}

export interface HallRequest {
  /** The server's base address (https://host:port or http://127.0.0.1:port). */
  base: string;
  method: 'GET' | 'POST' | 'PUT';
  /** Path and query, starting with /v1/… */
  path: string;
  body?: Uint8Array | string;
  contentType?: string;
  token?: string;
  /**
   * https only: the pinned fingerprint (hex). null = accept whatever certificate the server
   * shows and report its fingerprint (the probe before enrolment: nothing secret is sent).
   */
  pin: string | null;
  timeoutMs: number;
  /** Largest answer accepted; bigger is 'bad_response'. */
  maxResponseBytes?: number;
}

export interface HallAnswer {
  status: number;
  body: unknown;
  /** The certificate fingerprint of the connection (hex); null on plain http or in a browser. */
  fingerprint: string | null;
}

/** HallCallError → the HostError a probe/enrol/session caller sees. */
export function hostErrorOf(e: unknown): HostError {
  if (e instanceof HostError) return e;
  if (e instanceof HallCallError) {
    return new HostError(
      'hall',
      e.code === 'certificate_mismatch' && e.seenFingerprint
        ? `certificate_mismatch:${e.seenFingerprint}`
        : e.code,
    );
  }
  return new HostError('hall', 'bad_response');
}

/** HallCallError → the { ok: false, error } the sync engine reads. */
export function failureOf(e: unknown): { ok: false; error: HallFailure } {
  if (e instanceof HallCallError) {
    const extra = e.extra;
    return {
      ok: false,
      error: {
        code: e.code,
        message: e.message.slice(0, 500),
        ...extra,
        ...(e.seenFingerprint ? { seenFingerprint: e.seenFingerprint } : {}),
      },
    };
  }
  if (e instanceof HostError) {
    const code = e.code === 'not_found' ? 'local_missing' : 'local_mismatch';
    return { ok: false, error: { code, message: e.code } };
  }
  return { ok: false, error: { code: 'bad_response', message: 'unexpected' } };
}

/** The answer's body as `schema`, or the server's refusal thrown as a HallCallError. */
export function expectBody<T>(answer: HallAnswer, schema: z.ZodType<T>): T {
  if (answer.status >= 200 && answer.status < 300) {
    const ok = schema.safeParse(answer.body);
    if (ok.success) return ok.data;
    throw new HallCallError('bad_response', `unexpected_body_${answer.status}`);
  }
  const refusal = errorBodySchema.safeParse(answer.body);
  if (!refusal.success) throw new HallCallError('bad_response', `status_${answer.status}`);
  const { code, message, ...extra } = refusal.data.error;
  const err = new HallCallError(code, message.slice(0, 200));
  err.extra = extra;
  throw err;
}

/** A request as a caller with a session asks it: the client adds address, pin and token. */
export type AuthedRequest = Omit<HallRequest, 'base' | 'pin' | 'timeoutMs' | 'token'> & {
  timeoutMs?: number;
};
/** The client's call with the session token (opened, or renewed once on 'unauthorized'). */
export type Authed = (r: AuthedRequest) => Promise<HallAnswer>;

/**
 * One authenticated call, its answer checked against `schema` and returned under `key`
 * (`{ ok: true, response }`, `{ ok: true, answer }` …), or the refusal as the sync engine reads
 * it (`{ ok: false, error }`). Every channel but the session's own shares this shape.
 */
export async function callHall<K extends string, T>(
  authed: Authed,
  request: AuthedRequest | (() => AuthedRequest | Promise<AuthedRequest>),
  schema: z.ZodType<T>,
  key: K,
): Promise<({ ok: true } & { [P in K]: T }) | { ok: false; error: HallFailure }> {
  try {
    const r = typeof request === 'function' ? await request() : request;
    const body = expectBody(await authed(r), schema);
    return { ok: true, [key]: body } as { ok: true } & { [P in K]: T };
  } catch (e) {
    return failureOf(e);
  }
}
