// runHallSync: the engine runs on its own — a dispatch reaches the hall without anyone calling
// the hook, another station's case arrives by the pull loop, the screens get every state.
import { afterEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { runHallSync, type HallSync, type SyncState } from '../../../../../renderer/src/data/sync';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, stationNamed, takeIn } from './fixtures';

const open: { db: OneWindowDb; sync: HallSync }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.sync.stop();
    o.db.close();
  }
});

async function until(what: () => Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('runHallSync', () => {
  it('pushes each dispatch by itself and brings the other station its case', async () => {
    const hall = new HallModel();
    const states: SyncState[] = [];
    const station = async (code: string, onState?: (s: SyncState) => void) => {
      const db = await stationNamed(code);
      const sync = runHallSync(db, new ModelTransport(hall, code), {
        now: () => NOW,
        idlePullMs: 20,
        watchMs: 20,
        onState,
      });
      open.push({ db, sync });
      return db;
    };
    const a = await station('HJ01', (s) => states.push(s));
    const b = await station('HJ02');
    // Both stations' set-up events reach the hall by themselves.
    await until(async () => hall.lastGseq === 4);
    await takeIn(a, 'c1');
    await until(async () => (await b.cases.get('c1')) !== undefined);
    expect((await b.cases.get('c1'))?.caseNo).toBe('HJ01-20260302-0001');
    await until(async () => states.at(-1)?.phase === 'synced');
    expect(states.at(-1)).toEqual({
      phase: 'synced',
      lastSyncAt: NOW.toISOString(),
      pending: 0,
      clockSkewMs: 0,
    });
    expect(states[0]?.phase).toBe('offline');
  });
});
