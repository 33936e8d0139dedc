// The EventStore in SQL (PostgreSQL or PGlite, same statements). A push locks its chain row, then
// the hall row: `UPDATE hall SET last_gseq = last_gseq + n RETURNING last_gseq` hands out n gapless
// gseqs and holds the hall row until commit, so commits happen in gseq order and a reader going
// forward by gseq never steps over an event that commits later. Lock order: chain → hall, always.
import pg from 'pg';
import { GENESIS_HASH } from '../../renderer/src/domain/audit';
import type { Credential, WireEvent } from '../protocol';
import { Notifier } from '../core/notifier';
import {
  EventIdTaken,
  type ChainHeadRow,
  type ChainTx,
  type EventStore,
  type StoredRow,
} from '../core/store';
import { recordNumberUses } from './numberUses';
import type { Db, Sql } from './sql';

export const NOTIFY_CHANNEL = 'hall_events';

export interface SqlStoreOptions {
  /** PostgreSQL: LISTEN on this URL so pulls wake for commits of other server processes too. */
  listenUrl?: string;
  /** Tests only: runs inside the push transaction right after the INSERT. */
  afterInsert?: (sql: Sql, events: readonly WireEvent[]) => Promise<void>;
  /**
   * Tests only: take gseqs from a plain sequence instead of the hall row — the broken append the
   * concurrency test must catch (a reader past a committed gseq misses a lower one that commits
   * later).
   */
  unsafeSequence?: string;
}

type PushRecord = Parameters<ChainTx['recordPush']>[0];

const PUSH_INSERT = `INSERT INTO pushes (push_id, station_code, chain_id, from_seq, to_seq,
  accepted, duplicates) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`;

const pushParams = (p: PushRecord) => [
  p.pushId,
  p.stationCode,
  p.chainId,
  p.fromSeq,
  p.toSeq,
  p.accepted,
  p.duplicates,
];

async function recordPush(sql: Sql, p: PushRecord): Promise<void> {
  await sql.query(PUSH_INSERT, pushParams(p));
}

interface ChainRow {
  station_code: string;
  head_seq: number;
  head_hash: string;
  status: 'open' | 'closed' | 'quarantined';
}

export class SqlStore implements EventStore {
  readonly kind: 'postgres' | 'embedded';
  private readonly notifier = new Notifier();
  private listener: pg.Client | undefined;

  constructor(
    readonly db: Db,
    private readonly opts: SqlStoreOptions = {},
  ) {
    this.kind = db.kind;
  }

  /** Starts LISTEN (PostgreSQL with listenUrl). */
  async start(): Promise<void> {
    if (!this.opts.listenUrl || this.db.kind !== 'postgres') return;
    const c = new pg.Client({ connectionString: this.opts.listenUrl });
    c.on('error', () => undefined);
    await c.connect();
    c.on('notification', (n) => {
      const last = Number(n.payload);
      if (Number.isFinite(last)) this.notifier.publish(last);
    });
    await c.query(`LISTEN ${NOTIFY_CHANNEL}`);
    this.listener = c;
  }

  async stop(): Promise<void> {
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  async withChain<T>(chainId: string, owner: string, fn: (tx: ChainTx) => Promise<T>) {
    let published = 0;
    let pending: PushRecord | undefined;
    const out = await this.db.tx(async (sql) => {
      const lock = () =>
        sql.query<ChainRow>(
          'SELECT station_code, head_seq, head_hash, status FROM chains WHERE chain_id = $1 FOR UPDATE',
          [chainId],
        );
      let [row] = await lock();
      if (!row) {
        await sql.query(
          `INSERT INTO chains (chain_id, station_code, head_hash, public_key)
           SELECT $1, $2, $3, public_key FROM stations WHERE code = $2
           ON CONFLICT (chain_id) DO NOTHING`,
          [chainId, owner, GENESIS_HASH],
        );
        [row] = await lock();
      }
      if (!row) throw new Error(`chain ${chainId}: no row (is station ${owner} enrolled?)`);
      const tx: ChainTx = {
        state: { headSeq: row.head_seq, headHash: row.head_hash, status: row.status },
        owner: row.station_code,
        held: async (from, to) =>
          (
            await sql.query<{ seq: number; hash: string; gseq: number }>(
              `SELECT station_seq AS seq, hash, gseq FROM events
               WHERE chain_id = $1 AND station_seq BETWEEN $2 AND $3 ORDER BY station_seq`,
              [chainId, from, to],
            )
          ).map((r) => ({ seq: r.seq, hash: r.hash, gseq: Number(r.gseq) })),
        append: async (id, events, head, pushId) => {
          // The push row and the chain's head go in the same statement as the gseqs and the rows
          // (see insert): the hall row is taken last and held for that statement and the commit.
          const record = pending;
          pending = undefined;
          const gseqs = await this.insert(sql, id, events, pushId, head, record).catch(
            (e: unknown) => {
              const err = e as { code?: string; constraint?: string; message?: string };
              if (err.code === '23505' && /event_id/.test(err.constraint ?? err.message ?? '')) {
                throw new EventIdTaken();
              }
              throw e;
            },
          );
          published = Math.max(published, ...gseqs);
          return gseqs;
        },
        quarantine: async (seq) => {
          await sql.query(
            `UPDATE chains SET status = 'quarantined', fork_seq = $2, fork_at = now()
             WHERE chain_id = $1`,
            [chainId, seq],
          );
        },
        storeCredentials: async (credentials, stationCode) => {
          await sql.query(
            `INSERT INTO credentials (event_id, user_id, hash, station_code)
             SELECT t.e, t.u, t.h, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS t(e, u, h)
             ON CONFLICT (event_id) DO NOTHING`,
            [
              credentials.map((c) => c.eventId),
              credentials.map((c) => c.userId),
              credentials.map((c) => c.hash),
              stationCode,
            ],
          );
        },
        markNumbersUsed: async (uses, stationCode) => {
          await recordNumberUses(sql, stationCode, uses);
        },
        // Kept until the append writes it in its statement (one round trip less); a push with
        // nothing fresh (all duplicates) writes it alone before the commit.
        recordPush: (p) => {
          pending = p;
          return Promise.resolve();
        },
      };
      const out = await fn(tx);
      if (pending) await recordPush(sql, pending);
      return out;
    });
    if (published > 0) this.notifier.publish(published);
    return out;
  }

  private async insert(
    sql: Sql,
    chainId: string,
    events: readonly WireEvent[],
    pushId: string,
    head: { seq: number; hash: string },
    record: PushRecord | undefined,
  ) {
    const n = events.length;
    const cols = [
      events.map((e) => e.id),
      events.map((e) => e.stationSeq),
      events.map((e) => e.streamId),
      events.map((e) => e.type),
      events.map((e) => e.schema ?? 1),
      events.map((e) => e.hash),
      events.map((e) => e.prevHash),
      events.map((e) => e.at),
      events.map((e) => JSON.stringify(e)),
    ];
    const select = `FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::int[],
        $8::text[], $9::text[], $10::text[], $11::text[])
        WITH ORDINALITY AS t(id, seq, stream, type, schema, hash, prev, at, ev, ord)`;
    const insert = `INSERT INTO events (gseq, event_id, chain_id, station_seq, stream_id, type,
        schema, hash, prev_hash, client_at, push_id, event)`;
    let gseqs: number[];
    if (this.opts.unsafeSequence) {
      if (record) await recordPush(sql, record);
      await sql.query('UPDATE chains SET head_seq = $2, head_hash = $3 WHERE chain_id = $1', [
        chainId,
        head.seq,
        head.hash,
      ]);
      const rows = await sql.query<{ gseq: number }>(
        `${insert} SELECT nextval('${this.opts.unsafeSequence}'), t.id, $1, t.seq, t.stream,
           t.type, t.schema, t.hash, t.prev, t.at, $2, t.ev::json ${select} RETURNING gseq`,
        [chainId, pushId, ...cols],
      );
      gseqs = rows.map((r) => Number(r.gseq)).sort((a, b) => a - b);
    } else {
      // One statement: n gapless gseqs from the hall row, the rows, and the wake-up for pulls
      // (NOTIFY is delivered at commit).
      const notify =
        this.db.kind === 'postgres' ? `, pg_notify('${NOTIFY_CHANNEL}', h.last_gseq::text)` : '';
      // The push row (when not written yet) and the chain's head in the same statement.
      const p = record
        ? `p AS (${PUSH_INSERT.replace(/\$(\d)/g, (_, d: string) => `$${Number(d) + 14}`)}),`
        : '';
      const [hall] = await sql.query<{ last_gseq: number }>(
        `WITH ${p} c AS (UPDATE chains SET head_seq = $13, head_hash = $14 WHERE chain_id = $1),
         h AS (UPDATE hall SET last_gseq = last_gseq + $12 RETURNING last_gseq),
         ins AS (${insert} SELECT (SELECT last_gseq FROM h) - $12 + t.ord, t.id, $1, t.seq,
           t.stream, t.type, t.schema, t.hash, t.prev, t.at, $2, t.ev::json ${select})
         SELECT h.last_gseq${notify} FROM h`,
        [chainId, pushId, ...cols, n, head.seq, head.hash, ...(record ? pushParams(record) : [])],
      );
      const last = Number(hall?.last_gseq);
      gseqs = events.map((_, i) => last - n + i + 1);
    }
    await this.opts.afterInsert?.(sql, events);
    return gseqs;
  }

  async pull(
    after: number,
    limit: number,
  ): Promise<{ rows: StoredRow[]; lastGseq: number; credentials: Credential[] }> {
    const rows = await this.db.query<{ gseq: number; json: string }>(
      'SELECT gseq, event::text AS json FROM events WHERE gseq > $1 ORDER BY gseq LIMIT $2',
      [after, limit],
    );
    const lastGseq = await this.lastGseq();
    const upTo = rows.length > 0 ? Number(rows[rows.length - 1]!.gseq) : after;
    const credentials =
      upTo > after
        ? (
            await this.db.query<{ event_id: string; user_id: string; hash: string }>(
              `SELECT c.event_id, c.user_id, c.hash FROM credentials c
               JOIN events e ON e.event_id = c.event_id
               WHERE e.gseq > $1 AND e.gseq <= $2 ORDER BY e.gseq`,
              [after, upTo],
            )
          ).map((r) => ({ eventId: r.event_id, userId: r.user_id, hash: r.hash }))
        : [];
    return {
      rows: rows.map((r) => ({ gseq: Number(r.gseq), json: r.json })),
      lastGseq,
      credentials,
    };
  }

  async lastGseq(): Promise<number> {
    if (this.opts.unsafeSequence) {
      const [r] = await this.db.query<{ m: number | null }>('SELECT max(gseq) AS m FROM events');
      return Number(r?.m ?? 0);
    }
    const [r] = await this.db.query<{ last_gseq: number }>('SELECT last_gseq FROM hall');
    return Number(r?.last_gseq ?? 0);
  }

  async heads(stationCode: string): Promise<ChainHeadRow[]> {
    const rows = await this.db.query<{
      chain_id: string;
      head_seq: number;
      head_hash: string;
      status: ChainHeadRow['status'];
    }>(
      'SELECT chain_id, head_seq, head_hash, status FROM chains WHERE station_code = $1 ORDER BY chain_id',
      [stationCode],
    );
    return rows.map((r) => ({
      chainId: r.chain_id,
      seq: r.head_seq,
      hash: r.head_hash,
      status: r.status,
    }));
  }

  async missingBlobs(hashes: readonly string[]): Promise<string[]> {
    if (hashes.length === 0) return [];
    const held = await this.db.query<{ sha256: string }>(
      'SELECT sha256 FROM blobs WHERE sha256 = ANY($1::text[])',
      [hashes],
    );
    const have = new Set(held.map((r) => r.sha256));
    return hashes.filter((h) => !have.has(h));
  }

  waitPast(after: number, waitMs: number): Promise<void> {
    return this.notifier.wait(after, waitMs, () => this.lastGseq());
  }
}
