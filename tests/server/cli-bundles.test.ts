// `npm run server -- bundle import <file>` and `bundle export --station CODE --out <file>` as the
// hall PC runs them, on real PostgreSQL (issue 17 item 5): a station's bundle imported, the same
// file again and a damaged one refused in Chinese and English with exit code 1, the bundle back
// written and signed with the hall's bundle key from the data folder, an existing file never
// overwritten.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallInfo } from '../../server/admin';
import { ensureBundleKey } from '../../server/bundleKey';
import { verifySignature } from '../../server/crypto';
import { migrate } from '../../server/db/migrate';
import { postgresDb } from '../../server/db/sql';
import {
  bodyOf,
  bundleSigningText,
  sealBundle,
  type BundleEnvelope,
} from '../../server/protocol/bundle';
import { testDatabase, type TestDatabase } from '../../server/testing/cluster';
import { makeEvents, testStation } from './helpers';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
let pgdb: TestDatabase;
let data: string;
const sha = (t: string) => createHash('sha256').update(t).digest('hex');

beforeAll(async () => {
  pgdb = await testDatabase();
  data = await mkdtemp(join(tmpdir(), 'ow-hall-bundles-'));
}, 90_000);

afterAll(async () => {
  await pgdb?.stop();
  await rm(data, { recursive: true, force: true });
});

function cli(...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(
      tsx,
      ['server/main.ts', ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: pgdb.url, OW_HALL_DATA: data } },
      (e, stdout, stderr) =>
        done({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

describe('npm run server -- bundle …', () => {
  it('imports a station bundle once, refuses it again and damaged, writes the bundle back', async () => {
    expect((await cli('hall', 'create', '--name', '惠济区服务大厅')).code).toBe(0);
    expect((await cli('station', 'enrol', '--code', 'HJ09', '--label', '外业')).code).toBe(0);
    // The station's key, as its enrolment would have set it.
    const st = testStation('HJ09');
    const db = postgresDb(pgdb.url, 1);
    await migrate(db);
    await db.query(`UPDATE stations SET status = 'active', public_key = $1 WHERE code = 'HJ09'`, [
      st.publicKey,
    ]);
    const hallId = (await hallInfo(db)).hallId!;
    await db.close();

    const { text } = await sealBundle(
      {
        kind: 'station',
        bundleId: crypto.randomUUID(),
        hallId,
        stationCode: 'HJ09',
        createdAt: '2026-12-01T09:00:00.000Z',
      },
      {
        cursor: 0,
        chains: [{ chainId: 'HJ09', fromSeq: 1, events: makeEvents('HJ09', 5) }],
        credentials: [],
        blobs: [],
      },
      { sha256Hex: sha, sign: async (t) => st.sign(t) },
    );
    const file = join(data, 'from-HJ09.owb');
    writeFileSync(file, text);
    expect(await cli('bundle', 'import', file)).toEqual({
      code: 0,
      out:
        '已导入站点 HJ09 的同步包：新记录 5 条，已有 0 条，附件 0 个\n' +
        "  Imported station HJ09's bundle: 5 new records, 0 already held, 0 files\n",
    });
    const again = await cli('bundle', 'import', file);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(
      /^此同步包已于 \S+ 导入过，本次未作任何改动\n {2}This bundle was imported before \(\S+\); nothing changed\n$/,
    );
    const damagedFile = join(data, 'damaged.owb');
    writeFileSync(damagedFile, text.slice(0, -10));
    expect(await cli('bundle', 'import', damagedFile)).toEqual({
      code: 1,
      out:
        '同步包已损坏（内容被改动或不完整），未导入任何内容：请在站点上重新导出（not_json）\n' +
        '  The bundle is damaged (changed or incomplete); nothing was imported: export it again on the station (not_json)\n',
    });

    const out = join(data, 'to-HJ09.owb');
    expect(await cli('bundle', 'export', '--station', 'HJ09', '--out', out)).toEqual({
      code: 0,
      out: `已为站点 HJ09 导出同步包：第 1–5 条大厅记录，共 5 条 → ${out}\n  Bundle for station HJ09: hall records 1–5, 5 in all → ${out}\n`,
    });
    const env = JSON.parse(readFileSync(out, 'utf8')) as BundleEnvelope & { kind: 'hall' };
    const key = await ensureBundleKey(data);
    expect(verifySignature(key.spki, bundleSigningText(env), env.signature)).toBe(true);
    expect(bodyOf(env)!.events.map((e) => e.event.stationSeq)).toEqual([1, 2, 3, 4, 5]);
    const twice = await cli('bundle', 'export', '--station', 'HJ09', '--out', out);
    expect([twice.code, twice.out]).toEqual([
      1,
      `文件已存在：${out}\n  The file exists already: ${out}\n`,
    ]);
    const unknown = await cli('bundle', 'export', '--station', 'HJ77');
    expect([unknown.code, unknown.out]).toEqual([
      1,
      '站点 HJ77 未在本大厅登记\n  Station HJ77 is not enrolled in this hall\n',
    ]);
  }, 90_000);
});
