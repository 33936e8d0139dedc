import { createHash } from 'node:crypto';

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** Bytes owned by a plain ArrayBuffer (what crosses IPC and what the contract types say). */
export type Bytes = Uint8Array<ArrayBuffer>;
