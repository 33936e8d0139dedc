// What the hall's administrator does (the CLI's subcommands) and what the enrolment route
// redeems, over the SQL store. Codes and tokens are kept as SHA-256 only.
import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, chain } from '../renderer/src/domain/audit';
import type { StationKind } from './protocol';
import { enrolmentCode, sha256Hex } from './crypto';
import type { Db, Sql } from './db/sql';

export const ENROLMENT_TTL_MS = 24 * 60 * 60 * 1000;

export interface HallRow {
  hallId: string | null;
  name: string | null;
  lastGseq: number;
}

export async function hallInfo(db: Db): Promise<HallRow> {
  const [r] = await db.query<{ hall_id: string | null; name: string | null; last_gseq: number }>(
    'SELECT hall_id, name, last_gseq FROM hall',
  );
  return { hallId: r?.hall_id ?? null, name: r?.name ?? null, lastGseq: Number(r?.last_gseq ?? 0) };
}

export class AdminError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export async function createHall(db: Db, name: string): Promise<HallRow> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 80) {
    throw new AdminError('大厅名称须为 1–80 个字符', 'The hall name must be 1–80 characters');
  }
  const rows = await db.query<{ hall_id: string }>(
    `UPDATE hall SET hall_id = $1, name = $2, created_at = now() WHERE hall_id IS NULL
     RETURNING hall_id`,
    [`hall-${randomUUID()}`, trimmed],
  );
  if (rows.length === 0) {
    const h = await hallInfo(db);
    throw new AdminError(`大厅已存在：${h.name}`, `The hall already exists: ${h.name}`);
  }
  return hallInfo(db);
}

export interface StationRow {
  code: string;
  label: string;
  kind: StationKind;
  status: 'pending' | 'active' | 'blocked' | 'retired';
  publicKey: string | null;
}

export async function station(db: Pick<Sql, 'query'>, code: string): Promise<StationRow | null> {
  const [r] = await db.query<{
    code: string;
    label: string;
    kind: StationKind;
    status: StationRow['status'];
    public_key: string | null;
  }>('SELECT code, label, kind, status, public_key FROM stations WHERE code = $1', [code]);
  return r
    ? { code: r.code, label: r.label, kind: r.kind, status: r.status, publicKey: r.public_key }
    : null;
}

/** Issues a single-use enrolment code for a station (new, or re-enrolled on a new PC). */
export async function issueEnrolment(
  db: Db,
  s: { code: string; label: string; kind: StationKind },
  now = new Date(),
): Promise<{ code: string; expiresAt: Date; reenrol: boolean }> {
  if ((await hallInfo(db)).hallId === null) {
    throw new AdminError(
      '尚未创建大厅：先运行 hall create --name …',
      'No hall yet: run hall create --name … first',
    );
  }
  const existing = await station(db, s.code);
  if (existing?.status === 'retired') {
    throw new AdminError(
      `站点 ${s.code} 已退役，编号不再使用；请换一个编号`,
      `Station ${s.code} is retired and its code is never reused; choose another code`,
    );
  }
  if (existing?.status === 'blocked') {
    throw new AdminError(
      `站点 ${s.code} 已停用：先 station unblock ${s.code}`,
      `Station ${s.code} is blocked: run station unblock ${s.code} first`,
    );
  }
  const code = enrolmentCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_TTL_MS);
  await db.tx(async (sql) => {
    await sql.query(
      `INSERT INTO stations (code, label, kind, status) VALUES ($1, $2, $3, 'pending')
       ON CONFLICT (code) DO UPDATE SET label = $2, kind = $3`,
      [s.code, s.label, s.kind],
    );
    await sql.query(
      'INSERT INTO enrollment_codes (code_hash, station_code, expires_at) VALUES ($1, $2, $3)',
      [sha256Hex(code), s.code, expiresAt.toISOString()],
    );
  });
  return { code, expiresAt, reenrol: existing?.status === 'active' };
}

export async function setStationStatus(
  db: Db,
  code: string,
  action: 'block' | 'unblock' | 'retire',
): Promise<StationRow> {
  const s = await station(db, code);
  if (!s) throw new AdminError(`没有站点 ${code}`, `No station ${code}`);
  if (s.status === 'retired') {
    throw new AdminError(`站点 ${code} 已退役`, `Station ${code} is retired`);
  }
  const status = action === 'block' ? 'blocked' : action === 'retire' ? 'retired' : 'active';
  if (action === 'unblock' && s.status !== 'blocked') {
    throw new AdminError(`站点 ${code} 未停用`, `Station ${code} is not blocked`);
  }
  await db.tx(async (sql) => {
    await sql.query('UPDATE stations SET status = $2 WHERE code = $1', [code, status]);
    // Sessions stay: every request checks the station's status, so a blocked station is told
    // `station_blocked` at its next request (and a retired one `station_retired`).
    if (status === 'retired') {
      await sql.query(
        "UPDATE chains SET status = 'closed' WHERE station_code = $1 AND status = 'open'",
        [code],
      );
      // Its leased and reserved numbers will never be used: voided, so the register explains
      // them (docs/hall.md "Numbers").
      await sql.query(
        `UPDATE allocations SET status = 'voided', void_reason = 'station_retired',
           voided_by = 'admin', voided_at = now()
         WHERE station_code = $1 AND status IN ('reserved', 'leased')`,
        [code],
      );
    }
  });
  return { ...s, status };
}

export async function listStations(db: Db) {
  return db.query<{ code: string; label: string; kind: string; status: string }>(
    'SELECT code, label, kind, status FROM stations ORDER BY code',
  );
}

export interface ChainReport {
  chainId: string;
  events: number;
  headSeq: number;
  status: string;
  ok: boolean;
  problem?: string;
}

/** Every chain, hash by hash (domain/audit.ts `chain`), and the hall order's gaplessness. */
export async function verifyHall(db: Db): Promise<{
  chains: ChainReport[];
  events: number;
  lastGseq: number;
  maxGseq: number;
  ok: boolean;
}> {
  const chains = await db.query<{
    chain_id: string;
    head_seq: number;
    head_hash: string;
    status: string;
  }>('SELECT chain_id, head_seq, head_hash, status FROM chains ORDER BY chain_id');
  const reports: ChainReport[] = [];
  for (const c of chains) {
    let prev = GENESIS_HASH;
    let seq = 0;
    let problem: string | undefined;
    const pageSize = 2000;
    for (;;) {
      const rows = await db.query<{ station_seq: number; hash: string; json: string }>(
        `SELECT station_seq, hash, event::text AS json FROM events
         WHERE chain_id = $1 AND station_seq > $2 ORDER BY station_seq LIMIT $3`,
        [c.chain_id, seq, pageSize],
      );
      for (const r of rows) {
        const e = JSON.parse(r.json) as Record<string, unknown>;
        if (r.station_seq !== seq + 1) problem ??= `seq ${seq + 1} missing`;
        else if (e.prevHash !== prev) problem ??= `seq ${r.station_seq}: prevHash does not link`;
        else if ((await chain(prev, e)) !== r.hash || e.hash !== r.hash) {
          problem ??= `seq ${r.station_seq}: hash does not verify`;
        }
        seq = r.station_seq;
        prev = r.hash;
      }
      if (rows.length < pageSize || problem) break;
    }
    if (!problem && (seq !== c.head_seq || prev !== c.head_hash)) {
      problem = `head ${c.head_seq} does not match the events (${seq})`;
    }
    if (!problem && c.status === 'quarantined') problem = 'quarantined (fork)';
    reports.push({
      chainId: c.chain_id,
      events: seq,
      headSeq: c.head_seq,
      status: c.status,
      ok: !problem,
      problem,
    });
  }
  const [t] = await db.query<{ n: number; m: number | null }>(
    'SELECT count(*)::int8 AS n, max(gseq) AS m FROM events',
  );
  const { lastGseq } = await hallInfo(db);
  const events = Number(t?.n ?? 0);
  const maxGseq = Number(t?.m ?? 0);
  const hashesOk = reports.every((r) => r.ok || r.status === 'quarantined');
  return {
    chains: reports,
    events,
    lastGseq,
    maxGseq,
    ok: hashesOk && events === maxGseq && maxGseq === lastGseq,
  };
}
