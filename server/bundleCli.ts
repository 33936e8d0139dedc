// `npm run server -- bundle import <file>` and `bundle export --station CODE [--out file]
// [--after N]`: the administrator's side of field bundles (server/bundles.ts). Chinese first,
// then English; a refused bundle exits with code 1 and changes nothing.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stationCodeSchema } from './protocol';
import { MAX_BUNDLE_BYTES } from './protocol/bundle';
import { AdminError } from './admin';
import { exportHallBundle, importStationBundle } from './bundles';
import { ensureBundleKey } from './bundleKey';
import { dataDir, openHall } from './runtime';

const say = (zh: string, en: string) => console.log(`${zh}\n  ${en}`);

export async function bundleCommand(
  sub: 'import' | 'export',
  arg: string | undefined,
  opt: Map<string, string | true>,
): Promise<'usage' | void> {
  if (sub === 'import') {
    if (!arg) return 'usage';
    const size = await stat(arg).then(
      (s) => s.size,
      () => {
        throw new AdminError(`找不到文件 ${arg}`, `No such file: ${arg}`);
      },
    );
    if (size > MAX_BUNDLE_BYTES)
      throw new AdminError('文件超过 512 MB，不是同步包', 'The file is over 512 MB: not a bundle');
    const text = await readFile(arg, 'utf8');
    const h = await openHall({ pool: 2 });
    try {
      const r = await importStationBundle(h, text);
      say(
        `已导入站点 ${r.stationCode} 的同步包：新记录 ${r.accepted} 条，已有 ${r.duplicates} 条，附件 ${r.blobs} 个`,
        `Imported station ${r.stationCode}'s bundle: ${r.accepted} new records, ${r.duplicates} already held, ${r.blobs} files`,
      );
      if (r.accepted === 0)
        say(
          '大厅已有其中的全部记录：本次未作任何改动',
          'The hall held every record of it already: nothing changed',
        );
    } finally {
      await h.close();
    }
    return;
  }
  const code = stationCodeSchema.safeParse(opt.get('station'));
  if (!code.success) return 'usage';
  const afterOpt = opt.get('after');
  const after = typeof afterOpt === 'string' ? Number(afterOpt) : undefined;
  if (after !== undefined && (!Number.isInteger(after) || after < 0))
    throw new AdminError('--after 须为非负整数', '--after must be a whole number ≥ 0');
  const key = await ensureBundleKey(dataDir());
  const h = await openHall({ pool: 2 });
  try {
    const r = await exportHallBundle(h, key, code.data, after === undefined ? {} : { after });
    const outOpt = opt.get('out');
    const out = resolve(typeof outOpt === 'string' ? outOpt : r.fileName);
    await writeFile(out, r.text, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EEXIST')
        throw new AdminError(`文件已存在：${out}`, `The file exists already: ${out}`);
      throw e;
    });
    if (r.events === 0)
      return say(
        `已为站点 ${code.data} 导出同步包：第 ${r.after} 条之后大厅没有新记录，只带回站点的确认 → ${out}`,
        `Bundle for station ${code.data}: no hall records after ${r.after}, only the acknowledgement of its own → ${out}`,
      );
    say(
      `已为站点 ${code.data} 导出同步包：第 ${r.after + 1}–${r.lastGseq} 条大厅记录，共 ${r.events} 条 → ${out}`,
      `Bundle for station ${code.data}: hall records ${r.after + 1}–${r.lastGseq}, ${r.events} in all → ${out}`,
    );
  } finally {
    await h.close();
  }
}
