// A small hall server for the host tests: real node:https / node:http on a loopback port, a
// self-signed certificate made by openssl for the test, and just enough of the protocol
// (server/protocol) to check what a station sends — in particular that every session and push
// signature verifies with the public key the station enrolled.
import { execFileSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pushSigningText, sessionSigningText, type PushRequest } from '../../../server/protocol';

export const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export interface TestCert {
  key: string;
  cert: string;
  /** As openssl prints it: AB:CD:… */
  opensslFingerprint: string;
}

/** A fresh self-signed P-256 certificate for 127.0.0.1, and openssl's own SHA-256 fingerprint. */
export function makeCert(dir: string, name = 'hall'): TestCert {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=hall.test',
    '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' }); // prettier-ignore
  const out = execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'])
    .toString()
    .trim();
  return {
    key: readFileSync(key, 'utf8'),
    cert: readFileSync(cert, 'utf8'),
    opensslFingerprint: out.slice(out.indexOf('=') + 1),
  };
}

export interface FakeHall {
  url: string;
  port: number;
  /** Every request the server saw: method and path (no bodies). */
  seen: string[];
  publicKey: webcrypto.CryptoKey | null;
  /** Verified signatures, by purpose. */
  verified: { session: number; push: number };
  pushes: PushRequest[];
  blobs: Map<string, Buffer>;
  /** Answer the next pushes with 401 this many times (an expired token). */
  expireTokens: number;
  /** Never answer (the request hangs until the client gives up). */
  hang: boolean;
  /** Refuse the next push with this error body. */
  refusePush: { status: number; body: unknown } | null;
  close(): Promise<void>;
}

const now = () => new Date().toISOString();

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const verify = (key: webcrypto.CryptoKey, sig: string, text: string) =>
  webcrypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    Buffer.from(sig, 'base64'),
    Buffer.from(text, 'utf8'),
  );

export async function startFakeHall(
  opts: { tls?: TestCert; port?: number } = {},
): Promise<FakeHall> {
  const tokens = new Set<string>();
  const challenges = new Map<string, string>();
  let hallLast = 0;
  const hall: FakeHall = {
    url: '',
    port: 0,
    seen: [],
    publicKey: null,
    verified: { session: 0, push: 0 },
    pushes: [],
    blobs: new Map(),
    expireTokens: 0,
    hang: false,
    refusePush: null,
    close: async () => undefined,
  };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, code: string, extra = {}) =>
    send(res, status, { error: { code, message: code, ...extra } });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '').split('?')[0]!;
    hall.seen.push(`${req.method} ${path}`);
    if (hall.hang) return; // never answers
    const raw = await bodyOf(req);
    const json = raw.length && req.headers['content-type'] === 'application/json'
      ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>)
      : {}; // prettier-ignore
    const authed = tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (path === '/v1/health') {
      return send(res, 200, {
        ok: true, hallId: 'hall-1', hallName: '惠济区服务大厅', protocol: 1,
        maxEventSchema: 1, serverTime: now(), store: 'embedded',
      }); // prettier-ignore
    }
    if (path === '/v1/enrol') {
      if (json.code !== 'ABCD-EFGH-JK23') return refuse(res, 400, 'enrolment_code_invalid');
      if (json.stationCode === 'HJ09') return refuse(res, 409, 'station_code_taken');
      hall.publicKey = await webcrypto.subtle.importKey(
        'spki',
        Buffer.from(String(json.publicKey), 'base64'),
        { name: 'ECDSA', namedCurve: 'P-256' },
        true,
        ['verify'],
      );
      return send(res, 200, {
        hallId: 'hall-1', hallName: '惠济区服务大厅', stationCode: json.stationCode,
        serverTime: now(), heads: [],
      }); // prettier-ignore
    }
    if (path === '/v1/session/challenge') {
      const id = `ch-${challenges.size + 1}-xxxxxxxx`;
      const nonce = Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('base64');
      challenges.set(id, nonce);
      return send(res, 200, { challengeId: id, nonce, expiresAt: now(), serverTime: now() });
    }
    if (path === '/v1/session') {
      const nonce = challenges.get(String(json.challengeId));
      const text = sessionSigningText(String(json.stationCode), String(json.challengeId), nonce!);
      if (
        !hall.publicKey ||
        !nonce ||
        !(await verify(hall.publicKey, String(json.signature), text))
      )
        return refuse(res, 401, 'bad_signature');
      hall.verified.session += 1;
      const token = `token-${tokens.size + 1}-${'x'.repeat(20)}`;
      tokens.add(token);
      const expiresAt = new Date(Date.now() + 3600_000).toISOString();
      return send(res, 200, { token, expiresAt, serverTime: now(), heads: [], lastGseq: 0 });
    }
    if (!authed) return refuse(res, 401, 'unauthorized');
    if (path === '/v1/push') {
      if (hall.expireTokens > 0) {
        hall.expireTokens -= 1;
        tokens.clear();
        return refuse(res, 401, 'unauthorized');
      }
      if (hall.refusePush) {
        const r = hall.refusePush;
        hall.refusePush = null;
        return send(res, r.status, r.body);
      }
      const p = json as unknown as PushRequest;
      const text = pushSigningText({
        pushId: p.pushId, chainId: p.chainId, fromSeq: p.fromSeq,
        toSeq: p.fromSeq + p.events.length - 1, lastHash: p.events.at(-1)!.hash,
      }); // prettier-ignore
      if (!(await verify(hall.publicKey!, p.signature, text)))
        return refuse(res, 400, 'bad_signature');
      hall.verified.push += 1;
      hall.pushes.push(p);
      const gseqs = p.events.map(() => (hallLast += 1));
      const last = p.events.at(-1)!;
      return send(res, 200, {
        accepted: p.events.length, duplicates: 0, gseqs, serverTime: now(),
        head: { chainId: p.chainId, seq: last.stationSeq, hash: last.hash, status: 'open' },
      }); // prettier-ignore
    }
    if (path === '/v1/pull') {
      return send(res, 200, {
        events: [],
        cursor: hallLast,
        lastGseq: hallLast,
        serverTime: now(),
      });
    }
    if (path === '/v1/blobs/missing') {
      const hashes = (json.hashes as string[]) ?? [];
      return send(res, 200, { missing: hashes.filter((h) => !hall.blobs.has(h)) });
    }
    if (path.startsWith('/v1/blobs/') && req.method === 'PUT') {
      hall.blobs.set(path.slice('/v1/blobs/'.length), raw);
      return send(res, 200, { ok: true });
    }
    return refuse(res, 404, 'bad_request');
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => refuse(res, 500, 'internal'));
  };
  const server = opts.tls
    ? createHttps({ key: opts.tls.key, cert: opts.tls.cert }, listener)
    : createHttp(listener);
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  hall.port = (server.address() as AddressInfo).port;
  hall.url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${hall.port}`;
  hall.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return hall;
}
