// Field bundles on the hall (issue 17 item 5): `bundle import <file>` takes a station's bundle
// (its events past what the hall acknowledged, the credentials beside them, the bytes of every
// blob they name) through the very push of server/core/hall.ts — one push per chain, so the
// gap, duplicate and fork rules are the push's own; `bundle export --station CODE` writes the
// hall's events after the station's cursor (as its last bundle said) with its chain heads, signed
// with the hall's bundle key. A bundle that is damaged, foreign, imported before or out of order
// is refused with the reason, in Chinese and English, before anything is stored.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { blobRefsOf, MAX_BLOB_BYTES, type HallEvent, type WireEvent } from './protocol';
import {
  bodyOf,
  bundleFileName,
  bundleSigningText,
  MAX_BUNDLE_BYTES,
  openEnvelope,
  sealBundle,
  type HallBundleBody,
} from './protocol/bundle';
import { AdminError, hallInfo, station } from './admin';
import type { BundleKey } from './bundleKey';
import { push } from './core/hall';
import { chainBelongsTo } from './core/push';
import type { EventStore } from './core/store';
import { nodeChainHash, randomToken, sha256Hex, verifySignature } from './crypto';
import type { Db } from './db/sql';
import { blobPath } from './http/blobs';
import { SERVER_MAX_EVENT_SCHEMA } from './http/app';

export interface BundleHall {
  db: Db;
  store: EventStore;
  blobDir: string;
  maxEventSchema?: number;
}

/** A refused bundle: the code (damaged, foreign, replayed, gap, or a push rule's), zh and en. */
export class BundleRefused extends AdminError {
  constructor(
    readonly code: string,
    zh: string,
    en: string,
  ) {
    super(zh, en);
  }
}

const DAMAGED_ZH = '同步包已损坏（内容被改动或不完整），未导入任何内容：请在站点上重新导出';
const DAMAGED_EN =
  'The bundle is damaged (changed or incomplete); nothing was imported: export it again on the station';

function damaged(detail: string): never {
  throw new BundleRefused('damaged', `${DAMAGED_ZH}（${detail}）`, `${DAMAGED_EN} (${detail})`);
}

function foreign(zh: string, en: string): never {
  throw new BundleRefused(
    'foreign',
    `不是本大厅可接收的同步包：${zh}，未导入任何内容`,
    `Not a bundle for this hall: ${en}; nothing was imported`,
  );
}

export interface ImportReport {
  bundleId: string;
  stationCode: string;
  accepted: number;
  duplicates: number;
  blobs: number;
  chains: { chainId: string; fromSeq: number; toSeq: number }[];
}

async function storeBlob(h: BundleHall, sha256: string, bytes: Uint8Array, stationCode: string) {
  const path = blobPath(h.blobDir, sha256);
  await mkdir(join(h.blobDir, sha256.slice(0, 2)), { recursive: true });
  const tmp = `${path}.${randomToken(6)}.part`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
  await h.db.query(
    `INSERT INTO blobs (sha256, size, station_code) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`,
    [sha256, bytes.length, stationCode],
  );
}

export async function importStationBundle(h: BundleHall, text: string): Promise<ImportReport> {
  if (text.length > MAX_BUNDLE_BYTES) damaged('too_large');
  const opened = await openEnvelope(text, 'station', sha256Hex);
  if (!opened.ok) {
    if (opened.code === 'damaged') damaged(opened.detail);
    foreign(
      '这是大厅写给站点的同步包，应在站点上导入',
      'this is a bundle from the hall for a station: import it on the station',
    );
  }
  const env = opened.envelope as typeof opened.envelope & { kind: 'station' };
  const body = bodyOf(env);
  if (!body) damaged('body');
  const hall = await hallInfo(h.db);
  if (!hall.hallId || env.hallId !== hall.hallId)
    foreign('它是为另一个大厅导出的', 'it was exported for another hall');
  const st = await station(h.db, env.stationCode);
  if (!st?.publicKey)
    foreign(
      `站点 ${env.stationCode} 未在本大厅登记`,
      `station ${env.stationCode} is not enrolled in this hall`,
    );
  if (st.status === 'blocked' || st.status === 'retired') {
    const zh = st.status === 'blocked' ? '已停用' : '已退役';
    throw new BundleRefused(
      `station_${st.status}`,
      `站点 ${st.code} ${zh}，不接收它的同步包`,
      `Station ${st.code} is ${st.status}: its bundles are not taken`,
    );
  }
  if (!verifySignature(st.publicKey, bundleSigningText(env), env.signature))
    foreign(
      `签名与站点 ${st.code} 登记的密钥不符`,
      `the signature does not verify with station ${st.code}'s enrolled key`,
    );
  const [seen] = await h.db.query<{ at: Date | string }>(
    `SELECT at FROM bundles WHERE bundle_id = $1`,
    [env.bundleId],
  );
  if (seen) {
    const at = new Date(seen.at).toISOString();
    throw new BundleRefused(
      'replayed',
      `此同步包已于 ${at} 导入过，本次未作任何改动`,
      `This bundle was imported before (${at}); nothing changed`,
    );
  }
  // Blobs: their bytes must be what they are named by.
  const blobs = new Map<string, Uint8Array>();
  for (const b of body.blobs) {
    const bytes = Buffer.from(b.data, 'base64');
    if (bytes.length > MAX_BLOB_BYTES || sha256Hex(bytes) !== b.sha256) damaged('blob');
    blobs.set(b.sha256, bytes);
  }
  const refs = [...new Set(body.chains.flatMap((c) => c.events.flatMap((e) => blobRefsOf(e))))];
  const missing = (await h.store.missingBlobs(refs)).filter((r) => !blobs.has(r));
  if (missing.length > 0)
    throw new BundleRefused(
      'blob_missing',
      `同步包缺少 ${missing.length} 个附件文件，未导入任何内容：请在站点上重新导出`,
      `The bundle lacks ${missing.length} attached files; nothing was imported: export it again on the station`,
    );
  // Out of order: every chain must continue from what the hall holds (the push's gap rule, for
  // all chains before any is pushed).
  const heads = new Map((await h.store.heads(st.code)).map((x) => [x.chainId, x]));
  for (const c of body.chains) {
    if (!chainBelongsTo(c.chainId, st.code))
      foreign(
        `链 ${c.chainId} 不属于站点 ${st.code}`,
        `chain ${c.chainId} is not station ${st.code}'s`,
      );
    const head = heads.get(c.chainId);
    if (head?.status === 'quarantined')
      throw new BundleRefused(
        'quarantined',
        `链 ${c.chainId} 已隔离（分叉），不再接收记录：请联系技术支持`,
        `Chain ${c.chainId} is quarantined (a fork) and takes nothing: call support`,
      );
    const expected = (head?.seq ?? 0) + 1;
    if (c.fromSeq > expected)
      throw new BundleRefused(
        'gap',
        `同步包顺序不对：它从链 ${c.chainId} 的第 ${c.fromSeq} 条记录开始，大厅只有到第 ${expected - 1} 条；请先导入更早的同步包，或在站点上重新导出`,
        `Out of order: the bundle starts chain ${c.chainId} at record ${c.fromSeq}, the hall holds up to ${expected - 1}; import the earlier bundle first, or export again on the station`,
      );
  }
  for (const [sha, bytes] of blobs) await storeBlob(h, sha, bytes, st.code);
  const report: ImportReport = {
    bundleId: env.bundleId,
    stationCode: st.code,
    accepted: 0,
    duplicates: 0,
    blobs: blobs.size,
    chains: [],
  };
  for (const c of body.chains) {
    const ids = new Set(c.events.map((e) => e.id));
    const credentials = body.credentials.filter((x) => ids.has(x.eventId));
    const r = await push(
      h.store,
      st.code,
      {
        pushId: `bundle-${randomToken(12)}`,
        chainId: c.chainId,
        fromSeq: c.fromSeq,
        events: c.events,
        ...(credentials.length ? { credentials } : {}),
      },
      { maxEventSchema: h.maxEventSchema ?? SERVER_MAX_EVENT_SCHEMA, hashOf: nodeChainHash },
    );
    if (!r.ok) {
      const { code, message } = r.refusal;
      throw new BundleRefused(
        code,
        `大厅拒收链 ${c.chainId} 的记录（${code}${r.quarantined ? '，该链已隔离' : ''}）：请联系技术支持`,
        `The hall refused chain ${c.chainId}'s records (${code}: ${message}${r.quarantined ? '; the chain is quarantined' : ''}): call support`,
      );
    }
    report.accepted += r.accepted;
    report.duplicates += r.duplicates;
    report.chains.push({
      chainId: c.chainId,
      fromSeq: c.fromSeq,
      toSeq: c.fromSeq + c.events.length - 1,
    });
  }
  await h.db.query(
    `INSERT INTO bundles (bundle_id, direction, station_code, body_sha256, created_at, cursor, accepted, duplicates, blobs)
     VALUES ($1, 'in', $2, $3, $4, $5, $6, $7, $8)`,
    [
      env.bundleId,
      st.code,
      env.bodySha256,
      env.createdAt,
      body.cursor,
      report.accepted,
      report.duplicates,
      blobs.size,
    ],
  );
  return report;
}

export interface ExportResult {
  text: string;
  fileName: string;
  bundleId: string;
  after: number;
  lastGseq: number;
  events: number;
}

/** The station's cursor as its last imported bundle said (0 when none came). */
export async function reportedCursor(db: Db, stationCode: string): Promise<number> {
  const [r] = await db.query<{ cursor: number }>(
    `SELECT cursor FROM bundles WHERE station_code = $1 AND direction = 'in' ORDER BY at DESC LIMIT 1`,
    [stationCode],
  );
  return Number(r?.cursor ?? 0);
}

export async function exportHallBundle(
  h: BundleHall,
  key: BundleKey,
  stationCode: string,
  opts: { after?: number; now?: Date } = {},
): Promise<ExportResult> {
  const hall = await hallInfo(h.db);
  if (!hall.hallId)
    throw new AdminError(
      '尚未创建大厅：运行 hall create --name …',
      'No hall yet: run hall create --name …',
    );
  const st = await station(h.db, stationCode);
  if (!st?.publicKey)
    throw new AdminError(
      `站点 ${stationCode} 未在本大厅登记`,
      `Station ${stationCode} is not enrolled in this hall`,
    );
  if (st.status !== 'active')
    throw new AdminError(
      `站点 ${stationCode} 状态为 ${st.status}，不为它导出`,
      `Station ${stationCode} is ${st.status}: no bundle is written for it`,
    );
  const after = opts.after ?? (await reportedCursor(h.db, st.code));
  const events: HallEvent[] = [];
  const credentials: HallBundleBody['credentials'] = [];
  let lastGseq = after;
  for (let from = after; ;) {
    const page = await h.store.pull(from, 2000);
    lastGseq = page.lastGseq;
    for (const r of page.rows)
      events.push({ gseq: r.gseq, event: JSON.parse(r.json) as WireEvent });
    credentials.push(...page.credentials);
    if (page.rows.length === 0) break;
    from = page.rows[page.rows.length - 1]!.gseq;
  }
  lastGseq = Math.max(after, events.at(-1)?.gseq ?? after);
  const heads = (await h.store.heads(st.code)).map((x) => ({
    chainId: x.chainId,
    seq: x.seq,
    hash: x.hash,
    status: x.status,
  }));
  const createdAt = (opts.now ?? new Date()).toISOString();
  const bundleId = randomUUID();
  const body: HallBundleBody = {
    hallName: hall.name ?? '',
    after,
    lastGseq,
    events,
    credentials,
    heads,
  };
  const { text, bodySha256 } = await sealBundle(
    { kind: 'hall', bundleId, hallId: hall.hallId, stationCode: st.code, createdAt },
    body,
    { sha256Hex, sign: async (t) => key.sign(t) },
  );
  if (text.length > MAX_BUNDLE_BYTES)
    throw new AdminError(
      '同步包超过 512 MB：请用 --after 分批导出',
      'The bundle is over 512 MB: export it in parts with --after',
    );
  await h.db.query(
    `INSERT INTO bundles (bundle_id, direction, station_code, body_sha256, created_at, cursor, last_gseq, accepted)
     VALUES ($1, 'out', $2, $3, $4, $5, $6, $7)`,
    [bundleId, st.code, bodySha256, createdAt, after, lastGseq, events.length],
  );
  return {
    text,
    fileName: bundleFileName('hall', st.code, createdAt),
    bundleId,
    after,
    lastGseq,
    events: events.length,
  };
}
