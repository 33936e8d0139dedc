// Automatic backups: one a day (checked at start and every hour), and one when the app is closed
// or hidden (best effort: a closing window may not wait). The host writes and rotates the files.
import type { HostApi } from '../../../electron/contract';
import type { OneWindowDb } from './db';
import { exportBackup } from './backup';

/** Local calendar date of an instant, as the station's clock sees it ('2026-03-02'). */
export function localDateOf(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export type BackupHost = Pick<HostApi, 'backupsWrite' | 'backupsList'>;

export interface AutoBackupOptions {
  now?: () => Date;
  /** How often to look whether today's backup exists. */
  checkEveryMs?: number;
  /** No second exit backup within this time (hiding and showing a window is frequent). */
  exitGapMs?: number;
  /** Where exit signals come from; the real window by default. */
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'> & {
    document?: Pick<Document, 'visibilityState'>;
  };
}

/** Writes the daily backup if none was written today (local date). Returns whether it wrote. */
export async function backupIfDue(db: OneWindowDb, host: BackupHost, now: Date): Promise<boolean> {
  const { items } = await host.backupsList({});
  const today = localDateOf(now);
  if (items.some((b) => b.createdAt && localDateOf(new Date(b.createdAt)) === today)) return false;
  await host.backupsWrite({ bytes: await exportBackup(db, { now }), kind: 'auto' });
  return true;
}

export function startAutoBackup(
  db: OneWindowDb,
  host: BackupHost,
  options: AutoBackupOptions = {},
): () => void {
  const now = options.now ?? (() => new Date());
  const target = options.target ?? window;
  const doc = options.target ? options.target.document : document;
  const exitGap = options.exitGapMs ?? 10 * 60_000;
  let lastExit = 0;
  let running: Promise<unknown> = Promise.resolve();
  // One backup at a time: a daily and an exit backup must not read and write at once.
  const queue = (job: () => Promise<unknown>) => {
    running = running.then(job).catch((e: unknown) => {
      console.warn('automatic backup failed', e);
    });
    return running;
  };

  const daily = () => queue(() => backupIfDue(db, host, now()));
  const onExit = () => {
    const t = now().getTime();
    if (t - lastExit < exitGap) return;
    lastExit = t;
    void queue(async () =>
      host.backupsWrite({ bytes: await exportBackup(db, { now: now() }), kind: 'exit' }),
    );
  };
  const onVisibility = () => {
    if (doc?.visibilityState === 'hidden') onExit();
  };

  void daily();
  const timer = setInterval(() => void daily(), options.checkEveryMs ?? 60 * 60_000);
  target.addEventListener('beforeunload', onExit);
  target.addEventListener('visibilitychange', onVisibility);
  return () => {
    clearInterval(timer);
    target.removeEventListener('beforeunload', onExit);
    target.removeEventListener('visibilitychange', onVisibility);
  };
}
