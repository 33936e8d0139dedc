// npm run server -- numbers register [--series <id>] · numbers void <series> <seq> --note … --by …
// The register of every hall-wide series (docs/hall.md "Numbers"): each number reserved, leased,
// used (by which case or document, which station) or voided (why, by whom); a seq with no row is
// an unexplained gap and makes the exit code 1.
import { seriesIdSchema } from './protocol';
import { SqlLeases } from './db/leases';
import type { Db } from './db/sql';

const say = (zh: string, en: string) => console.log(`${zh}\n  ${en}`);

export class NumbersUsage extends Error {}

const ISLAND = '本站加入前单独签发 issued alone before joining';

const STATUS_ZH = {
  reserved: '已预留',
  leased: '已租出',
  used: '已使用',
  voided: '已作废',
  out_of_range: '超出编号范围',
} as const;

export async function numbersRegister(db: Db, series: string | undefined): Promise<number> {
  if (series !== undefined && !seriesIdSchema.safeParse(series).success) {
    throw new NumbersUsage(
      '--series: cert|doc|ledger:<类型 type>:<年 year>，如 / e.g. doc:acceptance:2026',
    );
  }
  const leases = new SqlLeases(db);
  const r = await leases.register(series);
  let gaps = 0;
  for (const s of r.series) {
    const c = s.counts;
    console.log(
      `${s.seriesId}\t1–${s.lastSeq}\t已使用 used ${c.used}\t已租出 leased ${c.leased}\t已预留 reserved ${c.reserved}\t已作废 voided ${c.voided}${s.clashes ? `\t编号重复 clashes ${s.clashes}` : ''}${s.missing.length ? `\t无记录 MISSING ${s.missing.join(',')}` : ''}`,
    );
    gaps += s.missing.length;
  }
  for (const e of r.entries) {
    const what =
      e.status === 'used'
        ? `${e.usedRef ?? ''}${e.caseId ? ` case ${e.caseId}` : ''}${e.origin === 'island' ? ` · ${ISLAND}` : ''}`
        : e.status === 'voided'
          ? `${e.voidReason ?? ''} · ${e.voidedBy ?? ''}`
          : (e.caseId ?? '');
    console.log(`${e.seq}\t${STATUS_ZH[e.status]} ${e.status}\t${e.stationCode}\t${what}\t${e.at}`);
  }
  // A number an island issued alone that another station issued or holds: recorded, never
  // renumbered (docs/hall.md, *An island's own numbers*).
  for (const x of r.clashes) {
    const other = `${x.otherStation} ${STATUS_ZH[x.otherStatus as keyof typeof STATUS_ZH] ?? ''} ${x.otherStatus} ${x.otherRef ?? ''}`;
    console.log(
      `${x.seq}\t编号重复 CLASH\t${x.stationCode}\t${x.usedRef}${x.caseId ? ` case ${x.caseId}` : ''} — ${other.trim()}\t${x.at}`,
    );
  }
  if (gaps > 0) {
    say(
      `有 ${gaps} 个编号无记录（无法解释的空号）`,
      `${gaps} numbers have no record (unexplained gaps)`,
    );
    return 1;
  }
  say(
    `共 ${r.series.length} 个编号序列，无无法解释的空号`,
    `${r.series.length} series, no unexplained gap`,
  );
  return 0;
}

export async function numbersVoid(
  db: Db,
  series: string | undefined,
  seq: string | undefined,
  note: string | undefined,
  by: string | undefined,
): Promise<void> {
  const n = Number(seq);
  if (!series || !seriesIdSchema.safeParse(series).success || !Number.isInteger(n) || n < 1) {
    throw new NumbersUsage('numbers void <series> <seq> --note <原因 why> --by <姓名 name>');
  }
  if (!note?.trim() || !by?.trim()) {
    throw new NumbersUsage('--note 与 --by 必填 / --note and --by are required');
  }
  const voided = await new SqlLeases(db).void(null, {
    numbers: [{ seriesId: series, seq: n }],
    requestKeys: [],
    reason: 'admin',
    by: by.trim(),
    note: note.trim().slice(0, 200),
  });
  if (voided === 0) {
    say(
      `${series} 第 ${n} 号未作废：它不存在，或已使用、已作废`,
      `${series} #${n} not voided: it does not exist, or is used or voided already`,
    );
    process.exitCode = 1;
    return;
  }
  say(`已作废 ${series} 第 ${n} 号`, `Voided ${series} #${n}`);
}
