// npm run server -- restore-mode on | status | open [--force]: the administrator's side of
// restoring the hall from an older dump (docs/hall.md "Restoring the server"). Chinese first.
import { AdminError } from './admin';
import { openHall as openHallStore } from './runtime';
import { openHall, type StationProgress } from './core/restore';
import { SqlRestore } from './db/restore';

const say = (zh: string, en: string) => console.log(`${zh}\n  ${en}`);

function listing(rows: readonly StationProgress[], lastGseq: number) {
  for (const p of rows) {
    const where =
      p.checkedInAt === null
        ? '未报到 / not checked in'
        : (p.holds ?? 0) > lastGseq
          ? `持有至 ${p.holds}，大厅至 ${lastGseq} / holds to ${p.holds}, the hall to ${lastGseq}`
          : `已补回 ${p.refilled} 条 / refilled ${p.refilled} events (${p.checkedInAt})`;
    console.log(`  ${p.code}\t${p.label}\t${where}`);
  }
}

export async function restoreMode(sub: string | undefined, force: boolean): Promise<void> {
  const h = await openHallStore({ pool: 2 });
  try {
    const restore = new SqlRestore(h.db);
    const last = await h.store.lastGseq();
    if (sub === 'on') {
      const began = await restore.begin('admin', last, new Date());
      return say(
        began
          ? `已进入恢复模式：大厅序号止于 ${last}；各站点补回前拒绝拉取、推送和取号`
          : `已在恢复模式中（大厅序号止于 ${last}）`,
        began
          ? `Restore mode on: the hall's order ends at ${last}; pulls, pushes and numbers are refused until the stations have refilled`
          : `Restore mode was on already (the hall's order ends at ${last})`,
      );
    }
    const s = await restore.state();
    const progress = await restore.progress();
    if (sub === 'status') {
      if (!s.restoring) {
        say(
          `未在恢复模式${s.openedAt ? `（上次恢复 ${s.openedAt} 开放于 ${s.openedGseq}，${s.openedHow === 'forced' ? `强制，未补回：${s.missing.join(' ') || '无'}` : '全部补回'}）` : ''}`,
          `Not restoring${s.openedAt ? ` (last restore opened ${s.openedAt} at ${s.openedGseq}, ${s.openedHow === 'forced' ? `forced, not refilled: ${s.missing.join(' ') || 'none'}` : 'all refilled'})` : ''}`,
        );
        return;
      }
      say(
        `恢复模式：自 ${s.beganAt}（${s.beganHow === 'admin' ? '管理员' : '站点发现'}），转储止于 ${s.fromGseq}，现至 ${last}`,
        `Restoring since ${s.beganAt} (${s.beganHow}), the dump ended at ${s.fromGseq}, now at ${last}`,
      );
      return listing(progress, last);
    }
    if (sub === 'open') {
      if (!s.restoring) return say('未在恢复模式', 'Not restoring');
      const r = await openHall(h.store, restore, force, new Date());
      if (r.opened) {
        say(
          `大厅已开放，序号至 ${r.lastGseq}${r.missing.length ? `；未补回的站点须先报到：${r.missing.map((m) => m.code).join(' ')}` : ''}`,
          `The hall is open at gseq ${r.lastGseq}${r.missing.length ? `; stations that had not refilled must check in first: ${r.missing.map((m) => m.code).join(' ')}` : ''}`,
        );
        return listing(r.missing, r.lastGseq);
      }
      if (r.past.length > 0)
        say(
          `不能开放：${r.past.join(' ')} 持有大厅之后的事件，而其间缺少的序号无人补回——请让持有者（常为事件所属站点）上线补回`,
          `Cannot open: ${r.past.join(' ')} hold events past the hall and the gseqs between are refilled by nobody yet — bring the station that holds them (usually their origin) online`,
        );
      else
        say(
          '不能开放：以下站点尚未补回（确认后可加 --force 强制开放）',
          'Cannot open: these stations have not refilled (add --force to open without them)',
        );
      listing(r.missing, r.lastGseq);
      process.exitCode = 1;
      return;
    }
    throw new Error('restore-mode on | status | open [--force]');
  } finally {
    await h.close();
  }
}

/** A bundle import appends like a push: refused while the hall restores (its gseqs are held). */
export async function refuseWhileRestoring(): Promise<void> {
  const h = await openHallStore({ pool: 1 });
  try {
    if ((await new SqlRestore(h.db).state()).restoring)
      throw new AdminError(
        '大厅正在恢复：各站点补回之前不能导入同步包（restore-mode status 查看进度）',
        'The hall is being restored: no bundle is imported until the stations have refilled (restore-mode status shows how far)',
      );
  } finally {
    await h.close();
  }
}
