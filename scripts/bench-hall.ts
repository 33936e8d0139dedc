// The hall server's figures, each beside a baseline measured in the same run, on a throwaway
// PostgreSQL cluster started like the tests' (server/testing/cluster.ts) and the real HTTP server
// on loopback. Run by scripts/bench.mjs (or alone: npx tsx scripts/bench-hall.ts [out.json]).
// OW_BENCH_HALL_SECONDS (default 60) shortens the 20-station run, OW_BENCH_HALL_EVENTS (default
// 200,000) the catch-up.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHall, issueEnrolment } from '../server/admin';
import { migrate } from '../server/db/migrate';
import { postgresDb } from '../server/db/sql';
import { PROTOCOL_VERSION, sessionSigningText, type WireEvent } from '../server/protocol';
import { freePort, testDatabase } from '../server/testing/cluster';
import { makeEvents, signedPush, testStation } from '../server/testing/stations';

interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: string;
  /** The machine's 1-minute load average when the figure was taken (other work shares it). */
  load?: number;
}

const seconds = Number(process.env.OW_BENCH_HALL_SECONDS ?? 60);
const catchUp = Number(process.env.OW_BENCH_HALL_EVENTS ?? 200_000);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
const figures: Figure[] = [];
const taken = figures.push.bind(figures);
figures.push = (...fs: Figure[]) => taken(...fs.map((f) => ({ ...f, load: loadavg()[0] })));
const log = (s: string) => process.stderr.write(`${s}\n`);

const pgdb = await testDatabase();
const db = postgresDb(pgdb.url, 24);
const blobDir = await mkdtemp(join(tmpdir(), 'ow-bench-blobs-'));
const root = resolve(import.meta.dirname, '..');
let server: ChildProcess | undefined;

/** The hall server in a process of its own, as on a hall PC (the stations are this process). */
async function startServer(): Promise<string> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', 'serve', '--port', String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: pgdb.url,
        OW_HALL_DATA: blobDir,
        OW_HALL_RATE: '100000',
        OW_HALL_ANON_RATE: '100000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  server = child;
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 600 && !out.includes('Hall server listening'); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!out.includes('Hall server listening'))
    throw new Error(`the hall server did not start: ${out}`);
  return `http://127.0.0.1:${port}/v1`;
}

try {
  await migrate(db);
  await createHall(db, '基准测试大厅');
  const base = await startServer();

  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  };

  const station = async (code: string) => {
    const st = testStation(code);
    const { code: enrolCode } = await issueEnrolment(db, { code, label: code, kind: 'counter' });
    await call('POST', '/enrol', {
      code: enrolCode,
      stationCode: code,
      label: code,
      kind: 'counter',
      publicKey: st.publicKey,
      appVersion: 'bench',
      protocol: PROTOCOL_VERSION,
    });
    const ch = (await call('POST', '/session/challenge', { stationCode: code })) as {
      challengeId: string;
      nonce: string;
    };
    const s = (await call('POST', '/session', {
      stationCode: code,
      challengeId: ch.challengeId,
      signature: st.sign(sessionSigningText(code, ch.challengeId, ch.nonce)),
      protocol: PROTOCOL_VERSION,
      appVersion: 'bench',
      maxEventSchema: 2,
    })) as { token: string };
    return { ...st, token: s.token };
  };
  const pushOf = (s: Awaited<ReturnType<typeof station>>, events: WireEvent[]) =>
    call('POST', '/push', signedPush(s, events), s.token) as Promise<{
      accepted: number;
      duplicates: number;
      gseqs: number[];
    }>;

  // 1. Push of 10 events vs a raw INSERT of the same rows in one transaction.
  log('hall: push of 10 events…');
  {
    const a = await station('BA01');
    const rounds = 200;
    const all = makeEvents('BA01', (rounds + 20) * 10);
    const pushMs: number[] = [];
    for (let i = 0; i < rounds + 20; i++) {
      const t0 = performance.now();
      await pushOf(a, all.slice(i * 10, i * 10 + 10));
      if (i >= 20) pushMs.push(performance.now() - t0);
    }
    await db.query('CREATE TABLE bench_raw (LIKE events INCLUDING ALL)');
    const raw = makeEvents('BR01', (rounds + 20) * 10);
    const rawMs: number[] = [];
    for (let i = 0; i < rounds + 20; i++) {
      const rows = raw.slice(i * 10, i * 10 + 10);
      const t0 = performance.now();
      await db.tx(async (sql) => {
        await sql.query(
          `INSERT INTO bench_raw (gseq, event_id, chain_id, station_seq, stream_id, type, schema,
             hash, prev_hash, client_at, push_id, event)
           SELECT $1::bigint + t.ord, t.id, 'BR01', t.seq, t.stream, t.type, 2, t.hash, t.prev,
             t.at, 'raw', t.ev::json
           FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
             $8::text[], $9::text[]) WITH ORDINALITY AS t(id, seq, stream, type, hash, prev, at, ev, ord)`,
          [
            i * 10,
            rows.map((e) => e.id),
            rows.map((e) => e.stationSeq),
            rows.map((e) => e.streamId),
            rows.map((e) => e.type),
            rows.map((e) => e.hash),
            rows.map((e) => e.prevHash),
            rows.map((e) => e.at),
            rows.map((e) => JSON.stringify(e)),
          ],
        );
      });
      if (i >= 20) rawMs.push(performance.now() - t0);
    }
    const value = p95(pushMs);
    const baseline = p95(rawMs);
    const ratio = value / baseline;
    figures.push({
      name: 'hall: push of 10 events p95',
      value,
      unit: 'ms',
      baseline,
      ratio,
      target:
        value <= 20 && ratio <= 3
          ? 'ok (≤ 20 ms and ≤ 3× raw INSERT)'
          : `MISSED (≤ 20 ms and ≤ 3× raw INSERT; raw ${baseline.toFixed(2)} ms)`,
    });
  }

  // 2. A change on A visible on B (B long-polls), against the bare round trip of a push.
  log('hall: change on A visible on B…');
  {
    const a = await station('BV01');
    const b = await station('BV02');
    let cursor = Number(
      ((await call('GET', '/pull?after=0&limit=1', undefined, b.token)) as { lastGseq: number })
        .lastGseq,
    );
    const events = makeEvents('BV01', 60);
    const seen: number[] = [];
    const pushed: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const waiting = call('GET', `/pull?after=${cursor}&waitMs=5000`, undefined, b.token);
      await new Promise((r) => setTimeout(r, 20));
      const t0 = performance.now();
      await pushOf(a, [events[i] as WireEvent]);
      pushed.push(performance.now() - t0);
      const page = (await waiting) as { cursor: number; events: unknown[] };
      seen.push(performance.now() - t0);
      cursor = page.cursor;
    }
    const value = p95(seen.slice(10));
    const baseline = p95(pushed.slice(10));
    figures.push({
      name: 'hall: change on A visible on B (long-poll) p95',
      value,
      unit: 'ms',
      baseline,
      ratio: value / baseline,
      target: value <= 1000 ? 'ok (≤ 1 s)' : 'MISSED (≤ 1 s)',
    });
  }

  // 3. 20 stations pushing: paced (a pause of 50–250 ms between pushes, still far more than a
  // hall makes) and then flat out (each pushes again as soon as answered): 0 lost, 0 duplicated.
  const runStations = async (prefix: string, runSeconds: number, paced: boolean) => {
    const stations = await Promise.all(
      Array.from({ length: 20 }, (_, i) => station(`${prefix}${String(i + 1).padStart(2, '0')}`)),
    );
    const end = Date.now() + runSeconds * 1000;
    const lat: number[] = [];
    let rePushed = 0;
    const sent = await Promise.all(
      stations.map(async (s, k) => {
        let seq = 0;
        let prev: WireEvent | undefined;
        let r = k + 1;
        while (Date.now() < end) {
          r = (r * 16807) % 2147483647;
          const n = 1 + (r % 5);
          const events = makeEvents(s.code, n, { fromSeq: seq + 1, prevHash: prev?.hash });
          const t0 = performance.now();
          const res = await pushOf(s, events);
          lat.push(performance.now() - t0);
          if (res.accepted !== n) throw new Error(`${s.code}: accepted ${res.accepted} of ${n}`);
          if (r % 10 === 0) {
            const again = await pushOf(s, events);
            if (again.duplicates !== n) throw new Error(`${s.code}: re-push not duplicates`);
            rePushed += n;
          }
          seq += n;
          prev = events.at(-1);
          if (paced) await new Promise((ok) => setTimeout(ok, 50 + (r % 200)));
        }
        return seq;
      }),
    );
    return { total: sent.reduce((x, y) => x + y, 0), rePushed, p95: p95(lat) };
  };
  let pacedTotal = 0;
  {
    const pacedSeconds = Math.max(5, Math.round(seconds / 3));
    log(`hall: 20 stations pushing, paced, for ${pacedSeconds} s…`);
    const paced = await runStations('BP', pacedSeconds, true);
    pacedTotal = paced.total;
    figures.push({
      name: `hall: 20 stations × ${pacedSeconds} s paced (50–250 ms apart), push p95 (${paced.total} events)`,
      value: paced.p95,
      unit: 'ms',
      target: paced.p95 <= 100 ? 'ok (≤ 100 ms)' : 'MISSED (≤ 100 ms)',
    });
  }
  log(`hall: 20 stations pushing flat out for ${seconds} s…`);
  {
    const flat = await runStations('BS', seconds, false);
    const total = flat.total + pacedTotal;
    const rePushed = flat.rePushed;
    const [t] = await db.query<{ n: number; ids: number; max: number }>(
      `SELECT count(*)::int8 AS n, count(DISTINCT event_id)::int8 AS ids, max(gseq) AS max
       FROM events WHERE chain_id LIKE 'BS%' OR chain_id LIKE 'BP%'`,
    );
    const [all] = await db.query<{ n: number; max: number }>(
      'SELECT count(*)::int8 AS n, max(gseq) AS max FROM events',
    );
    const lost = total - (t?.ids ?? 0);
    const duplicated = (t?.n ?? 0) - (t?.ids ?? 0);
    const value = flat.p95;
    figures.push({
      name: `hall: 20 stations × ${seconds} s flat out, push p95 (${flat.total} events, ${rePushed} re-pushed)`,
      value,
      unit: 'ms',
      target: value <= 100 ? 'ok (≤ 100 ms)' : 'MISSED (≤ 100 ms)',
    });
    figures.push({
      name: 'hall: 20 stations (both runs), events lost + duplicated',
      value: lost + duplicated,
      unit: 'ev',
      target:
        lost === 0 && duplicated === 0 && all?.n === all?.max
          ? 'ok (0 lost, 0 duplicated, gseq gapless)'
          : `MISSED (${lost} lost, ${duplicated} duplicated, count ${all?.n} max ${all?.max})`,
    });
    figures.push({
      name: 'hall: 20 stations flat out, events accepted per second',
      value: flat.total / seconds,
      unit: 'ev/s',
    });
  }

  // 4. A new station catching up: pull every event from 0 (the server's part of the catch-up).
  // Each seeded event carries about 2 KB of payload, the size of a real intake (caseAccepted).
  log(`hall: seeding ${catchUp} events for the catch-up…`);
  {
    await db.query(
      `INSERT INTO stations (code, label, kind, status) VALUES ('SEED', 'seed', 'counter', 'active')`,
    );
    await db.query(
      `INSERT INTO chains (chain_id, station_code, head_hash) VALUES ('SEED', 'SEED', $1)`,
      ['0'.repeat(64)],
    );
    const [h] = await db.query<{ last_gseq: number }>('SELECT last_gseq FROM hall');
    const from = Number(h?.last_gseq ?? 0);
    await db.query(
      `INSERT INTO events (gseq, event_id, chain_id, station_seq, stream_id, type, schema, hash,
         prev_hash, client_at, push_id, event)
       SELECT $1::bigint + i, 'SEED-' || i, 'SEED', i, 'case:SEED-' || (i / 2), 'caseNoted', 2,
         md5(i::text) || md5(i::text), md5((i - 1)::text) || md5((i - 1)::text),
         '2026-12-01T08:00:00.000Z', 'seed',
         json_build_object('id', 'SEED-' || i, 'schema', 2, 'chainId', 'SEED', 'stationId', 'SEED',
           'stationSeq', i, 'streamId', 'case:SEED-' || (i / 2), 'type', 'caseNoted',
           'payload', json_build_object('note', repeat('宗地', 350), 'n', i),
           'actor', json_build_object('id', 'u1', 'name', '测试', 'role', 'clerk'),
           'at', '2026-12-01T08:00:00.000Z', 'prevHash', md5((i - 1)::text) || md5((i - 1)::text),
           'hash', md5(i::text) || md5(i::text))
       FROM generate_series(1, $2::int) AS i`,
      [from, catchUp],
    );
    await db.query('UPDATE hall SET last_gseq = last_gseq + $1', [catchUp]);
    await db.query('ANALYZE events');
    const c = await station('BC01');
    log('hall: catching up…');
    const t0 = performance.now();
    let cursor = 0;
    let got = 0;
    for (;;) {
      const page = (await call('GET', `/pull?after=${cursor}&limit=2000`, undefined, c.token)) as {
        events: unknown[];
        cursor: number;
        lastGseq: number;
      };
      got += page.events.length;
      cursor = page.cursor;
      if (cursor >= page.lastGseq) break;
    }
    const value = (performance.now() - t0) / 1000;
    figures.push({
      name: `hall: new station pulls all ${got} events (server part of the catch-up)`,
      value,
      unit: 's',
      target:
        value <= 120
          ? 'ok (≤ 120 s incl. the station fold: see station figures)'
          : 'MISSED (≤ 120 s)',
    });
  }
} finally {
  server?.kill('SIGTERM');
  await db.close();
  await pgdb.stop();
  await rm(blobDir, { recursive: true, force: true });
}

const out = process.argv[2];
if (out) await writeFile(out, JSON.stringify(figures, null, 2));
else
  for (const f of figures)
    console.log(`${f.name}: ${f.value.toFixed(2)} ${f.unit} ${f.target ?? ''}`);
