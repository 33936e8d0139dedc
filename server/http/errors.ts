// Refusals as HTTP answers: the protocol's error body, with a status code that says what kind.
import type { FastifyReply } from 'fastify';
import { ERROR_HTTP_STATUS, type ErrorBody, type ErrorCode } from '../protocol';

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
  return reply.code(ERROR_HTTP_STATUS[code]).type('application/json').send(body);
}
