// Running the hall sync for one station database: the engine started, its state handed to the
// screens, and `afterDispatch` called whenever the station's open chain grew — the chain head in
// `meta` is looked at every `watchMs` (one small read; every writer appends through the door,
// which moves that head), so a writer that does not call the hook is still pushed within that
// time. Call `engine.afterDispatch()` after a dispatch to push at once. Stop it when the database
// closes or the station leaves the hall.
import type { OneWindowDb } from '../db';
import { HEAD_KEY } from '../log';
import { SyncEngine, type SyncEngineOptions } from './engine';
import type { SyncState } from './state';
import type { HallTransport } from './transport';

export interface HallSync {
  engine: SyncEngine;
  stop(): void;
}

export function runHallSync(
  db: OneWindowDb,
  transport: HallTransport,
  options: Omit<SyncEngineOptions, 'db' | 'transport'> & {
    onState?: (state: SyncState) => void;
    watchMs?: number;
  } = {},
): HallSync {
  const { onState, watchMs = 250, ...engineOptions } = options;
  const engine = new SyncEngine({ db, transport, ...engineOptions });
  const unsubscribeState = onState ? engine.store.subscribe(onState) : () => undefined;
  onState?.(engine.store.get());
  let lastHash: string | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const watch = () => {
    db.meta
      .get(HEAD_KEY)
      .then(
        (row) => {
          const hash = (row?.value as { hash?: string } | undefined)?.hash ?? null;
          if (lastHash !== null && hash !== lastHash) void engine.afterDispatch();
          lastHash = hash;
        },
        () => undefined,
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(watch, watchMs);
      });
  };
  watch();
  engine.start();
  return {
    engine,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      engine.stop();
      unsubscribeState();
    },
  };
}
