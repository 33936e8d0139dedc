// The administrator's commands (npm run server -- …) as a hall PC runs them, on real PostgreSQL:
// hall create, station enrol (code, address, fingerprint), block, verify, backup, and serve —
// refusing plain HTTP off loopback, and speaking TLS with the fingerprint it printed.
import { execFile, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolRequestSchema } from '../../server/protocol';
import { freePort, testDatabase, type TestDatabase } from '../../server/testing/cluster';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
let pgdb: TestDatabase;
let data: string;

beforeAll(async () => {
  pgdb = await testDatabase();
  data = await mkdtemp(join(tmpdir(), 'ow-hall-'));
}, 90_000);

afterAll(async () => {
  await pgdb?.stop();
  await rm(data, { recursive: true, force: true });
});

const env = () => ({ ...process.env, DATABASE_URL: pgdb.url, OW_HALL_DATA: data });

function cli(...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(tsx, ['server/main.ts', ...args], { cwd: root, env: env() }, (e, stdout, stderr) => {
      done({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

describe('npm run server -- …', () => {
  it('creates the hall, enrols a station, blocks it, verifies and backs up', async () => {
    const created = await cli('hall', 'create', '--name', '城南大厅');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(
      /^已创建大厅：城南大厅（hall-[0-9a-f-]{36}）\n {2}Hall created: 城南大厅/,
    );
    const twice = await cli('hall', 'create', '--name', '又一个');
    expect([twice.code, twice.out]).toEqual([
      1,
      '大厅已存在：城南大厅\n  The hall already exists: 城南大厅\n',
    ]);

    const enrol = await cli(
      'station',
      'enrol',
      '--code',
      'HJ02',
      '--label',
      '窗口2',
      '--kind',
      'counter',
      '--tls',
    );
    expect(enrol.code).toBe(0);
    const code = /登记码 \/ code: +(\S+)/.exec(enrol.out)?.[1] ?? '';
    expect(enrolRequestSchema.shape.code.safeParse(code).success).toBe(true);
    expect(enrol.out).toMatch(/服务器 \/ server: +https:\/\/[\d.]+:4470/);
    const fingerprint = /证书指纹 \/ fingerprint: (\S+)/.exec(enrol.out)?.[1];
    const cert = new X509Certificate(readFileSync(join(data, 'tls/cert.pem')));
    expect(fingerprint).toBe(cert.fingerprint256);
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const bad = await cli('station', 'enrol', '--code', 'hj2', '--label', 'x');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^--code: 大写字母开头/);

    expect((await cli('station', 'block', 'HJ02')).out).toBe(
      '站点 HJ02 已停用\n  Station HJ02 blocked\n',
    );
    expect((await cli('station', 'list')).out).toMatch(/^HJ02\tcounter\tblocked\t窗口2\n/);
    const verify = await cli('verify');
    expect([verify.code, verify.out]).toEqual([
      0,
      '核验通过：0 条链，count=0 max(gseq)=0 last_gseq=0\n  Verified: 0 chains, count=0 max(gseq)=0 last_gseq=0\n',
    ]);
    const target = join(data, 'backups');
    const backup = await cli('backup', target);
    expect(backup.code).toBe(0);
    const [made] = readdirSync(target);
    expect(existsSync(join(target, made!, 'hall.dump'))).toBe(true);
    expect(
      readFileSync(join(target, made!, 'hall.dump'))
        .subarray(0, 5)
        .toString(),
    ).toBe('PGDMP');
    // The TLS key made at the enrolment is in the backup, for this user only: stations pinned it.
    for (const file of ['tls/cert.pem', 'tls/key.pem']) {
      const copy = join(target, made!, file);
      expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(data, file), 'utf8'));
      expect(statSync(copy).mode & 0o777).toBe(0o600);
    }
    expect(statSync(join(target, made!, 'tls')).mode & 0o777).toBe(0o700);
    expect(backup.out).toContain('备份含大厅私钥（tls）');
    // --k=v keeps everything after the first '=' (split('=', 2) dropped "3 号").
    expect((await cli('station', 'enrol', '--code=HJ03', '--label=窗口=3 号')).code).toBe(0);
    expect((await cli('station', 'list')).out).toContain('HJ03\tcounter\tpending\t窗口=3 号\n');
  }, 60_000);

  it('refuses plain HTTP off loopback', async () => {
    const r = await cli('serve', '--host', '0.0.0.0');
    expect(r.code).toBe(1);
    expect(r.out).toContain('拒绝在 0.0.0.0 上以明文 HTTP 提供服务');
    expect(r.out).toContain('Refusing plain HTTP on 0.0.0.0: add --tls');
  });

  it('refuses a public address phones cannot use as the follow page’s base, saying why', async () => {
    const query = await cli('serve', '--public-url', 'https://dt.example.gov.cn/hall?x=1');
    expect([query.code, query.out]).toEqual([
      1,
      '公网地址（--public-url）有误：地址不能带 ? 或 #（只写到路径为止，如 https://dt.example.gov.cn/hall）\n' +
        '  --public-url: no ? or # in the address (end it at the path, e.g. https://dt.example.gov.cn/hall)\n',
    ]);
    const scheme = await cli('serve', '--public-url', 'dt.example.gov.cn');
    expect([scheme.code, scheme.out]).toEqual([
      1,
      '公网地址（--public-url）有误：地址须以 https:// 或 http:// 开头\n' +
        '  --public-url: the address must start with https:// or http://\n',
    ]);
  });

  it('serves over TLS with the certificate whose fingerprint it prints', async () => {
    const port = await freePort();
    const child = spawn(tsx, ['server/main.ts', 'serve', '--tls', '--port', String(port)], {
      cwd: root,
      env: env(),
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      for (let i = 0; i < 200 && !out.includes('Certificate fingerprint'); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(out).toContain('数据库：PostgreSQL（DATABASE_URL）');
      expect(out).toContain(`大厅服务器已启动：https://127.0.0.1:${port}（城南大厅）`);
      const printed = /证书指纹 SHA-256：(\S+)/.exec(out)?.[1];
      const { body, peer } = await new Promise<{ body: string; peer: string }>((ok, fail) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/v1/health', rejectUnauthorized: false },
          (res) => {
            const peer = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
            let b = '';
            res.on('data', (d: Buffer) => (b += d.toString()));
            res.on('end', () => ok({ body: b, peer }));
          },
        );
        req.on('error', fail);
        req.end();
      });
      expect(peer).toBe(printed);
      expect(JSON.parse(body)).toMatchObject({ ok: true, hallName: '城南大厅', store: 'postgres' });
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
