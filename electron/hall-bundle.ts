// Field bundles on the station's host (issue 17 item 5): seals the bundle the station carries to
// the hall on a USB stick. The renderer says what goes in (its events past what the hall
// acknowledged, the credentials beside them, which blobs they name); the host reads each blob's
// bytes from its own store and checks their hash, writes the body, and signs it with the
// station's sync key — the key never leaves the host. The file is saved through files.saveFile
// (Electron: the main process's save dialog; the browser: a download). Shared by both hosts.
import { z } from 'zod';
import {
  bundleFileName,
  bytesToBase64,
  sealBundle,
  type StationBundleBody,
} from '../server/protocol/bundle';
import { HostError } from './contract';
import type { hallContract } from './contract-hall';

type In = z.output<(typeof hallContract)['hall.sealBundle']['args']>;
type Out = z.output<(typeof hallContract)['hall.sealBundle']['result']>;

export interface BundleSealerDeps {
  enrolment(): Promise<{ hallId: string; stationCode: string }>;
  keys: { sign(text: string): Promise<{ signature: string }> };
  readBlob(source: { kind: 'attachment' | 'archive'; id: string }): Promise<Uint8Array>;
  sha256Hex(bytes: Uint8Array): Promise<string> | string;
  now(): Date;
}

const utf8 = new TextEncoder();

/**
 * The hall's bundle key, as a session answer told it over the pinned connection: kept with the
 * enrolment so that a bundle from the hall can be checked with no network at all.
 */
export async function keepBundleKey<E extends { bundleKey?: string }>(
  store: { save(e: E): Promise<void> },
  e: E,
  bundleKey: string | undefined,
): Promise<E> {
  if (!bundleKey || bundleKey === e.bundleKey) return e;
  const next = { ...e, bundleKey };
  await store.save(next);
  return next;
}

export async function sealStationBundle(deps: BundleSealerDeps, args: In): Promise<Out> {
  const e = await deps.enrolment();
  for (const c of args.chains)
    if (c.chainId !== e.stationCode && !c.chainId.startsWith(`${e.stationCode}.`))
      throw new HostError('invalid_args', 'foreign_chain');
  const blobs: StationBundleBody['blobs'] = [];
  for (const b of args.blobs) {
    if (b.source.kind === 'attachment' && b.source.id !== b.sha256)
      throw new HostError('integrity', 'id_is_not_hash');
    const bytes = await deps.readBlob(b.source);
    if ((await deps.sha256Hex(bytes)) !== b.sha256)
      throw new HostError('integrity', 'hash_mismatch');
    blobs.push({ sha256: b.sha256, data: bytesToBase64(bytes) });
  }
  const createdAt = deps.now().toISOString();
  const bundleId = crypto.randomUUID();
  const { text } = await sealBundle(
    { kind: 'station', bundleId, hallId: e.hallId, stationCode: e.stationCode, createdAt },
    { cursor: args.cursor, chains: args.chains, credentials: args.credentials, blobs },
    {
      sha256Hex: (t) => deps.sha256Hex(utf8.encode(t)),
      sign: async (t) => (await deps.keys.sign(t)).signature,
    },
  );
  return {
    bundleId,
    fileName: bundleFileName('station', e.stationCode, createdAt),
    bytes: utf8.encode(text) as Uint8Array<ArrayBuffer>,
    events: args.chains.reduce((n, c) => n + c.events.length, 0),
    blobs: blobs.length,
  };
}
