// npm run server [-- <subcommand>]: the hall server and its administrator's commands.
// Messages: Chinese first, then English.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stationCodeSchema, stationKindSchema } from './protocol';
import {
  AdminError,
  createHall,
  hallInfo,
  issueEnrolment,
  listStations,
  setStationStatus,
  verifyHall,
} from './admin';
import { buildApp } from './http/app';
import { refuseWhileRestoring, restoreMode } from './restoreCli';
import { bundleCommand } from './bundleCli';
import { ensureBundleKey } from './bundleKey';
import { NumbersUsage, numbersRegister, numbersVoid } from './numbersCli';
import { certificateExists, dataDir, hasDatabaseUrl, openHall } from './runtime';
import { ensureCertificate, lanAddresses } from './tls';
import { checkPublicUrl, type PublicUrlProblem } from '../renderer/src/domain/floor/follow';

const run = promisify(execFile);
const DEFAULT_PORT = 4470;

function flags(args: string[]): { pos: string[]; opt: Map<string, string | true> } {
  const pos: string[] = [];
  const opt = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--')) {
      // --k=v: everything after the first '=' is the value (a note may hold '=' itself).
      const eq = a.indexOf('=');
      const k = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const v = eq < 0 ? undefined : a.slice(eq + 1);
      const next = args[i + 1];
      if (v !== undefined) opt.set(k, v);
      else if (next !== undefined && !next.startsWith('--') && k !== 'tls') {
        opt.set(k, next);
        i++;
      } else opt.set(k, true);
    } else pos.push(a);
  }
  return { pos, opt };
}

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);
const say = (zh: string, en: string) => console.log(`${zh}\n  ${en}`);

class UsageError extends Error {}

const USAGE = `用法 / usage: npm run server -- <command>
  serve [--host 127.0.0.1] [--port ${DEFAULT_PORT}] [--tls]   启动大厅服务器 / run the hall server (default)
        [--public-url https://…]                            手机扫码查看排队进度的公网地址 / the address phones reach
  hall create --name <名称>                                  创建大厅 / create the hall
  station enrol --code HJ02 --label 窗口2 --kind counter     登记站点，打印一次性登记码 / enrol a station
  station block|unblock|retire <code>                       停用、恢复、退役站点 / block, unblock, retire
  station list                                              列出站点 / list stations
  verify                                                    逐条核验每条链 / verify every chain
  backup <dir>                                              备份 / back up (pg_dump -Fc + blobs)
  restore-mode on|status|open [--force]                     从备份恢复后：拒绝拉取直至站点补回 / after a restore
  bundle import <file>                                      导入站点的同步包 / import a station's bundle
  bundle export --station HJ09 [--out <file>] [--after N]   为站点导出同步包 / write a bundle for a station
  numbers register [--series doc:acceptance:2026]           编号登记 / the register of numbers
  numbers void <series> <seq> --note <原因> --by <姓名>       作废编号 / void a number by hand`;

async function withHall<T>(fn: (h: Awaited<ReturnType<typeof openHall>>) => Promise<T>) {
  const h = await openHall({ pool: 2 });
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

function port(opt: Map<string, string | true>) {
  const p = Number(str(opt.get('port')) ?? process.env.OW_HALL_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(p) || p < 1 || p > 65535) throw new UsageError('--port 1–65535');
  return p;
}

/**
 * OW_HALL_RATE=<requests per second>[,<burst>]: the bound per station (default 50,200);
 * OW_HALL_ANON_RATE the same for enrol and session requests by address (default 1,30).
 */
function rateFromEnv(name: 'OW_HALL_RATE' | 'OW_HALL_ANON_RATE') {
  const v = process.env[name];
  if (!v) return undefined;
  const [perSecond, burst] = v.split(',').map(Number);
  if (!perSecond || perSecond <= 0) throw new UsageError(`${name}=<per second>[,<burst>]`);
  return { perSecond, burst: burst && burst > 0 ? burst : perSecond * 4 };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const PUBLIC_URL_PROBLEM: Record<PublicUrlProblem, [string, string]> = {
  empty: ['--public-url 后面缺少地址', '--public-url needs an address'],
  scheme: ['地址须以 https:// 或 http:// 开头', 'the address must start with https:// or http://'],
  query: [
    '地址不能带 ? 或 #（只写到路径为止，如 https://dt.example.gov.cn/hall）',
    'no ? or # in the address (end it at the path, e.g. https://dt.example.gov.cn/hall)',
  ],
  credentials: ['地址不能含用户名或密码', 'no user name or password in the address'],
  malformed: ['这不是一个有效的网址', 'this is not a valid web address'],
};

/**
 * --public-url / OW_HALL_PUBLIC_URL: where phones reach this server (docs/floor.md — the ticket's
 * QR code is `<url>/q/<ticket id>`); undefined when not set. A wrong one stops the start.
 */
function publicUrl(opt: Map<string, string | true>): string | undefined {
  const given = opt.get('public-url') ?? process.env.OW_HALL_PUBLIC_URL;
  if (given === undefined || given === '') return undefined;
  const r = checkPublicUrl(given === true ? '' : given);
  if (r.ok) return r.url;
  const [zh, en] = PUBLIC_URL_PROBLEM[r.problem];
  throw new AdminError(`公网地址（--public-url）有误：${zh}`, `--public-url: ${en}`);
}

async function serve(opt: Map<string, string | true>) {
  const host = str(opt.get('host')) ?? process.env.OW_HALL_HOST ?? '127.0.0.1';
  const tls = opt.get('tls') === true || process.env.OW_HALL_TLS === '1';
  if (!tls && !LOOPBACK.has(host)) {
    throw new AdminError(
      `拒绝在 ${host} 上以明文 HTTP 提供服务：大厅网络上请加 --tls（仅本机回环地址可用 HTTP）`,
      `Refusing plain HTTP on ${host}: add --tls on a hall network (plain HTTP only on loopback)`,
    );
  }
  const publicAddress = publicUrl(opt);
  const h = await openHall();
  if (!hasDatabaseUrl()) {
    say(
      `未设置 DATABASE_URL：使用内置试用数据库（PGlite，${h.embeddedDir}）——仅供单机试用，正式大厅请用 PostgreSQL`,
      `DATABASE_URL is not set: using the embedded trial store (PGlite in ${h.embeddedDir}) — for a one-PC trial only; a real hall runs on PostgreSQL`,
    );
  } else say('数据库：PostgreSQL（DATABASE_URL）', 'Store: PostgreSQL (DATABASE_URL)');
  const cert = tls ? await ensureCertificate(h.dataDir) : undefined;
  const { app } = buildApp({
    db: h.db,
    store: h.store,
    blobDir: h.blobDir,
    https: cert,
    bundleKey: (await ensureBundleKey(h.dataDir)).spki,
    stationRate: rateFromEnv('OW_HALL_RATE'),
    anonymousRate: rateFromEnv('OW_HALL_ANON_RATE'),
    ...(publicAddress ? { publicUrl: publicAddress } : {}),
  });
  const p = port(opt);
  await app.listen({ host, port: p });
  const hall = await hallInfo(h.db);
  const scheme = tls ? 'https' : 'http';
  say(
    `大厅服务器已启动：${scheme}://${host}:${p}${hall.name ? `（${hall.name}）` : ''}`,
    `Hall server listening on ${scheme}://${host}:${p}${hall.name ? ` (${hall.name})` : ''}`,
  );
  if (cert)
    say(`证书指纹 SHA-256：${cert.fingerprint}`, `Certificate fingerprint: ${cert.fingerprint}`);
  if (publicAddress) {
    say(
      `排队凭条二维码：${publicAddress}/q/<票号>（手机须能访问此地址）`,
      `Ticket QR codes: ${publicAddress}/q/<ticket id> (phones must reach this address)`,
    );
  } else {
    say(
      '未设置 --public-url：凭条二维码改用办公信息中的网站，未设网站则不印二维码',
      'No --public-url: ticket QR codes use the office website, none when it is not set',
    );
  }
  if (!hall.hallId)
    say('尚未创建大厅：运行 hall create --name …', 'No hall yet: run hall create --name …');
  const stop = async () => {
    await app.close();
    await h.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

async function enrol(opt: Map<string, string | true>) {
  const code = stationCodeSchema.safeParse(str(opt.get('code')));
  const kind = stationKindSchema.safeParse(str(opt.get('kind')) ?? 'counter');
  const label = (str(opt.get('label')) ?? '').trim();
  if (!code.success)
    throw new UsageError('--code: 大写字母开头，2–10 位字母数字，如 HJ02 / e.g. HJ02');
  if (!kind.success) throw new UsageError(`--kind: ${stationKindSchema.options.join(' | ')}`);
  if (!label || label.length > 60) throw new UsageError('--label: 1–60 个字符 / 1–60 characters');
  const issued = await withHall((h) =>
    issueEnrolment(h.db, { code: code.data, label, kind: kind.data }),
  );
  const tls = certificateExists(dataDir()) || opt.get('tls') === true;
  const cert = tls ? await ensureCertificate(dataDir()) : undefined;
  const p = port(opt);
  const address =
    str(opt.get('url')) ??
    process.env.OW_HALL_URL ??
    (cert ? `https://${lanAddresses()[0] ?? '127.0.0.1'}:${p}` : `http://127.0.0.1:${p}`);
  if (issued.reenrol) {
    say(
      `站点 ${code.data} 已登记：用此码在新电脑上重新登记，旧密钥随即失效`,
      `Station ${code.data} is enrolled already: this code re-enrols it (the old key stops working)`,
    );
  }
  say(
    `已为站点 ${code.data}（${label}）生成登记码`,
    `Enrolment code for station ${code.data} (${label})`,
  );
  console.log(
    `  登记码 / code:        ${issued.code}   （一次性，24 小时内有效 / single use, valid 24 h, until ${issued.expiresAt.toISOString()}）`,
  );
  console.log(`  服务器 / server:      ${address}`);
  console.log(
    `  证书指纹 / fingerprint: ${cert?.fingerprint ?? '（无 TLS：仅限本机 / no TLS: this PC only）'}`,
  );
}

async function backup(dir: string | undefined) {
  if (!dir) throw new UsageError('backup <dir>');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dir, `hall-${stamp}`);
  await mkdir(target, { recursive: true });
  const url = process.env.DATABASE_URL;
  if (url) {
    await run('pg_dump', ['-Fc', '-f', join(target, 'hall.dump'), url]);
  } else {
    // Opening takes the trial database's lock, so no server writes while it is copied.
    const h = await openHall({ pool: 1 });
    try {
      await h.db.close();
      await cp(h.embeddedDir as string, join(target, 'pglite'), { recursive: true });
    } finally {
      await h.close();
    }
  }
  await cp(join(dataDir(), 'blobs'), join(target, 'blobs'), { recursive: true });
  // The hall's own keys: stations pinned the TLS certificate's fingerprint at enrolment and check
  // every hall bundle against the bundle key, so a hall restored without them must enrol every
  // station anew. Private keys: the copy is readable by this user only.
  const keys = await copyKeys(target);
  say(`已备份到 ${target}`, `Backed up to ${target}`);
  if (keys.length > 0)
    say(
      `备份含大厅私钥（${keys.join('、')}），请像保管印章一样保管备份`,
      `The backup holds the hall's private keys (${keys.join(', ')}): keep it as safe as the seal`,
    );
}

/** Copies tls/ and keys/ (those that exist) into the backup, 0700 folders and 0600 files. */
async function copyKeys(target: string): Promise<string[]> {
  const copied: string[] = [];
  for (const name of ['tls', 'keys']) {
    const from = join(dataDir(), name);
    if (!existsSync(from)) continue;
    const to = join(target, name);
    await mkdir(to, { recursive: true, mode: 0o700 });
    await chmod(to, 0o700);
    for (const file of await readdir(from)) {
      await cp(join(from, file), join(to, file));
      await chmod(join(to, file), 0o600);
    }
    copied.push(name);
  }
  return copied;
}

async function main(argv: string[]) {
  const { pos, opt } = flags(argv);
  const [cmd = 'serve', sub, arg] = pos;
  if (cmd === 'serve') return serve(opt);
  if (cmd === 'hall' && sub === 'create') {
    const name = str(opt.get('name'));
    if (!name) throw new UsageError('hall create --name <名称>');
    const h = await withHall((x) => createHall(x.db, name));
    return say(`已创建大厅：${h.name}（${h.hallId}）`, `Hall created: ${h.name} (${h.hallId})`);
  }
  if (cmd === 'station' && sub === 'enrol') return enrol(opt);
  if (cmd === 'station' && sub === 'list') {
    const rows = await withHall((h) => listStations(h.db));
    for (const r of rows) console.log(`${r.code}\t${r.kind}\t${r.status}\t${r.label}`);
    return say(`共 ${rows.length} 个站点`, `${rows.length} stations`);
  }
  if (cmd === 'station' && (sub === 'block' || sub === 'unblock' || sub === 'retire')) {
    if (!arg) throw new UsageError(`station ${sub} <code>`);
    const s = await withHall((h) => setStationStatus(h.db, arg, sub));
    const zh = { block: '已停用', unblock: '已恢复', retire: '已退役' }[sub];
    const en = { block: 'blocked', unblock: 'unblocked', retire: 'retired' }[sub];
    return say(`站点 ${s.code} ${zh}`, `Station ${s.code} ${en}`);
  }
  if (cmd === 'verify') {
    const r = await withHall((h) => verifyHall(h.db));
    for (const c of r.chains) {
      console.log(
        `${c.ok ? '✓' : '✗'} ${c.chainId}\t${c.events} 条 / events\t${c.status}${c.problem ? `\t${c.problem}` : ''}`,
      );
    }
    const order = `count=${r.events} max(gseq)=${r.maxGseq} last_gseq=${r.lastGseq}`;
    if (r.ok)
      return say(
        `核验通过：${r.chains.length} 条链，${order}`,
        `Verified: ${r.chains.length} chains, ${order}`,
      );
    say(`核验未通过：${order}`, `Verification FAILED: ${order}`);
    process.exitCode = 1;
    return;
  }
  if (cmd === 'backup') return backup(sub);
  if (cmd === 'restore-mode') return restoreMode(sub, opt.get('force') === true);
  if (cmd === 'bundle' && (sub === 'import' || sub === 'export')) {
    if (sub === 'import') await refuseWhileRestoring();
    const r = await bundleCommand(sub, arg, opt);
    if (r === 'usage') throw new UsageError(`bundle ${sub}`);
    return;
  }
  if (cmd === 'numbers' && sub === 'register') {
    const code = await withHall((h) => numbersRegister(h.db, str(opt.get('series'))));
    process.exitCode = code;
    return;
  }
  if (cmd === 'numbers' && sub === 'void') {
    const seq = pos[3];
    return withHall((h) => numbersVoid(h.db, arg, seq, str(opt.get('note')), str(opt.get('by'))));
  }
  throw new UsageError(USAGE);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof AdminError) say(e.zh, e.en);
  else if (e instanceof NumbersUsage) console.error(`${e.message}\n\n${USAGE}`);
  else if (e instanceof UsageError)
    console.error(e.message === USAGE ? USAGE : `${e.message}\n\n${USAGE}`);
  else console.error(`出错 / failed: ${(e as Error).message}`);
  process.exit(1);
});
