// Backup files: the whole database as one self-checking JSON document, gzip-compressed when the
// platform has CompressionStream (Node 20 and Chromium both do). Restore checks everything
// first — format, version, checksum, station, the event chain — and only then replaces every
// table in one transaction, so a refused or failed restore leaves the database as it was.
import { canonicalJson, GENESIS_HASH, sha256Hex } from '../domain/audit';
import type { MetaRow, OneWindowDb } from './db';
import { AuthError } from './authErrors';
import { ChainWalker, headsOf } from './chains';
import type { EventActor, StoredEvent } from './eventTypes';
import {
  append,
  chainIdOf,
  chainNumber,
  CLOSED_HEAD_PREFIX,
  closedHeadKey,
  headChainId,
  readHead,
  type ChainHead,
} from './log';
import { upgradeTables } from './rowUpgrades';
import { getStation, STATION_KEY, type Station } from './station';

export const BACKUP_FORMAT = 'onewindow-backup';
export const BACKUP_FORMAT_VERSION = 1;

type Row = Record<string, unknown>;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  stationId: string | null;
  createdAt: string;
  schemaVersion: number;
  tables: Record<string, Row[]>;
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  checksum: string;
}

export type BackupRefusal =
  | { reason: 'corrupt' } // not readable, or the checksum does not match
  | { reason: 'not_a_backup' }
  | { reason: 'unknown_version'; formatVersion: unknown }
  | { reason: 'schema_mismatch'; schemaVersion: number; expected: number }
  | { reason: 'foreign'; stationId: string | null; expected: string }
  | { reason: 'broken_chain'; eventId: string };

export class BackupError extends Error {
  readonly refusal: BackupRefusal;
  constructor(refusal: BackupRefusal) {
    super(`backup refused: ${refusal.reason}`);
    this.name = 'BackupError';
    this.refusal = refusal;
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];
const hasCompression = () => typeof CompressionStream === 'function';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export interface ExportOptions {
  now?: Date;
  /** Off only for tests that edit the JSON text directly. */
  compress?: boolean;
}

/** Every row of every table, in primary-key order, read in one consistent snapshot. */
async function readAllTables(db: OneWindowDb): Promise<Record<string, Row[]>> {
  return db.transaction('r', db.tables, async () => {
    const tables: Record<string, Row[]> = {};
    for (const table of db.tables) tables[table.name] = (await table.toArray()) as Row[];
    return tables;
  });
}

const checksumOf = (file: Omit<BackupFile, 'checksum'>) => sha256Hex(canonicalJson(file));

export async function exportBackup(db: OneWindowDb, options: ExportOptions = {}) {
  const station = await getStation(db);
  // JSON round trip: what is hashed is exactly what a reader will parse.
  const tables = JSON.parse(JSON.stringify(await readAllTables(db))) as Record<string, Row[]>;
  const body: Omit<BackupFile, 'checksum'> = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    stationId: station?.stationId ?? null,
    createdAt: (options.now ?? new Date()).toISOString(),
    schemaVersion: db.verno,
    tables,
  };
  const file: BackupFile = { ...body, checksum: await checksumOf(body) };
  const json = new TextEncoder().encode(JSON.stringify(file));
  const compress = options.compress ?? hasCompression();
  return compress ? pipe(json, new CompressionStream('gzip')) : json;
}

export interface ReadOptions {
  /** The station this database belongs to; a backup of another station is refused unless… */
  expectedStationId?: string | null;
  /** …an administrator has confirmed that this station takes over the other's data. */
  allowForeign?: boolean;
  /** The schema version this app reads (db.verno). */
  schemaVersion: number;
}

const refuse = (r: BackupRefusal): never => {
  throw new BackupError(r);
};

/** Parses and checks a backup without touching any database. Throws BackupError. */
export async function readBackup(bytes: Uint8Array, options: ReadOptions): Promise<BackupFile> {
  let text: string;
  try {
    const gz = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
    const raw = gz ? await pipe(bytes, new DecompressionStream('gzip')) : bytes;
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return refuse({ reason: 'corrupt' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse({ reason: 'corrupt' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refuse({ reason: 'not_a_backup' });
  }
  const file = parsed as Partial<BackupFile>;
  if (file.format !== BACKUP_FORMAT) return refuse({ reason: 'not_a_backup' });
  if (file.formatVersion !== BACKUP_FORMAT_VERSION) {
    return refuse({ reason: 'unknown_version', formatVersion: file.formatVersion });
  }
  const { checksum, ...body } = file as BackupFile;
  if (typeof checksum !== 'string' || typeof body.tables !== 'object' || body.tables === null) {
    return refuse({ reason: 'corrupt' });
  }
  let actual: string;
  try {
    actual = await checksumOf(body);
  } catch {
    return refuse({ reason: 'corrupt' });
  }
  if (actual !== checksum) return refuse({ reason: 'corrupt' });
  // No app writes such a version: the file was damaged or made by hand.
  if (!Number.isInteger(body.schemaVersion) || body.schemaVersion < 1)
    return refuse({ reason: 'corrupt' });
  // An older backup is upgraded row by row on restore (rowUpgrades.ts); a newer one needs a newer app.
  if (body.schemaVersion > options.schemaVersion) {
    return refuse({
      reason: 'schema_mismatch',
      schemaVersion: body.schemaVersion,
      expected: options.schemaVersion,
    });
  }
  const expected = options.expectedStationId;
  if (expected && body.stationId !== expected && !options.allowForeign) {
    return refuse({ reason: 'foreign', stationId: body.stationId, expected });
  }
  await checkChain(file as BackupFile);
  return file as BackupFile;
}

/**
 * The events of each chain must form an unbroken chain, and the stored heads must be their last
 * links (otherwise events were cut off the end); the open chain must have one. A valid checksum
 * does not prove this: whoever edits a file can recompute the checksum, but not the chain without
 * it showing.
 */
async function checkChain(file: BackupFile) {
  const events = (file.tables.events ?? []) as unknown as StoredEvent[];
  for (const e of events) {
    if (typeof e?.stationId !== 'string' || typeof e.stationSeq !== 'number') {
      refuse({ reason: 'broken_chain', eventId: String(e?.id) });
    }
  }
  // Each chain in its own sequence order, chain after chain.
  const ordered = events
    .map((e) => ({ e, chainId: chainIdOf(e) }))
    .sort((a, b) =>
      a.chainId === b.chainId ? a.e.stationSeq - b.e.stationSeq : a.chainId < b.chainId ? -1 : 1,
    );
  const walker = new ChainWalker();
  for (const { e } of ordered) {
    const fault = await walker.add(e);
    if (fault) refuse({ reason: 'broken_chain', eventId: fault.event?.id ?? fault.chainId });
  }
  const { heads, open } = headsOf((file.tables.meta ?? []) as unknown as MetaRow[], file.stationId);
  const fault = walker.finish(heads, open ? [open] : []);
  if (fault) {
    const last = walker.ends().get(fault.chainId);
    const lastId = last && last.stationSeq > 0 ? `${fault.chainId}-${last.stationSeq}` : null;
    refuse({ reason: 'broken_chain', eventId: fault.event?.id ?? lastId ?? fault.chainId });
  }
}

export interface RestoreOptions extends Omit<ReadOptions, 'schemaVersion'> {
  /** The administrator restoring; recorded as the first event after the restored log. */
  actor: EventActor;
  now?: Date;
}

/**
 * Replaces the whole database with a checked backup, all or nothing, then records who restored
 * what. Only an active administrator may restore (checked here, not only in the UI); on a
 * first-run station with no users yet, anyone at the machine may (there is no one to ask).
 */
export async function restoreBackup(
  db: OneWindowDb,
  bytes: Uint8Array,
  options: RestoreOptions,
): Promise<{ station: Station | null; events: number }> {
  const current = await getStation(db);
  if (current) {
    const me = await db.users.get(options.actor.id);
    if (!me || me.disabled === 1 || me.role !== 'admin') throw new AuthError('forbidden');
  }
  const file = await readBackup(bytes, {
    expectedStationId:
      options.expectedStationId === undefined
        ? (current?.stationId ?? null)
        : options.expectedStationId,
    allowForeign: options.allowForeign,
    schemaVersion: db.verno,
  });
  const now = options.now ?? new Date();
  await db.transaction('rw', db.tables, async () => {
    // The chain this database appends to now, before it is replaced: the new chain's number
    // must be above it too, or a second restore of the same backup would issue its ids again.
    const replacedHead = current ? await readHead(db) : null;
    const tables = upgradeTables(file.tables, file.schemaVersion, db.verno);
    for (const table of db.tables) {
      await table.clear();
      const rows = tables[table.name] ?? [];
      if (rows.length > 0) await table.bulkAdd(rows);
    }
    const station = (await db.meta.get(STATION_KEY))?.value as Station | undefined;
    if (!station) return;
    const restored = await readHead(db);
    const previous = { ...restored, chainId: headChainId(restored, station) };
    const replaced =
      current && replacedHead
        ? { ...replacedHead, chainId: headChainId(replacedHead, current) }
        : null;
    const known = [
      previous.chainId,
      ...(replaced ? [replaced.chainId] : []),
      ...(tables.meta ?? [])
        .map((r) => String(r.key))
        .filter((k) => k.startsWith(CLOSED_HEAD_PREFIX))
        .map((k) => k.slice(CLOSED_HEAD_PREFIX.length)),
      ...((tables.events ?? []) as unknown as StoredEvent[]).map(chainIdOf),
    ];
    const used = known.map((id) => chainNumber(id, station.stationId) ?? 1);
    const opened: ChainHead = {
      chainId: `${station.stationId}.${Math.max(1, ...used) + 1}`,
      stationSeq: 0,
      hash: GENESIS_HASH,
    };
    // The restored chain is closed where the backup left it; the new one names it first.
    await db.meta.put({ key: closedHeadKey(previous.chainId), value: previous });
    await append(
      db,
      station,
      'station',
      [
        {
          type: 'chain.opened',
          payload: {
            reason: 'restore',
            previous,
            replaced,
            backup: {
              createdAt: file.createdAt,
              checksum: file.checksum,
              stationId: file.stationId,
            },
          },
        },
      ],
      options.actor,
      now,
      { head: opened },
    );
  });
  return { station: await getStation(db), events: await db.events.count() };
}
