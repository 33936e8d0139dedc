// Refusals as HTTP answers: the protocol's error body, with a status code that says what kind.
import type { FastifyReply } from 'fastify';
import type { ErrorBody, ErrorCode } from '../protocol';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  station_unknown: 401,
  station_blocked: 403,
  station_retired: 403,
  enrolment_code_invalid: 400,
  enrolment_code_used: 410,
  enrolment_code_expired: 410,
  station_code_taken: 409,
  challenge_invalid: 401,
  bad_signature: 401,
  protocol_unsupported: 400,
  schema_too_new: 422,
  gap: 409,
  fork: 409,
  quarantined: 409,
  bad_hash: 422,
  foreign_chain: 403,
  blob_missing: 409,
  blob_mismatch: 422,
  too_large: 413,
  rate_limited: 429,
  restoring: 503,
  internal: 500,
};

export type ErrorDetail = Omit<ErrorBody['error'], 'code' | 'message'>;

export class HallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail: ErrorDetail = {},
  ) {
    super(message);
  }
}

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  detail: ErrorDetail = {},
) {
  const body: ErrorBody = { error: { code, message, ...detail } };
  return reply.code(STATUS[code]).type('application/json').send(body);
}
